package dev.iamatlas.model.evaluation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One authorization question: may this principal perform this action on this resource, in this
 * context, under these policies? Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * EvaluationRequest request = EvaluationRequest.builder()
 *         .principal("apigateway.amazonaws.com")
 *         .action("lambda:InvokeFunction")
 *         .resource("arn:aws:lambda:us-east-1:111122223333:function:orders")
 *         .context("aws:SourceArn", "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/orders")
 *         .resourcePolicy(new NamedPolicy("function orders policy", PolicyParser.parse(json)))
 *         .missingKeysUnknown(true)          // a static snapshot cannot know, e.g., aws:SourceIp
 *         .build();
 * }</pre>
 *
 * <p>Resource account: given, or else the account segment of the resource ARN; when the ARN has no
 * account (S3 buckets, {@code *}), the caller's own account is assumed (a same-account request).
 */
public final class EvaluationRequest {
    private final RequestPrincipal principal;
    private final String action;
    private final String lowerCaseAction;
    private final String resource;
    private final RequestContext context;
    private final List<NamedPolicy> identityPolicies;
    private final NamedPolicy resourcePolicy;
    private final NamedPolicy permissionBoundary;
    private final NamedPolicy sessionPolicy;
    private final List<List<NamedPolicy>> scps;
    private final List<List<NamedPolicy>> rcps;
    private final String resourceAccount;
    private final boolean resourceAccountGiven;

    private EvaluationRequest(Builder b, RequestContext context) {
        this.principal = b.principal;
        this.action = b.action;
        this.lowerCaseAction = b.action.toLowerCase(Locale.ROOT);
        this.resource = b.resource;
        this.context = context;
        this.identityPolicies = List.copyOf(b.identityPolicies);
        this.resourcePolicy = b.resourcePolicy;
        this.permissionBoundary = b.permissionBoundary;
        this.sessionPolicy = b.sessionPolicy;
        this.scps = copyLevels(b.scps, "scps");
        this.rcps = copyLevels(b.rcps, "rcps");
        String account = b.resourceAccount;
        this.resourceAccountGiven = account != null && !account.isEmpty();
        this.resourceAccount = resourceAccountGiven ? account : derivedAccount(b.resource, b.principal);
    }

    /** {@code base} for another action and resource; everything else (context, policies) is shared. */
    private EvaluationRequest(EvaluationRequest base, String action, String resource) {
        this.principal = base.principal;
        this.action = action;
        this.lowerCaseAction = action.toLowerCase(Locale.ROOT);
        this.resource = resource;
        this.context = base.context;
        this.identityPolicies = base.identityPolicies;
        this.resourcePolicy = base.resourcePolicy;
        this.permissionBoundary = base.permissionBoundary;
        this.sessionPolicy = base.sessionPolicy;
        this.scps = base.scps;
        this.rcps = base.rcps;
        this.resourceAccountGiven = base.resourceAccountGiven;
        this.resourceAccount = resourceAccountGiven ? base.resourceAccount : derivedAccount(resource, principal);
    }

    /**
     * The same question about another action and resource: the principal, context (with its unknown keys),
     * policies and organization levels stay. For asking about many actions of one principal without building each
     * request anew; the caller makes sure that what it shares (for example the RCPs, which depend on the action's
     * service) holds for the new action too.
     *
     * @throws IllegalArgumentException when the action or resource is empty
     */
    public EvaluationRequest withActionAndResource(String action, String resource) {
        if (action == null || action.isEmpty() || resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("action and resource are required");
        }
        return new EvaluationRequest(this, action, resource);
    }

    /** The account segment of the resource ARN; the caller's account when it has none (or a wildcard). */
    private static String derivedAccount(String resource, RequestPrincipal principal) {
        String account = accountOf(resource);
        if (account == null || account.isEmpty() || account.indexOf('*') >= 0 || account.indexOf('?') >= 0) {
            account = principal.account();
        }
        return account;
    }

    private static List<List<NamedPolicy>> copyLevels(List<List<NamedPolicy>> levels, String what) {
        if (levels.size() > 63) {
            throw new IllegalArgumentException(what + ": at most 63 organization levels, got " + levels.size());
        }
        List<List<NamedPolicy>> out = new ArrayList<>(levels.size());
        for (List<NamedPolicy> level : levels) {
            out.add(List.copyOf(level));
        }
        return List.copyOf(out);
    }

