package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.snapshot.IamRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * CAN_ASSUME: who can become each role, decided from the role's trust policy together with the assuming principal's
 * identity policies ({@code sts:AssumeRole} with the trust policy as the resource policy):
 * <ul>
 *   <li>a user or role of this account that the trust policy names: exactly (for a principal named by ARN, the
 *       trust policy alone suffices within one account);</li>
 *   <li>the account itself ({@code :root}) or {@code "*"}: an edge from "principals of this account" (CONDITIONAL:
 *       whoever's own policies allow it), and one edge from each principal of the account whose identity policies
 *       allow {@code sts:AssumeRole} on this role specifically — principals whose policies cannot allow it are
 *       skipped before evaluating, and principals allowed to assume <em>any</em> role are represented by their
 *       capability ({@code sts: AssumeRole on *}, admin-equivalent) rather than by one edge per role; queries
 *       expand it on demand;</li>
 *   <li>service principals, federated identity providers ({@code AssumeRoleWithWebIdentity} /
 *       {@code AssumeRoleWithSAML}), other accounts and their principals, and any AWS principal: one edge each;
 *       the other side's policies are unknown, so those are at most CONDITIONAL.</li>
 * </ul>
 * Each principal of this account is a part of the role's unit: when only its policies change, only its edge is
 * evaluated again.
 *
 * <p>A role's trust policy must always let the caller in, even within one account (unlike other resource
 * policies, an identity policy alone never suffices); principals are therefore only evaluated when the trust policy
 * names them, their account or everyone.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html">IAM roles: trust policies</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts">Principal: AWS account principals</a>
 */
public final class PrincipalsAssumeRoles implements AccessRule {
    private static final String ASSUME = "sts:AssumeRole";

    /** A role ARN no account uses: a policy that allows assuming it allows assuming any role. */
    public static String probeRole(String partition, String account) {
        return "arn:" + partition + ":iam::" + account + ":role/iam-atlas-probe/no-such-role-4f1c";
    }
    private static final String WEB = "sts:AssumeRoleWithWebIdentity";
    private static final String SAML = "sts:AssumeRoleWithSAML";

    @Override
    public String name() {
        return "PrincipalsAssumeRoles";
    }

    @Override
    public java.util.Set<EntityKey.Kind> subjectKinds() {
        return EntityKey.ROLE_LIST;
    }

    @Override
    public List<String> subjects(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        index.snapshot().iam().roles().forEach(r -> out.add(r.arn()));
        return out;
    }

    /** Who a trust policy lets in: other-side callers (one edge each) and principals of this account (one part each). */
    private static final class Plan {
        final Map<String, String> external = new LinkedHashMap<>(); // caller id -> action ("*" = any principal)
        final Map<String, String> externalKind = new LinkedHashMap<>();
        final Set<String> named = new LinkedHashSet<>();
        boolean wholeAccount;
    }

