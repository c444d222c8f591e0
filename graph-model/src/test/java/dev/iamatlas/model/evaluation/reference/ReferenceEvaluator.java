package dev.iamatlas.model.evaluation.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple reference implementation of AWS IAM policy evaluation, used only as a
 * yardstick for the product's evaluator (documentation cases and differential testing).
 *
 * <p>It works directly on the {@code simulate --batch} request shape (see
 * {@code src/test/resources/policy-cases/README.md}) as a Jackson {@link JsonNode} and answers
 * {@code "ALLOW"}, {@code "IMPLICIT_DENY"}, {@code "EXPLICIT_DENY"} or {@code "ERROR"} (invalid
 * policy or request). Clarity beats speed everywhere: naive recursive wildcard matching, plain
 * loops, and the AWS rules written out in the order of the documentation's flow chart:
 * <ol>
 *   <li>explicit deny in any applicable policy,</li>
 *   <li>Organizations RCPs (every level of the resource's account must allow),</li>
 *   <li>Organizations SCPs (every level of the principal's account must allow),</li>
 *   <li>resource-based policy (same account: depends on which principal it names),</li>
 *   <li>identity-based policies, 6. permissions boundary, 7. session policy.</li>
 * </ol>
 * Sources: <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">
 * How AWS enforcement code logic evaluates requests</a>,
 * <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html">
 * cross-account evaluation</a>.
 *
 * <p>Readings of points the documentation leaves open are listed in
 * {@code policy-cases/README.md} and exercised by {@code ambiguous.jsonl}.
 *
 * <p>This class is independent of the product code by design: it must never import anything from
 * {@code src/main}.
 */
public final class ReferenceEvaluator {

    public static final String ALLOW = "ALLOW";
    public static final String IMPLICIT_DENY = "IMPLICIT_DENY";
    public static final String EXPLICIT_DENY = "EXPLICIT_DENY";
    public static final String ERROR = "ERROR";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Decides one request given as a JSON line; a line that is not JSON is an {@code ERROR}. */
    public static String decide(String jsonLine) {
        try {
            return decide(MAPPER.readTree(jsonLine));
        } catch (JsonProcessingException e) {
            return ERROR;
        }
    }

    /** Decides one request in the {@code simulate --batch} shape. Never throws. */
    public static String decide(JsonNode request) {
        return explain(request).decision();
    }

    /** The decision with a short trace of the steps that led to it (for debugging mismatches). */
    public static Result explain(JsonNode request) {
        ReferenceEvaluator evaluator = new ReferenceEvaluator();
        try {
            String decision = evaluator.evaluate(request);
            return new Result(decision, List.copyOf(evaluator.trace));
        } catch (InvalidInput e) {
            evaluator.trace.add("error: " + e.getMessage());
            return new Result(ERROR, List.copyOf(evaluator.trace));
        }
    }

    /** A decision and the trace that explains it. */
    public record Result(String decision, List<String> trace) {
    }

    // ------------------------------------------------------------------------------------------
    // The request
    // ------------------------------------------------------------------------------------------

    private enum Kind { IDENTITY, RESOURCE, BOUNDARY, SESSION, SCP, RCP }

    private enum CallerType { USER, ROLE, SESSION, SERVICE, ANONYMOUS, ROOT, FEDERATED_USER, IDENTITY_PROVIDER }

    /** The principal making the request, taken apart. */
    private static final class Caller {
        CallerType type;
        String arn;            // as given
        String partition;      // "aws", ... (null for service and anonymous)
        String account;        // 12 digits (null for service and anonymous)
        String roleName;       // ROLE and SESSION: the role's name (last path segment)
        String serviceName;    // SERVICE
        boolean serviceLinkedRole;

        boolean hasAccount() {
            return account != null;
        }
    }

    private final List<String> trace = new ArrayList<>();
    private Caller caller;
    private String action;
    private String resource;
    private Map<String, List<String>> context; // keys lower-cased: condition keys are case-insensitive

    private static final class InvalidInput extends RuntimeException {
        InvalidInput(String message) {
            super(message);
        }
    }

    /** Thrown while evaluating a statement whose policy variable cannot be resolved. */
    private static final class UnresolvedVariable extends RuntimeException {
        UnresolvedVariable(String name) {
            super(name);
        }
    }

    private record Policy(String where, Kind kind, boolean variablesEnabled, List<Statement> statements) {
    }

    private record Statement(String where, boolean allow, JsonNode principal, JsonNode notPrincipal,
                             List<String> actions, boolean notAction, List<String> resources,
                             boolean notResource, JsonNode condition, Policy policy) {
    }

    private String evaluate(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidInput("request is not a JSON object");
        }
        caller = parseCaller(requiredText(request, "principal"));
        action = requiredText(request, "action");
        resource = requiredText(request, "resource");
        context = parseContext(request.get("context"));
        String resourceAccount = textOrNull(request.get("resourceAccount"));
        if (resourceAccount == null) {
            String[] parts = resource.split(":", 6);
            resourceAccount = parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
        }

        // Parse and validate every policy first: an invalid document anywhere is an ERROR.
        List<Policy> identity = new ArrayList<>();
        JsonNode ids = request.get("identityPolicies");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray()) {
                throw new InvalidInput("identityPolicies is not an array");
            }
            for (int i = 0; i < ids.size(); i++) {
                identity.add(parsePolicy(ids.get(i), Kind.IDENTITY, "identityPolicies[" + i + "]"));
            }
        }
        Policy resourcePolicy = optionalPolicy(request.get("resourcePolicy"), Kind.RESOURCE, "resourcePolicy");
        Policy boundary = optionalPolicy(request.get("permissionBoundary"), Kind.BOUNDARY, "permissionBoundary");
        Policy session = optionalPolicy(request.get("sessionPolicy"), Kind.SESSION, "sessionPolicy");
        List<List<Policy>> scps = orgLevels(request.get("scps"), Kind.SCP, "scps");
        List<List<Policy>> rcps = orgLevels(request.get("rcps"), Kind.RCP, "rcps");

        // Which policy types take part. Identity-side policies exist only for IAM principals.
        // Service principals and anonymous callers have no identity policies, no boundary and no
        // session policy; whatever the request carries for them is ignored.
        boolean iamPrincipal = caller.hasAccount();
        if (!iamPrincipal) {
            identity = List.of();
            boundary = null;
            session = null;
        }
        // SCPs limit IAM users and roles of member accounts, never service-linked roles, and never
        // service principals or anonymous callers (they belong to no account).
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html
        boolean scpsApply = iamPrincipal && !caller.serviceLinkedRole && !scps.isEmpty();
        // RCPs limit access to resources of member accounts whoever the caller is, except
        // service-linked roles. Which services RCPs cover is the caller of simulate's concern:
        // "rcps" lists the RCPs that apply to the resource.
        // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html
        // Nor do they affect "AWS services' ability to assume a service-linked role".
        boolean assumesServiceLinkedRole = action.equalsIgnoreCase("sts:AssumeRole") && resource.matches("arn:[^:]+:iam::\\d{12}:role/aws-service-role/.*");
        boolean rcpsApply = !caller.serviceLinkedRole && !assumesServiceLinkedRole && !rcps.isEmpty();

        // 1. Deny evaluation: an applicable Deny statement in any policy is final.
        List<Policy> all = new ArrayList<>(identity);
        if (resourcePolicy != null) {
            all.add(resourcePolicy);
        }
        if (boundary != null) {
            all.add(boundary);
        }
        if (session != null) {
            all.add(session);
        }
        if (scpsApply) {
            scps.forEach(all::addAll);
        }
        if (rcpsApply) {
            rcps.forEach(all::addAll);
        }
        for (Policy policy : all) {
            for (Statement statement : policy.statements()) {
                if (!statement.allow() && applies(statement, boundary != null)) {
                    trace.add("explicit deny by " + statement.where());
                    return EXPLICIT_DENY;
                }
            }
        }

        // 2. RCPs: every level (root, OUs, account) must have an applicable Allow.
        if (rcpsApply && !everyLevelAllows(rcps, "RCP")) {
            return IMPLICIT_DENY;
        }
        // 3. SCPs: every level must have an applicable Allow.
        if (scpsApply && !everyLevelAllows(scps, "SCP")) {
            return IMPLICIT_DENY;
        }

        // 4. Resource-based policy: which kinds of principal entry allow the request.
        Grants grants = new Grants();
        if (resourcePolicy != null) {
            for (Statement statement : resourcePolicy.statements()) {
                if (statement.allow() && applies(statement, boundary != null)) {
                    grants.add(grantKind(statement));
                    trace.add("resource policy allows via " + statement.where() + " (" + grantKind(statement) + ")");
                }
            }
        }

        // 5.-7. The identity side: identity policies, then boundary, then session policy.
        // The root user "has full access" in its account: it needs no identity policy and has no boundary.
        boolean root = caller.type == CallerType.ROOT;
        boolean identityAllows = root || anyAllow(identity);
        boolean boundaryAllows = root || boundary == null || anyAllow(List.of(boundary));
        // Session policies: "If there is no session policy, the code checks whether the principal is a
        // role session. If the principal is a role session, then the request is Allowed. Otherwise, the
        // request is implicitly denied" -- a federated user session (GetFederationToken) without a
        // session policy has no permissions from its identity side.
        boolean sessionAllows = session == null ? caller.type != CallerType.FEDERATED_USER : anyAllow(List.of(session));
        trace.add("identity allows=" + identityAllows + ", boundary allows=" + boundaryAllows
                + ", session policy allows=" + sessionAllows);

        if (!iamPrincipal) {
            // A service principal or an anonymous caller can only be granted by the resource policy.
            return grants.any() ? ALLOW : IMPLICIT_DENY;
        }
        boolean identitySide = identityAllows && boundaryAllows && sessionAllows;
        // Reading (README, "Resource account"): an ARN without an account (S3 buckets and objects, "*")
        // and no resourceAccount given is a resource of the caller's own account.
        boolean sameAccount = resourceAccount == null || caller.account.equals(resourceAccount);
        if (sameAccount) {
            // "For most resources, you only need an explicit allow for the principal in either an
            // identity-based policy or a resource-based policy to grant access. IAM role trust policies
            // and KMS key policies are exceptions to this logic, because they must explicitly allow
            // access for principals." A role's trust policy governs the sts: actions on the role.
            if (trustOrKeyPolicyMustAllow() && !grants.any()) {
                trace.add("a role trust policy or KMS key policy must itself allow the request");
                return IMPLICIT_DENY;
            }
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
            // A grant naming the IAM user ARN or the role session ARN (or everyone, "*") is not
            // limited by implicit denies in identity policies, boundary or session policy.
            if (grants.direct) {
                return ALLOW;
            }
            // A grant naming the role ARN is limited by the boundary and the session policy.
            if (grants.role && boundaryAllows && sessionAllows) {
                return ALLOW;
            }
            // A grant naming the account delegates to the account's identity policies; either way
            // the identity side alone suffices within one account.
            return identitySide ? ALLOW : IMPLICIT_DENY;
        }
        // Cross-account: both the resource policy (any principal entry that matches) and the
        // identity side in the principal's account must allow.
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
        return grants.any() && identitySide ? ALLOW : IMPLICIT_DENY;
    }

    /** sts: actions on an IAM role (its trust policy decides) and kms: actions on a KMS key (its key policy). */
    private boolean trustOrKeyPolicyMustAllow() {
        String a = action.toLowerCase(Locale.ROOT);
        String[] parts = resource.split(":", 6);
        if (parts.length != 6) {
            return false;
        }
        return (a.startsWith("sts:") && parts[2].equals("iam") && parts[5].startsWith("role/"))
                || (a.startsWith("kms:") && parts[2].equals("kms") && parts[5].startsWith("key/"));
    }

    private boolean everyLevelAllows(List<List<Policy>> levels, String name) {
        for (int level = 0; level < levels.size(); level++) {
            if (!anyAllow(levels.get(level))) {
                trace.add(name + " level " + level + " has no applicable Allow");
                return false;
            }
        }
        return true;
    }

    private boolean anyAllow(List<Policy> policies) {
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                if (statement.allow() && applies(statement, false)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Does a statement apply to the request?
    // ------------------------------------------------------------------------------------------

    /**
     * A statement applies when its principal part (resource policies and RCPs only), its action
     * part, its resource part and all its conditions match.
     *
     * <p>A policy variable with no value affects only the entry that uses it, as the Variables page's
     * section "Policy variables with no value" spells out (the page's opening note, "If AWS cannot
     * resolve a variable this might cause the entire statement to be invalid", is made precise
     * there): "the resource that includes a policy variable with no value will not match any
     * resource"; in a condition, operators "like StringEquals or StringLike do not match" while
     * "Inverted condition operators like StringNotEquals or StringNotLike do match against a null
     * value" (its example: a Deny with StringNotEquals on ${aws:PrincipalTag/Team} explicitly denies
     * when the tag is not set).
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
     */
    private boolean applies(Statement s, boolean callerHasBoundary) {
        return principalApplies(s, callerHasBoundary) && actionApplies(s) && resourceApplies(s) && conditionsHold(s);
    }

    private boolean actionApplies(Statement s) {
        boolean matched = false;
        for (String pattern : s.actions()) {
            // Actions are case-insensitive; * and ? are wildcards.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
            if (Glob.matches(Glob.pattern(pattern.toLowerCase(Locale.ROOT)), action.toLowerCase(Locale.ROOT),
                    true)) {
                matched = true;
            }
        }
        return s.notAction() != matched;
    }

    private boolean resourceApplies(Statement s) {
        if (s.resources() == null) {
            // A resource policy without Resource (a role trust policy) is about its own resource.
            return true;
        }
        boolean matched = false;
        for (String written : s.resources()) {
            String pattern = written;
            if (s.policy().kind() == Kind.RESOURCE && pattern.startsWith("execute-api:/")) {
                // API Gateway's shorthand for the API the resource policy is attached to: "simplified
                // format supported here because apiId is not known yet and partition/region/account can
                // be derived at import time" -- "execute-api:/stage/method/path".
                // https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html
                String[] r = resource.split(":", 6);
                if (r.length != 6 || !r[2].equals("execute-api") || r[5].indexOf('/') < 0) {
                    continue;
                }
                pattern = String.join(":", r[0], r[1], r[2], r[3], r[4], r[5].substring(0, r[5].indexOf('/')))
                        + pattern.substring("execute-api:".length());
            }
            List<Glob.Token> tokens;
            try {
                tokens = substitute(pattern, s.policy());
            } catch (UnresolvedVariable e) {
                trace.add(s.where() + ": resource " + pattern + " matches nothing: policy variable ${" + e.getMessage() + "} has no value");
                continue;
            }
            // Wildcards stay inside one colon-separated segment, except a * that ends its segment.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
            if (Glob.matches(tokens, resource, false)) {
                matched = true;
            }
        }
        return s.notResource() != matched;
    }

    // ------------------------------------------------------------------------------------------
    // Principals
    // ------------------------------------------------------------------------------------------

    private static Caller parseCaller(String principal) {
        Caller c = new Caller();
        c.arn = principal;
        if (principal.equals("anonymous") || principal.equals("*")) {
            c.type = CallerType.ANONYMOUS;
            return c;
        }
        if (principal.matches("\\d{12}")) {
            // A bare account id stands for the account's root user.
            return parseCaller("arn:aws:iam::" + principal + ":root");
        }
        if (!principal.startsWith("arn:")) {
            if (principal.matches("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?")) {
                c.type = CallerType.SERVICE;
                c.serviceName = principal;
                return c;
            }
            if (principal.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
                // A web identity provider ("Federated": "accounts.google.com") asking for AssumeRoleWithWebIdentity.
                c.type = CallerType.IDENTITY_PROVIDER;
                c.serviceName = principal;
                return c;
            }
            throw new InvalidInput("principal is not an ARN, a service principal or \"anonymous\": " + principal);
        }
        String[] p = principal.split(":", 6);
        if (p.length != 6 || !p[4].matches("\\d{12}")) {
            throw new InvalidInput("unsupported principal ARN " + principal);
        }
        if (p[2].equals("iam") && (p[5].startsWith("saml-provider/") || p[5].startsWith("oidc-provider/"))) {
            // A SAML or OIDC provider ("Federated": "arn:aws:iam::ACCOUNT:saml-provider/NAME"); it has no
            // identity policies of its own: only a trust policy naming it under Federated grants.
            c.type = CallerType.IDENTITY_PROVIDER;
            c.serviceName = principal;
            return c;
        }
        c.partition = p[1];
        c.account = p[4];
        String res = p[5];
        if (p[2].equals("iam") && res.equals("root")) {
            // "By default, all requests are implicitly denied with the exception of the AWS account
            // root user, which has full access" (enforcement logic page).
            c.type = CallerType.ROOT;
        } else if (p[2].equals("sts") && res.startsWith("federated-user/") && res.split("/").length == 2) {
            // An AWS STS federated user session (GetFederationToken).
            c.type = CallerType.FEDERATED_USER;
        } else if (p[2].equals("iam") && res.startsWith("user/")) {
            c.type = CallerType.USER;
        } else if (p[2].equals("iam") && res.startsWith("role/")) {
            c.type = CallerType.ROLE;
            c.roleName = res.substring(res.lastIndexOf('/') + 1);
            // Service-linked roles live under the path /aws-service-role/.
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
            c.serviceLinkedRole = res.startsWith("role/aws-service-role/");
        } else if (p[2].equals("sts") && res.startsWith("assumed-role/") && res.split("/").length == 3) {
            c.type = CallerType.SESSION;
            c.roleName = res.split("/")[1];
            // A session ARN has no path; service-linked role names start with AWSServiceRoleFor.
            c.serviceLinkedRole = c.roleName.startsWith("AWSServiceRoleFor");
        } else {
            throw new InvalidInput("unsupported principal ARN " + principal);
        }
        return c;
    }

    /** What a matching Allow in a resource policy names, which decides how far it reaches. */
    private enum GrantKind { DIRECT, ROLE, ACCOUNT }

    private static final class Grants {
        boolean direct;
        boolean role;
        boolean account;

        void add(GrantKind kind) {
            switch (kind) {
                case DIRECT -> direct = true;
                case ROLE -> role = true;
                case ACCOUNT -> account = true;
                default -> throw new IllegalStateException();
            }
        }

        boolean any() {
            return direct || role || account;
        }
    }

    private boolean principalApplies(Statement s, boolean callerHasBoundary) {
        Kind kind = s.policy().kind();
        if (kind != Kind.RESOURCE && kind != Kind.RCP) {
            return true; // identity-side policies are about their own principal
        }
        if (s.principal() != null) {
            return bestMatch(s.principal()) != null;
        }
        if (s.notPrincipal() != null) {
            List<Boolean> listed = identitiesListed(s.notPrincipal());
            boolean allListed = !listed.isEmpty() && !listed.contains(false);
            boolean someListed = listed.contains(true);
            if (s.allow()) {
                // "allows all principals except the one named": we read "named" as any of the
                // caller's identities (user/role/session ARN or its account) being listed.
                return !someListed;
            }
            // Deny: everyone is denied except a principal all of whose identities are listed
            // (the docs ask for the account and the role next to the session). A NotPrincipal
            // Deny "will always deny any IAM principal that has a permissions boundary".
            // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
            if (callerHasBoundary && caller.hasAccount()) {
                return true;
            }
            return !allListed;
        }
        return true; // unreachable: validation requires Principal or NotPrincipal in resource policies and RCPs
    }

    private GrantKind grantKind(Statement s) {
        if (s.principal() != null) {
            return bestMatch(s.principal());
        }
        return GrantKind.DIRECT; // NotPrincipal Allow (or none): granted to "everyone but", like "*"
    }

    /** The most far-reaching entry of a Principal element that names the caller, or null. */
    private GrantKind bestMatch(JsonNode principalElement) {
        GrantKind best = null;
        for (PrincipalEntry entry : principalEntries(principalElement)) {
            GrantKind kind = matchEntry(entry);
            if (kind != null && (best == null || kind.ordinal() < best.ordinal())) {
                best = kind;
            }
        }
        return best;
    }

    private record PrincipalEntry(String type, String value) {
    }

    private static List<PrincipalEntry> principalEntries(JsonNode element) {
        List<PrincipalEntry> entries = new ArrayList<>();
        if (element.isTextual()) {
            entries.add(new PrincipalEntry("*", element.asText()));
            return entries;
        }
        element.fields().forEachRemaining(field -> {
            for (String value : stringOrArray(field.getValue(), "Principal")) {
                entries.add(new PrincipalEntry(field.getKey(), value));
            }
        });
        return entries;
    }

    /**
     * Whether one principal entry names the caller, and how.
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
     */
    private GrantKind matchEntry(PrincipalEntry entry) {
        String type = entry.type();
        String value = entry.value();
        if (type.equals("*") || (type.equals("AWS") && value.equals("*"))) {
            return GrantKind.DIRECT; // everyone, including anonymous callers
        }
        if (type.equals("Service")) {
            return caller.type == CallerType.SERVICE && value.equals(caller.serviceName) ? GrantKind.DIRECT : null;
        }
        if (type.equals("Federated")) {
            return (caller.type == CallerType.IDENTITY_PROVIDER || caller.type == CallerType.SERVICE) && value.equals(caller.serviceName) ? GrantKind.DIRECT : null;
        }
        if (!type.equals("AWS") || !caller.hasAccount()) {
            return null; // Federated, CanonicalUser: never one of our callers
        }
        // An account, as a bare id or as its root ARN, delegates to the account's identities.
        if (value.equals(caller.account) || value.equals("arn:" + caller.partition + ":iam::" + caller.account + ":root")) {
            return GrantKind.ACCOUNT;
        }
        // No partial wildcards in principals: compare exactly (user names are case-sensitive).
        if ((caller.type == CallerType.USER || caller.type == CallerType.SESSION || caller.type == CallerType.FEDERATED_USER)
                && value.equals(caller.arn)) {
            return GrantKind.DIRECT;
        }
        if ((caller.type == CallerType.ROLE || caller.type == CallerType.SESSION) && namesCallersRole(value)) {
            return GrantKind.ROLE;
        }
        return null;
    }

    /** A role ARN (any path) naming the caller's role: the role itself or one of its sessions. */
    private boolean namesCallersRole(String value) {
        if (caller.type == CallerType.ROLE) {
            return value.equals(caller.arn);
        }
        String prefix = "arn:" + caller.partition + ":iam::" + caller.account + ":role/";
        return value.startsWith(prefix) && value.substring(value.lastIndexOf('/') + 1).equals(caller.roleName);
    }

    /**
     * For NotPrincipal: for each identity the caller carries (its own ARN, for a session also its
     * role, and its account), whether the element lists it. Anonymous callers carry none.
     */
    private List<Boolean> identitiesListed(JsonNode element) {
        List<PrincipalEntry> entries = principalEntries(element);
        List<Boolean> listed = new ArrayList<>();
        if (entries.stream().anyMatch(e -> e.type().equals("*") || (e.type().equals("AWS") && e.value().equals("*")))) {
            // "*" (or {"AWS": "*"}) names every principal: all of the caller's identities are listed.
            listed.add(true);
            return listed;
        }
        if (caller.type == CallerType.ANONYMOUS) {
            return listed;
        }
        if (caller.type == CallerType.SERVICE || caller.type == CallerType.IDENTITY_PROVIDER) {
            String key = caller.type == CallerType.SERVICE ? "Service" : "Federated";
            listed.add(entries.stream().anyMatch(e -> e.type().equals(key) && e.value().equals(caller.serviceName)));
            return listed;
        }
        if (caller.type != CallerType.ROOT) {
            listed.add(entries.stream().anyMatch(e -> e.type().equals("AWS") && e.value().equals(caller.arn)));
        }
        if (caller.type == CallerType.SESSION) {
            listed.add(entries.stream().anyMatch(e -> e.type().equals("AWS") && namesCallersRole(e.value())));
        }
        listed.add(entries.stream().anyMatch(e -> e.type().equals("AWS") && (e.value().equals(caller.account)
                || e.value().equals("arn:" + caller.partition + ":iam::" + caller.account + ":root"))));
        return listed;
    }

    // ------------------------------------------------------------------------------------------
    // Conditions
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    // ------------------------------------------------------------------------------------------

    private static final Set<String> OPERATORS = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
            "StringLike", "StringNotLike",
            "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
            "DateGreaterThanEquals",
            "Bool", "BinaryEquals", "IpAddress", "NotIpAddress",
            "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

    /** Each negated operator and the positive operator it negates. */
    private static final Map<String, String> NEGATED = Map.of(
            "StringNotEquals", "StringEquals",
            "StringNotEqualsIgnoreCase", "StringEqualsIgnoreCase",
            "StringNotLike", "StringLike",
            "NumericNotEquals", "NumericEquals",
            "DateNotEquals", "DateEquals",
            "NotIpAddress", "IpAddress",
            "ArnNotEquals", "ArnEquals",
            "ArnNotLike", "ArnLike");

    private enum SetOp { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private record Operator(SetOp set, String base, boolean ifExists) {
        boolean negated() {
            return NEGATED.containsKey(base);
        }

        String positive() {
            return NEGATED.getOrDefault(base, base);
        }
    }

    /** Parses an operator name such as {@code ForAnyValue:StringNotLikeIfExists}; null if unknown. */
    private static Operator parseOperator(String name) {
        SetOp set = SetOp.NONE;
        String rest = name;
        if (rest.startsWith("ForAllValues:")) {
            set = SetOp.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        } else if (rest.startsWith("ForAnyValue:")) {
            set = SetOp.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        }
        boolean ifExists = false;
        if (rest.endsWith("IfExists") && !rest.equals("IfExists")) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        if (!OPERATORS.contains(rest)) {
            return null;
        }
        if (rest.equals("Null") && (ifExists || set != SetOp.NONE)) {
            return null; // "You can add IfExists to the end of any condition operator name except Null"
        }
        return new Operator(set, rest, ifExists);
    }

    /** All operators must hold (AND); within one operator all keys must hold (AND). */
    private boolean conditionsHold(Statement s) {
        if (s.condition() == null) {
            return true;
        }
        var operators = s.condition().fields();
        while (operators.hasNext()) {
            var op = operators.next();
            Operator operator = parseOperator(op.getKey());
            var keys = op.getValue().fields();
            while (keys.hasNext()) {
                var key = keys.next();
                List<String> policyValues = stringOrArray(key.getValue(), "Condition");
                if (!keyHolds(operator, key.getKey(), policyValues, s.policy())) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One condition key under one operator. Values listed for a key are OR-ed; a negated operator
     * holds when the request value matches none of them.
     */
    private boolean keyHolds(Operator op, String key, List<String> policyValues, Policy policy) {
        List<String> requestValues = context.get(key.toLowerCase(Locale.ROOT)); // null: key absent
        if (op.base().equals("Null")) {
            // true: the key is absent; false: the key is present.
            boolean present = requestValues != null;
            for (String expected : policyValues) {
                if (expected.equalsIgnoreCase("true") && !present || expected.equalsIgnoreCase("false") && present) {
                    return true;
                }
            }
            return false;
        }
        if (requestValues == null) {
            if (op.ifExists()) {
                return true; // "If the key is not present, evaluate the condition element as true"
            }
            if (op.set() == SetOp.FOR_ALL_VALUES) {
                return true; // an empty set of request values: vacuously true
            }
            if (op.set() == SetOp.FOR_ANY_VALUE) {
                return false;
            }
            return op.negated(); // a missing key matches nothing; a negated operator is then true
        }
        // A null data set (no values, or a single empty string) under a set operator: "[ForAllValues]
        // also returns true if there are no context keys in the request or if the context key value
        // resolves to a null dataset, such as an empty string"; "[ForAnyValue] For no matching context
        // key or a null dataset, the condition returns false".
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
        boolean nullDataSet = requestValues.isEmpty() || (requestValues.size() == 1 && requestValues.get(0).isEmpty());
        if (nullDataSet && op.set() != SetOp.NONE) {
            return op.set() == SetOp.FOR_ALL_VALUES;
        }
        switch (op.set()) {
            case FOR_ALL_VALUES -> {
                // Every request value must match (for a negated operator: match none of the values).
                for (String value : requestValues) {
                    if (!singleValueHolds(op, value, policyValues, policy)) {
                        return false;
                    }
                }
                return true;
            }
            case FOR_ANY_VALUE -> {
                for (String value : requestValues) {
                    if (singleValueHolds(op, value, policyValues, policy)) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                // No set operator: the key matches when any of its values matches any policy value.
                boolean anyMatch = false;
                for (String value : requestValues) {
                    if (matchesAny(op.positive(), value, policyValues, policy)) {
                        anyMatch = true;
                    }
                }
                return op.negated() != anyMatch;
            }
        }
    }

    private boolean singleValueHolds(Operator op, String value, List<String> policyValues, Policy policy) {
        return op.negated() != matchesAny(op.positive(), value, policyValues, policy);
    }

    private boolean matchesAny(String positiveOperator, String requestValue, List<String> policyValues, Policy policy) {
        for (String policyValue : policyValues) {
            if (compare(positiveOperator, requestValue, policyValue, policy)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One request value against one policy value under a positive operator. A policy value whose
     * variable has no value matches nothing (so a negated operator holds for it).
     */
    private boolean compare(String operator, String requestValue, String policyValue, Policy policy) {
        try {
            return compareResolved(operator, requestValue, policyValue, policy);
        } catch (UnresolvedVariable e) {
            trace.add("condition value " + policyValue + " matches nothing: policy variable ${" + e.getMessage() + "} has no value");
            return false;
        }
    }

    private boolean compareResolved(String operator, String requestValue, String policyValue, Policy policy) {
        switch (operator) {
            case "StringEquals":
                return Glob.text(substitute(policyValue, policy)).equals(requestValue);
            case "StringEqualsIgnoreCase":
                return Glob.text(substitute(policyValue, policy)).toLowerCase(Locale.ROOT)
                        .equals(requestValue.toLowerCase(Locale.ROOT));
            case "StringLike":
                return Glob.matches(substitute(policyValue, policy), requestValue, true);
            case "Bool":
                return Glob.text(substitute(policyValue, policy)).equalsIgnoreCase(requestValue);
            case "ArnEquals":
            case "ArnLike":
                return Arns.componentsMatch(substitute(policyValue, policy), requestValue);
            case "NumericEquals":
            case "NumericLessThan":
            case "NumericLessThanEquals":
            case "NumericGreaterThan":
            case "NumericGreaterThanEquals": {
                BigDecimal request = parseNumber(requestValue);
                BigDecimal wanted = parseNumber(policyValue);
                if (request == null || wanted == null) {
                    return false;
                }
                return ordered(operator.substring("Numeric".length()), request.compareTo(wanted));
            }
            case "DateEquals":
            case "DateLessThan":
            case "DateLessThanEquals":
            case "DateGreaterThan":
            case "DateGreaterThanEquals": {
                BigDecimal request = parseDate(requestValue);
                BigDecimal wanted = parseDate(policyValue);
                if (request == null || wanted == null) {
                    return false;
                }
                return ordered(operator.substring("Date".length()), request.compareTo(wanted));
            }
            case "BinaryEquals":
                return binaryEquals(requestValue, policyValue);
            case "IpAddress":
                return Ips.inCidr(requestValue, policyValue);
            default:
                throw new IllegalStateException("not a positive operator: " + operator);
        }
    }

    private static boolean ordered(String comparison, int sign) {
        return switch (comparison) {
            case "Equals" -> sign == 0;
            case "LessThan" -> sign < 0;
            case "LessThanEquals" -> sign <= 0;
            case "GreaterThan" -> sign > 0;
            case "GreaterThanEquals" -> sign >= 0;
            default -> throw new IllegalStateException(comparison);
        };
    }

    private static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A date as epoch seconds: either epoch (UNIX) time or one of the W3C ISO 8601 profiles
     * (YYYY, YYYY-MM, YYYY-MM-DD, with hh:mm[:ss[.s]] and a zone designator); a date-time
     * without zone is read as UTC.
     */
    static BigDecimal parseDate(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+(\\.\\d+)?") && !t.matches("\\d{4}")) {
            return new BigDecimal(t);
        }
        Instant instant = null;
        try {
            instant = OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e1) {
            try {
                instant = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    instant = LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    try {
                        instant = YearMonth.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                    } catch (DateTimeParseException e4) {
                        if (t.matches("\\d{4}")) {
                            instant = LocalDate.of(Integer.parseInt(t), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                        }
                    }
                }
            }
        }
        if (instant == null) {
            return null;
        }
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
    }

    /** BinaryEquals compares bytes: both sides are base64 text. */
    private static boolean binaryEquals(String requestValue, String policyValue) {
        try {
            return java.util.Arrays.equals(Base64.getDecoder().decode(requestValue.trim()),
                    Base64.getDecoder().decode(policyValue.trim()));
        } catch (IllegalArgumentException e) {
            return requestValue.equals(policyValue);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Policy variables
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    // ------------------------------------------------------------------------------------------

    /**
     * Turns a policy string into match tokens. With Version 2012-10-17, {@code ${key}} and
     * {@code ${key, 'default'}} are replaced by the request value (as literal text, never as
     * wildcards) and {@code ${*}}, {@code ${?}}, {@code ${$}} stand for the literal characters;
     * with any other Version, everything is literal text in which * and ? are wildcards.
     */
    private List<Glob.Token> substitute(String text, Policy policy) {
        List<Glob.Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (policy.variablesEnabled() && ch == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close > 0) {
                    tokens.addAll(Glob.literalText(resolveVariable(text.substring(i + 2, close))));
                    i = close + 1;
                    continue;
                }
            }
            tokens.add(Glob.token(ch));
            i++;
        }
        return tokens;
    }

    private String resolveVariable(String inside) {
        String name = inside.trim();
        String defaultValue = null;
        int comma = inside.indexOf(',');
        if (comma >= 0) {
            name = inside.substring(0, comma).trim();
            String rest = inside.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
                defaultValue = rest.substring(1, rest.length() - 1);
            }
        }
        if (name.equals("*") || name.equals("?") || name.equals("$")) {
            return name;
        }
        List<String> values = context.get(name.toLowerCase(Locale.ROOT));
        if (values != null && values.size() == 1) {
            return values.get(0);
        }
        if (defaultValue != null) {
            return defaultValue;
        }
        throw new UnresolvedVariable(name);
    }

    // ------------------------------------------------------------------------------------------
    // Reading and validating the request and its policies
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
    // ------------------------------------------------------------------------------------------

    private static final Set<String> POLICY_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private Policy optionalPolicy(JsonNode node, Kind kind, String where) {
        return node == null || node.isNull() ? null : parsePolicy(node, kind, where);
    }

    private List<List<Policy>> orgLevels(JsonNode node, Kind kind, String where) {
        List<List<Policy>> levels = new ArrayList<>();
        if (node == null || node.isNull()) {
            return levels;
        }
        if (!node.isArray()) {
            throw new InvalidInput(where + " is not an array of levels");
        }
        for (int level = 0; level < node.size(); level++) {
            JsonNode policies = node.get(level);
            if (!policies.isArray()) {
                throw new InvalidInput(where + "[" + level + "] is not an array of policies");
            }
            List<Policy> list = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                list.add(parsePolicy(policies.get(i), kind, where + "[" + level + "][" + i + "]"));
            }
            levels.add(list);
        }
        return levels;
    }

    /**
     * A policy given as a JSON object, as JSON text, as URL-encoded JSON text (as IAM returns it)
     * or as JSON-escaped text (as API Gateway returns it: quotes backslashed, / as \/).
     */
    static JsonNode decodePolicyDocument(JsonNode node) {
        if (node.isObject()) {
            return node;
        }
        if (!node.isTextual()) {
            return null;
        }
        String text = node.asText().strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip(); // a byte order mark is not part of the JSON text (RFC 8259, 8.1)
        }
        if (text.startsWith("%")) {
            try {
                text = URLDecoder.decode(text, StandardCharsets.UTF_8).trim();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        JsonNode parsed = tryParse(text);
        if (parsed == null) {
            // JSON-escaped: the text is the inside of a JSON string literal.
            JsonNode unescaped = tryParse("\"" + text + "\"");
            if (unescaped != null && unescaped.isTextual()) {
                parsed = tryParse(unescaped.asText());
            }
        }
        return parsed != null && parsed.isObject() ? parsed : null;
    }

    private static JsonNode tryParse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private Policy parsePolicy(JsonNode node, Kind kind, String where) {
        JsonNode doc = decodePolicyDocument(node);
        if (doc == null) {
            throw new InvalidInput(where + ": not a JSON policy document");
        }
        doc.fieldNames().forEachRemaining(name -> {
            if (!POLICY_KEYS.contains(name)) {
                throw new InvalidInput(where + ": unknown element " + name);
            }
        });
        String version = "2008-10-17"; // no Version: the old language, without policy variables
        JsonNode v = doc.get("Version");
        if (v != null) {
            if (!v.isTextual() || !(v.asText().equals("2012-10-17") || v.asText().equals("2008-10-17"))) {
                throw new InvalidInput(where + ": unsupported Version " + v);
            }
            version = v.asText();
        }
        JsonNode st = doc.get("Statement");
        if (st == null || !(st.isObject() || st.isArray())) {
            throw new InvalidInput(where + ": Statement missing or not an object or array");
        }
        List<Statement> statements = new ArrayList<>();
        Policy policy = new Policy(where, kind, version.equals("2012-10-17"), statements);
        if (st.isObject()) {
            statements.add(parseStatement(st, policy, where + ".Statement[0]"));
        } else {
            for (int i = 0; i < st.size(); i++) {
                statements.add(parseStatement(st.get(i), policy, where + ".Statement[" + i + "]"));
            }
        }
        return policy;
    }

    private Statement parseStatement(JsonNode s, Policy policy, String where) {
        if (!s.isObject()) {
            throw new InvalidInput(where + ": not an object");
        }
        s.fieldNames().forEachRemaining(name -> {
            if (!STATEMENT_KEYS.contains(name)) {
                throw new InvalidInput(where + ": unknown element " + name);
            }
        });
        JsonNode effect = s.get("Effect");
        if (effect == null || !effect.isTextual() || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
            throw new InvalidInput(where + ": Effect must be Allow or Deny");
        }
        JsonNode principal = s.get("Principal");
        JsonNode notPrincipal = s.get("NotPrincipal");
        Kind kind = policy.kind();
        if (kind == Kind.RESOURCE || kind == Kind.RCP) {
            if (principal != null && notPrincipal != null) {
                throw new InvalidInput(where + ": both Principal and NotPrincipal");
            }
            if (kind == Kind.RESOURCE && principal == null && notPrincipal == null) {
                throw new InvalidInput(where + ": a resource-based policy statement needs a Principal");
            }
            validatePrincipal(principal, where);
            validatePrincipal(notPrincipal, where);
            if (kind == Kind.RCP) {
                // "Each statement must contain the Principal element. You can only specify "*" in the
                // Principal element of an RCP"; "The following elements are not supported in RCPs:
                // NotPrincipal, NotAction".
                // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
                if (principal == null || !namesEveryoneOnly(principal)) {
                    throw new InvalidInput(where + ": an RCP statement needs Principal \"*\"");
                }
                if (s.get("NotAction") != null) {
                    throw new InvalidInput(where + ": NotAction is not supported in RCPs");
                }
            }
        } else if (principal != null || notPrincipal != null) {
            throw new InvalidInput(where + ": Principal is not allowed in this kind of policy");
        }
        JsonNode actionNode = s.get("Action");
        JsonNode notActionNode = s.get("NotAction");
        if ((actionNode == null) == (notActionNode == null)) {
            throw new InvalidInput(where + ": exactly one of Action and NotAction is required");
        }
        List<String> actions = stringOrArray(actionNode != null ? actionNode : notActionNode, where + ".Action");
        JsonNode resourceNode = s.get("Resource");
        JsonNode notResourceNode = s.get("NotResource");
        if (resourceNode != null && notResourceNode != null) {
            throw new InvalidInput(where + ": both Resource and NotResource");
        }
        List<String> resources = null;
        if (resourceNode != null || notResourceNode != null) {
            resources = stringOrArray(resourceNode != null ? resourceNode : notResourceNode, where + ".Resource");
        } else if (kind != Kind.RESOURCE) {
            throw new InvalidInput(where + ": a statement needs Resource or NotResource");
        }
        JsonNode condition = s.get("Condition");
        if (condition != null) {
            validateCondition(condition, where);
        }
        return new Statement(where, effect.asText().equals("Allow"), principal, notPrincipal, actions,
                notActionNode != null, resources, notResourceNode != null, condition, policy);
    }

    /** {@code "*"} or {@code {"AWS": "*"}} (equivalent on the Principal page), nothing else. */
    private static boolean namesEveryoneOnly(JsonNode principal) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        if (!principal.isObject() || principal.size() != 1 || principal.get("AWS") == null) {
            return false;
        }
        List<String> values = stringOrArray(principal.get("AWS"), "Principal");
        return !values.isEmpty() && values.stream().allMatch("*"::equals);
    }

    private static void validatePrincipal(JsonNode principal, String where) {
        if (principal == null) {
            return;
        }
        if (principal.isTextual()) {
            if (!principal.asText().equals("*")) {
                throw new InvalidInput(where + ": a Principal string must be \"*\"");
            }
            return;
        }
        if (!principal.isObject() || principal.isEmpty()) {
            throw new InvalidInput(where + ": Principal must be \"*\" or an object");
        }
        principal.fields().forEachRemaining(field -> {
            if (!PRINCIPAL_TYPES.contains(field.getKey())) {
                throw new InvalidInput(where + ": unknown principal type " + field.getKey());
            }
            stringOrArray(field.getValue(), where + ".Principal");
        });
    }

    private static void validateCondition(JsonNode condition, String where) {
        if (!condition.isObject()) {
            throw new InvalidInput(where + ": Condition must be an object");
        }
        condition.fields().forEachRemaining(op -> {
            Operator operator = parseOperator(op.getKey());
            if (operator == null) {
                throw new InvalidInput(where + ": unknown condition operator " + op.getKey());
            }
            if (!op.getValue().isObject()) {
                throw new InvalidInput(where + ": condition block " + op.getKey() + " must be an object");
            }
            op.getValue().fields().forEachRemaining(key -> {
                List<String> values = stringOrArray(key.getValue(), where + ".Condition");
                for (String value : values) {
                    validateConditionValue(operator, value, where);
                }
            });
        });
    }

    /** Values that can never be compared are rejected as invalid documents. */
    private static void validateConditionValue(Operator operator, String value, String where) {
        String base = operator.positive();
        if (base.startsWith("Numeric") && parseNumber(value) == null) {
            throw new InvalidInput(where + ": " + operator.base() + " needs a number, not " + value);
        }
        if (base.startsWith("Date") && parseDate(value) == null) {
            throw new InvalidInput(where + ": " + operator.base() + " needs a date, not " + value);
        }
        if (base.equals("IpAddress") && !Ips.isCidr(value)) {
            throw new InvalidInput(where + ": " + operator.base() + " needs an IP address or CIDR, not " + value);
        }
        if (base.equals("Null") && !(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
            throw new InvalidInput(where + ": Null needs true or false, not " + value);
        }
    }

    /** A string, or an array of strings (numbers and booleans are taken as their JSON text). */
    private static List<String> stringOrArray(JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                values.add(scalar(item, where));
            }
        } else {
            values.add(scalar(node, where));
        }
        return values;
    }

    private static String scalar(JsonNode node, String where) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new InvalidInput(where + ": expected a string, found " + node.getNodeType());
    }

    private static Map<String, List<String>> parseContext(JsonNode node) {
        Map<String, List<String>> map = new HashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw new InvalidInput("context is not an object");
        }
        node.fields().forEachRemaining(field -> map.put(field.getKey().toLowerCase(Locale.ROOT),
                stringOrArray(field.getValue(), "context." + field.getKey())));
        return map;
    }

    private static String requiredText(JsonNode request, String field) {
        String value = textOrNull(request.get(field));
        if (value == null || value.isEmpty()) {
            throw new InvalidInput("request field " + field + " is missing");
        }
        return value;
    }

    private static String textOrNull(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }
}