    /** The account segment (5th) of an ARN, or null when {@code arn} is not ARN-shaped. */
    static String accountOf(String arn) {
        if (!arn.startsWith("arn:")) {
            return null;
        }
        int from = 0;
        for (int i = 0; i < 4; i++) {
            from = arn.indexOf(':', from) + 1;
            if (from == 0) {
                return null;
            }
        }
        int end = arn.indexOf(':', from);
        return end < 0 ? null : arn.substring(from, end);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The caller. */
    public RequestPrincipal principal() {
        return principal;
    }

    /** The action, as given. */
    public String action() {
        return action;
    }

    /** The action, lower-cased (actions are case-insensitive). */
    public String lowerCaseAction() {
        return lowerCaseAction;
    }

    /** The resource ARN (or {@code *}). */
    public String resource() {
        return resource;
    }

    /** The request context. */
    public RequestContext context() {
        return context;
    }

    /** The caller's identity-based policies. */
    public List<NamedPolicy> identityPolicies() {
        return identityPolicies;
    }

    /** The resource's resource-based policy, or null. */
    public NamedPolicy resourcePolicy() {
        return resourcePolicy;
    }

    /** The caller's permissions boundary, or null. */
    public NamedPolicy permissionBoundary() {
        return permissionBoundary;
    }

    /** The caller's session policy, or null. */
    public NamedPolicy sessionPolicy() {
        return sessionPolicy;
    }

    /** SCPs of the caller's account, one list per organization level, root first; empty when not in an organization. */
    public List<List<NamedPolicy>> scps() {
        return scps;
    }

    /** RCPs of the resource's account, one list per level, root first; empty when not in an organization. */
    public List<List<NamedPolicy>> rcps() {
        return rcps;
    }

    /** The resource's account: given, else from the ARN, else the caller's account; null for non-IAM callers without one. */
    public String resourceAccount() {
        return resourceAccount;
    }

    /**
     * Whether the resource-based policy must itself allow the request, even within one account:
     * role trust policies (any {@code sts:} action on a role: {@code sts:AssumeRole*}, and the
     * {@code sts:TagSession}, {@code sts:SetSourceIdentity}, {@code sts:SetContext} permissions a trust
     * policy must grant alongside it) and KMS key policies ({@code kms:*}
     * on a key), per "IAM role trust policies and KMS key policies are exceptions to this logic,
     * because they must explicitly allow access for principals"
     * (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">evaluation logic</a>).
     */
    public boolean resourcePolicyRequired() {
        if (lowerCaseAction.startsWith("sts:")) {
            return resource.contains(":iam::") && resource.contains(":role/");
        }
        return lowerCaseAction.startsWith("kms:") && resource.contains(":kms:") && resource.contains(":key/");
    }

    /** Whether the request assumes a service-linked role: {@code sts:AssumeRole} on a role under {@code /aws-service-role/}. */
    public boolean assumesServiceLinkedRole() {
        return lowerCaseAction.equals("sts:assumerole") && resource.contains(":iam::") && resource.contains(":role/aws-service-role/");
    }

    /** Whether the caller is an IAM principal of another account than the resource's. */
    public boolean isCrossAccount() {
        return principal.account() != null && resourceAccount != null && !principal.account().equals(resourceAccount);
    }

    /** Builds {@link EvaluationRequest}s. Not thread-safe. */
    public static final class Builder {
        private RequestPrincipal principal;
        private String action;
        private String resource;
        private final Map<String, List<String>> context = new HashMap<>();
        private final Set<String> unknownKeys = new HashSet<>();
        private boolean missingKeysUnknown;
        private boolean deriveContextKeys;
        private final List<NamedPolicy> identityPolicies = new ArrayList<>();
        private NamedPolicy resourcePolicy;
        private NamedPolicy permissionBoundary;
        private NamedPolicy sessionPolicy;
        private List<List<NamedPolicy>> scps = List.of();
        private List<List<NamedPolicy>> rcps = List.of();
        private String resourceAccount;

        private Builder() {
        }

        /** The caller. */
        public Builder principal(RequestPrincipal principal) {
            this.principal = Objects.requireNonNull(principal, "principal");
            return this;
        }

        /** The caller, parsed with {@link RequestPrincipal#parse(String)}. */
        public Builder principal(String principal) {
            return principal(RequestPrincipal.parse(principal));
        }

        /** The action, e.g. {@code lambda:InvokeFunction}. */
        public Builder action(String action) {
            this.action = Objects.requireNonNull(action, "action");
            return this;
        }

        /** The resource ARN. */
        public Builder resource(String resource) {
            this.resource = Objects.requireNonNull(resource, "resource");
            return this;
        }

        /** Sets a context key (case-insensitive) to one or more values; replaces earlier values. */
        public Builder context(String key, String... values) {
            return context(key, List.of(values));
        }

        /** Sets a context key to a list of values (a multivalued key; an empty list is an empty set). */
        public Builder context(String key, List<String> values) {
            Objects.requireNonNull(key, "key");
            context.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
            return this;
        }

        /** Adds all keys of {@code values}. */
        public Builder context(Map<String, List<String>> values) {
            values.forEach(this::context);
            return this;
        }

        /**
         * Declares a key unknown: if the request does not give it a value, conditions on it (and
         * policy variables naming it) evaluate to UNKNOWN and the decision may be conditional.
         */
        public Builder unknownKey(String key) {
            unknownKeys.add(key.toLowerCase(Locale.ROOT));
            return this;
        }

        /** Declares keys unknown; see {@link #unknownKey(String)}. */
        public Builder unknownKeys(Collection<String> keys) {
            keys.forEach(this::unknownKey);
            return this;
        }

        /** Treats every key the request does not give as unknown rather than absent (off by default). */
        public Builder missingKeysUnknown(boolean unknown) {
            this.missingKeysUnknown = unknown;
            return this;
        }

        /**
         * Adds the global keys AWS derives from the caller when they were not given (off by default;
         * {@code simulate} uses exactly the keys given): {@code aws:PrincipalArn},
         * {@code aws:PrincipalAccount}, {@code aws:PrincipalType}, {@code aws:username} (IAM users),
         * {@code aws:PrincipalIsAWSService}, {@code aws:PrincipalServiceName} (services).
         *
         * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS global condition context keys</a>
         */
        public Builder deriveContextKeys(boolean derive) {
            this.deriveContextKeys = derive;
            return this;
        }

        /** Adds an identity-based policy. */
        public Builder identityPolicy(NamedPolicy policy) {
            identityPolicies.add(Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /** Adds identity-based policies. */
        public Builder identityPolicies(Collection<NamedPolicy> policies) {
            policies.forEach(this::identityPolicy);
            return this;
        }

        /** The resource-based policy (null for none). */
        public Builder resourcePolicy(NamedPolicy policy) {
            this.resourcePolicy = policy;
            return this;
        }

        /** The permissions boundary (null for none). */
        public Builder permissionBoundary(NamedPolicy policy) {
            this.permissionBoundary = policy;
            return this;
        }

        /** The session policy (null for none). */
        public Builder sessionPolicy(NamedPolicy policy) {
            this.sessionPolicy = policy;
            return this;
        }

        /** SCPs, one list per level from the root down to the account; empty when not in an organization. */
        public Builder scps(List<List<NamedPolicy>> levels) {
            this.scps = Objects.requireNonNull(levels, "levels");
            return this;
        }

        /** RCPs, one list per level from the root down to the account; empty when not in an organization. */
        public Builder rcps(List<List<NamedPolicy>> levels) {
            this.rcps = Objects.requireNonNull(levels, "levels");
            return this;
        }

        /** The resource's account (null: from the resource ARN). */
        public Builder resourceAccount(String account) {
            this.resourceAccount = account;
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws IllegalStateException when principal, action or resource is missing
         */
        public EvaluationRequest build() {
            if (principal == null) {
                throw new IllegalStateException("principal is required");
            }
            if (action == null || action.isEmpty()) {
                throw new IllegalStateException("action is required");
            }
            if (resource == null || resource.isEmpty()) {
                throw new IllegalStateException("resource is required");
            }
            Map<String, List<String>> values = new HashMap<>(context);
            if (deriveContextKeys) {
                derive(values);
            }
            return new EvaluationRequest(this, new RequestContext(values, new HashSet<>(unknownKeys), missingKeysUnknown));
        }

        private void derive(Map<String, List<String>> values) {
            RequestPrincipal p = principal;
            if (p.kind() == RequestPrincipal.Kind.SERVICE) {
                values.putIfAbsent("aws:principalisawsservice", List.of("true"));
                values.putIfAbsent("aws:principalservicename", List.of(p.text()));
                return;
            }
            if (!p.isIamPrincipal()) {
                return;
            }
            values.putIfAbsent("aws:principalisawsservice", List.of("false"));
            values.putIfAbsent("aws:principalaccount", List.of(p.account()));
            String arn = p.kind() == RequestPrincipal.Kind.ASSUMED_ROLE ? p.roleArn() : p.text();
            values.putIfAbsent("aws:principalarn", List.of(arn));
            String type;
            switch (p.kind()) {
                case ACCOUNT_ROOT:
                    type = "Account";
                    break;
                case IAM_USER:
                    type = "User";
                    values.putIfAbsent("aws:username", List.of(p.name()));
                    break;
                case FEDERATED_USER:
                    type = "FederatedUser";
                    break;
                default:
                    type = "AssumedRole";
                    break;
            }
            values.putIfAbsent("aws:principaltype", List.of(type));
        }
    }
}
