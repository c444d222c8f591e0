package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.evaluation.condition.ConditionEvaluator;
import dev.iamatlas.model.policy.ActionPattern;
import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyTemplate;
import dev.iamatlas.model.policy.ResourcePattern;
import dev.iamatlas.model.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * AWS's documented policy evaluation logic. Stateless and thread-safe; one instance can serve any
 * number of threads. {@link #evaluate} allocates one small state object per request and builds no
 * strings (unless a key is unknown); {@link #explain} records evidence.
 *
 * <p>The logic, with the pages it follows:
 * <ol>
 *   <li>An explicit Deny in any applicable policy wins: identity-based, resource-based,
 *       permissions boundary, session policy, SCP, RCP
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">evaluation logic</a>).</li>
 *   <li>SCPs (the caller's account): every level, root first, must have a policy that allows.
 *       They apply to IAM principals (root user included), not to service principals, anonymous
 *       callers or service-linked roles
 *       (<a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html">SCPs</a>).</li>
 *   <li>RCPs (the resource's account): likewise per level; they apply to every caller (service
 *       principals and anonymous callers included) except service-linked roles
 *       (<a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html">RCPs</a>).</li>
 *   <li>Service principals, identity providers and anonymous callers have no identity side: the
 *       resource-based policy alone decides.</li>
 *   <li>Within one account, either side suffices: the identity side (identity policy ∧ boundary ∧
 *       session policy) or a resource-policy Allow, whose reach depends on what it names (see
 *       {@link PrincipalMatch}: user ARN → not limited by boundary; role ARN → limited by boundary
 *       and session policy; session ARN, {@code "*"} or an Allow's {@code NotPrincipal} that does not list the
 *       caller → not limited; account → delegates only)
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html">single account</a>,
 *       <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html">boundaries</a>).</li>
 *   <li>Across accounts both sides must allow; a resource policy naming the account suffices for
 *       the resource side
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html">cross-account</a>).</li>
 *   <li>Role trust policies and KMS key policies must themselves allow, even within one account:
 *       an identity-policy Allow alone does not suffice (a trust policy naming the account does,
 *       together with an identity-policy Allow).</li>
 *   <li>The account root user has full access in its own account, subject to explicit denies and
 *       SCPs.</li>
 * </ol>
 */
public final class DefaultPolicyEvaluator implements PolicyEvaluator {

    @Override
    public Decision evaluate(EvaluationRequest request) {
        return new Run(request, false).run();
    }

    @Override
    public Decision explain(EvaluationRequest request) {
        return new Run(request, true).run();
    }

    /** The state of one evaluation. */
    private static final class Run {
        private final EvaluationRequest request;
        private final RequestPrincipal caller;
        private final RequestContext context;
        private final boolean explain;

        private boolean idAllowT, idAllowU, idDenyT, idDenyU;
        private boolean pbAllowT, pbAllowU, pbDenyT, pbDenyU;
        private boolean spAllowT, spAllowU, spDenyT, spDenyU;
        private boolean rpDenyT, rpDenyU;
        private int rpStrengthT, rpStrengthU;
        private boolean scpDenyT, scpDenyU, rcpDenyT, rcpDenyU;
        private long scpAllowT, scpAllowU, rcpAllowT, rcpAllowU;
        private Set<String> unknownKeys;
        private List<PolicyEvidence> evidence;
        private List<Object[]> statementLog; // explain only: {StatementRef, TriState, PrincipalMatch}

        Run(EvaluationRequest request, boolean explain) {
            this.request = request;
            this.caller = request.principal();
            this.context = request.context();
            this.explain = explain;
            if (explain) {
                evidence = new ArrayList<>();
                statementLog = new ArrayList<>();
            }
        }

        Decision run() {
            boolean iam = caller.isIamPrincipal();
            boolean slr = caller.isServiceLinkedRole();
            if (iam) {
                List<NamedPolicy> identity = request.identityPolicies();
                for (int i = 0; i < identity.size(); i++) {
                    scan(identity.get(i), PolicyType.IDENTITY, -1);
                }
                if (request.permissionBoundary() != null) {
                    scan(request.permissionBoundary(), PolicyType.PERMISSIONS_BOUNDARY, -1);
                }
                if (request.sessionPolicy() != null) {
                    scan(request.sessionPolicy(), PolicyType.SESSION, -1);
                }
                if (!slr) {
                    scanLevels(request.scps(), PolicyType.SCP);
                }
            }
            if (request.resourcePolicy() != null) {
                scan(request.resourcePolicy(), PolicyType.RESOURCE, -1);
            }
            if (!rcpExempt()) {
                scanLevels(request.rcps(), PolicyType.RCP);
            }
            DecisionReason least = decide(false);
            DecisionReason most = decide(true);
            Set<String> unknown = unknownKeys == null ? Set.of() : unknownKeys;
            if (!explain) {
                return Decision.of(least, most, unknown, List.of(), null);
            }
            return Decision.of(least, most, unknown, deciding(least), evidence);
        }

        private void scanLevels(List<List<NamedPolicy>> levels, PolicyType type) {
            for (int level = 0; level < levels.size(); level++) {
                List<NamedPolicy> policies = levels.get(level);
                for (int i = 0; i < policies.size(); i++) {
                    scan(policies.get(i), type, level);
                }
            }
        }

        private void scan(NamedPolicy named, PolicyType type, int level) {
            PolicyDocument document = named.document();
            List<Statement> statements = document.statements();
            boolean resourceSide = type == PolicyType.RESOURCE || type == PolicyType.RCP;
            List<StatementEvidence> statementEvidence = explain ? new ArrayList<>() : null;
            for (int s = 0; s < statements.size(); s++) {
                Statement statement = statements.get(s);
                if (!actionMatches(statement)) {
                    continue;
                }
                int resource = resourceMatch(statement, type == PolicyType.RESOURCE);
                if (resource == ResourcePattern.NO) {
                    continue;
                }
                PrincipalMatch principal = null;
                if (resourceSide) {
                    principal = principalMatch(statement);
                    if (principal == PrincipalMatch.NONE) {
                        continue;
                    }
                }
                int match = resource == ResourcePattern.UNKNOWN ? ConditionEvaluator.UNKNOWN : ConditionEvaluator.TRUE;
                List<Condition> conditions = statement.conditions();
                List<ConditionEvidence> conditionEvidence = explain ? new ArrayList<>(conditions.size()) : null;
                for (int c = 0; c < conditions.size(); c++) {
                    if (match == ConditionEvaluator.FALSE && !explain) {
                        break;
                    }
                    Condition condition = conditions.get(c);
                    int result = ConditionEvaluator.evaluate(condition, context);
                    if (result == ConditionEvaluator.UNKNOWN) {
                        noteUnknown(condition);
                    }
                    if (explain) {
                        conditionEvidence.add(new ConditionEvidence(condition.operatorText(), condition.key(), condition.values(),
                                context.values(condition.lowerCaseKey()), TriState.of(result)));
                    }
                    if (result == ConditionEvaluator.FALSE) {
                        match = ConditionEvaluator.FALSE;
                    } else if (result == ConditionEvaluator.UNKNOWN && match == ConditionEvaluator.TRUE) {
                        match = ConditionEvaluator.UNKNOWN;
                    }
                }
                record(type, level, statement.effect(), match, principal);
                if (explain) {
                    TriState matched = TriState.of(match);
                    statementEvidence.add(new StatementEvidence(statement.index(), statement.sid(), statement.effect(), principal,
                            matched, conditionEvidence));
                    statementLog.add(new Object[] {
                        new StatementRef(named.label(), type, level, statement.index(), statement.sid(), statement.effect()),
                        matched, principal});
                }
            }
            if (explain) {
                evidence.add(new PolicyEvidence(named.label(), type, level, statementEvidence));
            }
        }

        private boolean actionMatches(Statement statement) {
            String action = request.lowerCaseAction();
            List<ActionPattern> patterns = statement.action();
            if (patterns != null) {
                for (int i = 0; i < patterns.size(); i++) {
                    if (patterns.get(i).matchesLowerCase(action)) {
                        return true;
                    }
                }
                return false;
            }
            patterns = statement.notAction();
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matchesLowerCase(action)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * YES, NO or UNKNOWN. NotResource: the resource matches none of the entries. Without either
         * element a resource-based statement (a role trust policy) is about the policy's own resource;
         * in any other policy type the statement is invalid ({@link PolicyPlacement} rejects it) and,
         * should a caller evaluate it anyway, is read so it cannot allow: an Allow matches nothing, a
         * Deny everything.
         */
        private int resourceMatch(Statement statement, boolean resourcePolicy) {
            boolean anyResourceWhenMissing = resourcePolicy;
            List<ResourcePattern> patterns = statement.resource();
            boolean not = false;
            if (patterns == null) {
                patterns = statement.notResource();
                if (patterns == null) {
                    return anyResourceWhenMissing || statement.effect() == Effect.DENY ? ResourcePattern.YES : ResourcePattern.NO;
                }
                not = true;
            }
            String resource = request.resource();
            int result = ResourcePattern.NO;
            for (int i = 0; i < patterns.size(); i++) {
                int m = resourcePolicy ? patterns.get(i).matchInResourcePolicy(resource, context) : patterns.get(i).match(resource, context);
                if (m == ResourcePattern.YES) {
                    result = ResourcePattern.YES;
                    break;
                }
                if (m == ResourcePattern.UNKNOWN) {
                    result = ResourcePattern.UNKNOWN;
                    noteUnknown(patterns.get(i).template());
                }
            }
            if (!not) {
                return result;
            }
            return result == ResourcePattern.YES ? ResourcePattern.NO
                    : result == ResourcePattern.NO ? ResourcePattern.YES : ResourcePattern.UNKNOWN;
        }

        /**
         * How a resource-side statement applies to the caller. A Principal applies when it names the
         * caller in any way. An Allow with NotPrincipal applies, like {@code "*"}, to every caller none
         * of whose identities it lists (anonymous callers included); a Deny with NotPrincipal applies
         * unless it exempts the caller. Resource policies and RCPs always carry one of the two
         * elements ({@link PolicyPlacement}); a statement built without either is read so it cannot
         * allow: an Allow grants no one, a Deny applies to everyone.
         */
        private PrincipalMatch principalMatch(Statement statement) {
            if (statement.principal() != null) {
                return PrincipalMatcher.match(statement.principal(), caller);
            }
            if (statement.notPrincipal() != null) {
                if (statement.effect() == Effect.ALLOW) {
                    return PrincipalMatcher.listsAnyIdentity(statement.notPrincipal(), caller)
                            ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
                }
                return PrincipalMatcher.exempt(statement.notPrincipal(), caller, request.permissionBoundary() != null)
                        ? PrincipalMatch.NONE : PrincipalMatch.NOT_PRINCIPAL;
            }
            return statement.effect() == Effect.ALLOW ? PrincipalMatch.NONE : PrincipalMatch.DIRECT;
        }

        private void record(PolicyType type, int level, Effect effect, int match, PrincipalMatch principal) {
            boolean t = match == ConditionEvaluator.TRUE;
            boolean u = match != ConditionEvaluator.FALSE;
            boolean allow = effect == Effect.ALLOW;
            switch (type) {
                case IDENTITY:
                    if (allow) {
                        idAllowT |= t;
                        idAllowU |= u;
                    } else {
                        idDenyT |= t;
                        idDenyU |= u;
                    }
                    break;
                case PERMISSIONS_BOUNDARY:
                    if (allow) {
                        pbAllowT |= t;
                        pbAllowU |= u;
                    } else {
                        pbDenyT |= t;
                        pbDenyU |= u;
                    }
                    break;
                case SESSION:
                    if (allow) {
                        spAllowT |= t;
                        spAllowU |= u;
                    } else {
                        spDenyT |= t;
                        spDenyU |= u;
                    }
                    break;
                case SCP:
                    if (allow) {
                        scpAllowT |= t ? 1L << level : 0;
                        scpAllowU |= u ? 1L << level : 0;
                    } else {
                        scpDenyT |= t;
                        scpDenyU |= u;
                    }
                    break;
                case RCP:
                    if (allow) {
                        rcpAllowT |= t ? 1L << level : 0;
                        rcpAllowU |= u ? 1L << level : 0;
                    } else {
                        rcpDenyT |= t;
                        rcpDenyU |= u;
                    }
                    break;
                default: // RESOURCE
                    if (allow) {
                        if (t) {
                            rpStrengthT = Math.max(rpStrengthT, principal.ordinal());
                        }
                        if (u) {
                            rpStrengthU = Math.max(rpStrengthU, principal.ordinal());
                        }
                    } else {
                        rpDenyT |= t;
                        rpDenyU |= u;
                    }
                    break;
            }
        }

        private void noteUnknown(Condition condition) {
            if (context.isUnknown(condition.lowerCaseKey())) {
                unknown().add(condition.key());
            }
            for (PolicyTemplate template : condition.templates()) {
                noteUnknown(template);
            }
        }

        private void noteUnknown(PolicyTemplate template) {
            for (String key : template.variableKeys()) {
                if (context.isUnknown(key)) {
                    unknown().add(key);
                }
            }
        }

        private Set<String> unknown() {
            if (unknownKeys == null) {
                unknownKeys = new LinkedHashSet<>();
            }
            return unknownKeys;
        }

        /**
         * The decision for one bound: permissive resolves unknown matches in favour of access (unknown
         * Allow statements apply, unknown Deny statements do not), restrictive the reverse.
         */
        private DecisionReason decide(boolean permissive) {
            boolean rpDeny = permissive ? rpDenyT : rpDenyU;
            int strength = permissive ? rpStrengthU : rpStrengthT;
            boolean slr = caller.isServiceLinkedRole();
            int rcpLevels = request.rcps().size();
            boolean rcpApplies = rcpLevels > 0 && !rcpExempt();
            boolean rcpDeny = rcpApplies && (permissive ? rcpDenyT : rcpDenyU);
            boolean rcpAllows = !rcpApplies || allLevels(permissive ? rcpAllowU : rcpAllowT, rcpLevels);
            if (!caller.isIamPrincipal()) {
                if (rpDeny || rcpDeny) {
                    return DecisionReason.EXPLICIT_DENY;
                }
                if (!rcpAllows) {
                    return DecisionReason.RCP_DOES_NOT_ALLOW;
                }
                return strength > PrincipalMatch.NONE.ordinal() ? DecisionReason.ALLOWED_BY_RESOURCE_POLICY
                        : DecisionReason.NO_ALLOWING_STATEMENT;
            }
            int scpLevels = request.scps().size();
            boolean scpApplies = scpLevels > 0 && !slr;
            boolean scpDeny = scpApplies && (permissive ? scpDenyT : scpDenyU);
            boolean deny = (permissive ? idDenyT : idDenyU) || rpDeny || scpDeny || rcpDeny
                    || (permissive ? pbDenyT : pbDenyU) || (permissive ? spDenyT : spDenyU);
            if (deny) {
                return DecisionReason.EXPLICIT_DENY;
            }
            if (scpApplies && !allLevels(permissive ? scpAllowU : scpAllowT, scpLevels)) {
                return DecisionReason.SCP_DOES_NOT_ALLOW;
            }
            if (!rcpAllows) {
                return DecisionReason.RCP_DOES_NOT_ALLOW;
            }
            boolean root = caller.kind() == RequestPrincipal.Kind.ACCOUNT_ROOT;
            boolean identityAllows = root || (permissive ? idAllowU : idAllowT);
            boolean boundaryAllows = root || request.permissionBoundary() == null || (permissive ? pbAllowU : pbAllowT);
            // An STS federated-user session (GetFederationToken) has no permissions of its own without a
            // session policy: "If there is no session policy, the code checks whether the principal is a
            // role session. If the principal is a role session, then the request is Allowed. Otherwise, the
            // request is implicitly denied" (enforcement logic, step "Session policies").
            boolean sessionAllows = request.sessionPolicy() == null ? caller.kind() != RequestPrincipal.Kind.FEDERATED_USER
                    : (permissive ? spAllowU : spAllowT);
            boolean identitySide = identityAllows && boundaryAllows && sessionAllows;
            if (request.isCrossAccount()) {
                if (!identitySide) {
                    return DecisionReason.CROSS_ACCOUNT_IDENTITY_DOES_NOT_ALLOW;
                }
                return strength > PrincipalMatch.NONE.ordinal() ? DecisionReason.ALLOWED_BY_IDENTITY_AND_RESOURCE_POLICY
                        : DecisionReason.CROSS_ACCOUNT_RESOURCE_DOES_NOT_ALLOW;
            }
            if (strength >= PrincipalMatch.DIRECT.ordinal()
                    || (strength == PrincipalMatch.USER.ordinal() && sessionAllows)
                    || (strength == PrincipalMatch.ROLE.ordinal() && boundaryAllows && sessionAllows)) {
                return DecisionReason.ALLOWED_BY_RESOURCE_POLICY;
            }
            if (identitySide && request.resourcePolicyRequired() && strength == PrincipalMatch.NONE.ordinal()) {
                return DecisionReason.RESOURCE_POLICY_MUST_ALLOW;
            }
            if (identitySide) {
                return root && !(permissive ? idAllowU : idAllowT) ? DecisionReason.ALLOWED_AS_ROOT_USER
                        : DecisionReason.ALLOWED_BY_IDENTITY_POLICY;
            }
            boolean somethingAllows = identityAllows || strength >= PrincipalMatch.ROLE.ordinal();
            if (somethingAllows && !boundaryAllows) {
                return DecisionReason.PERMISSIONS_BOUNDARY_DOES_NOT_ALLOW;
            }
            if (somethingAllows && !sessionAllows) {
                return DecisionReason.SESSION_POLICY_DOES_NOT_ALLOW;
            }
            return DecisionReason.NO_ALLOWING_STATEMENT;
        }

        /**
         * RCPs do not restrict service-linked roles, nor an AWS service assuming its service-linked
         * role ("resource control policies have no effect on AWS services' ability to assume a
         * service-linked role", RCPs page).
         *
         * @see <a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html">Resource control policies</a>
         */
        private boolean rcpExempt() {
            return caller.isServiceLinkedRole() || request.assumesServiceLinkedRole();
        }

        private static boolean allLevels(long mask, int levels) {
            long all = levels >= 64 ? -1L : (1L << levels) - 1;
            return (mask & all) == all;
        }

        /** The statements behind the least-permissive outcome (explain only). */
        private List<StatementRef> deciding(DecisionReason reason) {
            List<StatementRef> out = new ArrayList<>();
            for (Object[] entry : statementLog) {
                StatementRef ref = (StatementRef) entry[0];
                TriState matched = (TriState) entry[1];
                PrincipalMatch principal = (PrincipalMatch) entry[2];
                boolean applicable = applies(ref.policyType());
                switch (reason) {
                    case EXPLICIT_DENY:
                        if (applicable && ref.effect() == Effect.DENY && matched != TriState.FALSE) {
                            out.add(ref);
                        }
                        break;
                    case ALLOWED_BY_IDENTITY_POLICY:
                        if (ref.policyType() == PolicyType.IDENTITY && ref.effect() == Effect.ALLOW && matched == TriState.TRUE) {
                            out.add(ref);
                        }
                        break;
                    case ALLOWED_BY_RESOURCE_POLICY:
                        if (ref.policyType() == PolicyType.RESOURCE && ref.effect() == Effect.ALLOW && matched == TriState.TRUE
                                && principal != null && principal.ordinal() >= PrincipalMatch.ROLE.ordinal()) {
                            out.add(ref);
                        }
                        break;
                    case ALLOWED_BY_IDENTITY_AND_RESOURCE_POLICY:
                        if ((ref.policyType() == PolicyType.IDENTITY || ref.policyType() == PolicyType.RESOURCE)
                                && ref.effect() == Effect.ALLOW && matched == TriState.TRUE) {
                            out.add(ref);
                        }
                        break;
                    default:
                        break;
                }
            }
            return out;
        }

        private boolean applies(PolicyType type) {
            boolean slr = caller.isServiceLinkedRole();
            switch (type) {
                case SCP:
                    return !slr && caller.isIamPrincipal();
                case RCP:
                    return !rcpExempt();
                default:
                    return true;
            }
        }
    }
}