    private static Plan plan(PolicySource trust, UnitContext ctx) {
        Plan plan = new Plan();
        if (trust == null || !trust.parsed().valid()) {
            return plan;
        }
        for (Statement s : trust.parsed().document().statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null) {
                continue;
            }
            boolean assume = ParsedPolicy.actionMatches(s, ASSUME.toLowerCase(Locale.ROOT));
            boolean web = ParsedPolicy.actionMatches(s, WEB.toLowerCase(Locale.ROOT));
            boolean saml = ParsedPolicy.actionMatches(s, SAML.toLowerCase(Locale.ROOT));
            if (!assume && !web && !saml) {
                continue;
            }
            if (assume) {
                if (s.principal().isEveryone()) {
                    plan.external.put(Nodes.anyPrincipal().id(), ASSUME);
                    plan.externalKind.put(Nodes.anyPrincipal().id(), "any");
                    plan.wholeAccount = true;
                }
                for (String service : s.principal().services()) {
                    String name = service.toLowerCase(Locale.ROOT);
                    plan.external.put(name, ASSUME);
                    plan.externalKind.put(name, "service");
                }
                for (AwsPrincipal p : s.principal().aws()) {
                    boolean own = ctx.account().equals(p.account());
                    switch (p.kind()) {
                        case ACCOUNT:
                            if (own) {
                                plan.wholeAccount = true;
                            } else {
                                String id = Nodes.account(ctx.partition(), p.account(), false).id();
                                plan.external.put(id, ASSUME);
                                plan.externalKind.put(id, "account");
                            }
                            break;
                        case ROLE:
                        case USER:
                            if (own) {
                                plan.named.add(p.text());
                            } else {
                                plan.external.put(p.text(), ASSUME);
                                plan.externalKind.put(p.text(), "principal");
                            }
                            break;
                        default:
                            break;
                    }
                }
            }
            if (web || saml) {
                for (String f : s.principal().federated()) {
                    String action = f.contains(":saml-provider/") ? SAML : WEB;
                    if ((action.equals(SAML) && saml) || (action.equals(WEB) && web)) {
                        plan.external.put(f, action);
                        plan.externalKind.put(f, "federated");
                    }
                }
            }
        }
        return plan;
    }

    private static Set<String> ownParts(Plan plan, UnitContext ctx, String roleArn) {
        Set<String> parts = new LinkedHashSet<>(plan.named);
        if (plan.wholeAccount) {
            parts.addAll(ctx.assumersOf(roleArn));
        }
        return parts;
    }

    @Override
    public void compute(String subject, UnitContext ctx) {
        IamRole role = ctx.role(subject);
        if (role == null) {
            return;
        }
        PolicySource trust = trust(role, ctx);
        Plan plan = plan(trust, ctx);
        List<String> gaps = ctx.gapNotes(EntityKey.role(role.arn()));
        List<List<PolicySource>> rcps = ctx.rcpsFor(ASSUME);
        for (Map.Entry<String, String> e : plan.external.entrySet()) {
            external(ctx, role, trust, e.getKey(), plan.externalKind.get(e.getKey()), e.getValue(), gaps);
        }
        if (plan.wholeAccount) {
            external(ctx, role, trust, Nodes.account(ctx.partition(), ctx.account(), true).id(), "own", ASSUME, gaps);
        }
        for (String principal : ownParts(plan, ctx, role.arn())) {
            boolean named = plan.named.contains(principal);
            ctx.inPart(principal, () -> own(ctx, role, trust, principal, named, gaps, rcps));
        }
    }

    @Override
    public void computeParts(String subject, Set<String> parts, UnitContext ctx) {
        IamRole role = ctx.role(subject);
        if (role == null) {
            return;
        }
        PolicySource trust = trust(role, ctx);
        Plan plan = plan(trust, ctx);
        List<String> gaps = ctx.gapNotes(EntityKey.role(role.arn()));
        List<List<PolicySource>> rcps = ctx.rcpsFor(ASSUME);
        Set<String> own = ownParts(plan, ctx, role.arn());
        for (String principal : parts) {
            if (own.contains(principal)) {
                boolean named = plan.named.contains(principal);
                ctx.inPart(principal, () -> own(ctx, role, trust, principal, named, gaps, rcps));
            }
        }
    }

    private static PolicySource trust(IamRole role, UnitContext ctx) {
        return role.trustPolicy() == null ? null
                : ctx.source("role " + role.name() + " trust policy", PolicyType.RESOURCE, role.arn(), role.trustPolicy());
    }

    /**
     * One principal of this account. A principal the trust policy names is read through the context (its policies
     * are this part's inputs); one that is a candidate only because it can assume roles at all is read without
     * recording: the engine re-runs its part in every such unit whenever its policies change (see
     * {@link EntityKey#ASSUMERS}), so that the many candidates that match nothing leave no state behind.
     */
    private static void own(UnitContext ctx, IamRole role, PolicySource trust, String principal, boolean named,
            List<String> gaps, List<List<PolicySource>> rcps) {
        Identity identity = named ? ctx.identity(principal) : ctx.run().identity(principal);
        java.util.function.Supplier<String> lead = () -> principal.substring(principal.lastIndexOf('/') + 1)
                + " can assume " + role.name();
        if (identity == null) {
            if (named) {
                String why = "the trust policy names " + principal + ", which does not exist";
                ctx.reference(Nodes.principalReference(principal, ctx.account()));
                ctx.reference(Nodes.principalReference(role.arn(), ctx.account()));
                ctx.edge(Edges.structural(EdgeType.CAN_ASSUME, principal, role.arn(), EdgeStatus.DENIED, lead.get() + " — " + why,
                        List.of(why)).attribute(AccessEdge.BROKEN_BECAUSE, why).build());
            }
            return;
        }
        if (!named && !identity.mayAllowOn(ASSUME, role.arn())) {
            return;
        }
        Check check = identity.applyTo(Check.request("the trust policy and the principal's policies allow AssumeRole"))
                .action(ASSUME).resource(role.arn()).resourcePolicy(trust).rcps(rcps)
                .absent(Callers.PRINCIPAL_ABSENT).uncertainties(gaps).evaluate();
        if (check.status() == EdgeStatus.DENIED && !named) {
            return;
        }
        ctx.reference(Nodes.principalReference(principal, ctx.account()));
        ctx.reference(Nodes.principalReference(role.arn(), ctx.account()));
        ctx.edge(Edges.checked(EdgeType.CAN_ASSUME, principal, role.arn(), lead, List.of(check), List.of()).build());
    }

    private static void external(UnitContext ctx, IamRole role, PolicySource trust, String caller, String kind,
            String action, List<String> gaps) {
        Node node;
        UnaryOperator<Check.Builder> who;
        boolean standIn = true;
        switch (kind) {
            case "any":
                node = Nodes.anyPrincipal();
                who = b -> Callers.anyPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT);
                break;
            case "service":
                node = Nodes.service(caller);
                who = b -> b.principal(caller).absent(Callers.SERVICE_ABSENT);
                standIn = false;
                break;
            case "own":
                node = Nodes.account(ctx.partition(), ctx.account(), true);
                who = b -> Callers.ownAccountPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT);
                break;
            case "account": {
                String account = caller.split(":", 6)[4];
                node = Nodes.account(ctx.partition(), account, false);
                who = b -> Callers.otherAccountPrincipal(ctx, account, b).absent(Callers.PRINCIPAL_ABSENT);
                break;
            }
            case "federated":
                node = Nodes.federated(caller);
                who = b -> b.principal(caller).absent(ContextKeys.PRINCIPAL_IDENTITY);
                standIn = false;
                break;
            default:
                node = Nodes.principalReference(caller, ctx.account());
                who = b -> Callers.externalPrincipal(ctx, caller, b).absent(Callers.PRINCIPAL_ABSENT);
                break;
        }
        Check check = who.apply(Check.request("the trust policy lets the caller assume the role")).action(action)
                .resource(role.arn()).resourcePolicy(trust).rcps(ctx.rcpsFor(action)).uncertainties(gaps).evaluate();
        if (kind.equals("any") && check.status() == EdgeStatus.DENIED) {
            return;
        }
        List<String> notes = new ArrayList<>();
        if (standIn) {
            notes.add("the caller's own identity policies are not in this snapshot: it can assume the role only if they"
                    + " allow " + action + " too");
        }
        ctx.reference(node);
        ctx.reference(Nodes.principalReference(role.arn(), ctx.account()));
        Node from = node;
        AccessEdge.Builder b = Edges.checked(EdgeType.CAN_ASSUME, node.id(), role.arn(),
                () -> from.label() + " can assume " + role.name(), List.of(check), notes);
        if (standIn) {
            b.status(Callers.atMostConditional(check.status())).attribute(AccessEdge.RESOURCE_SIDE, check.status().name());
        }
        ctx.edge(b.build());
    }
}
