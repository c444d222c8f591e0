package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CAN_PERFORM: what each role and user can do — one edge per capability (a service's actions on a resource
 * pattern, such as "dynamodb: GetItem, Query on table/orders"), with the effective permissions after permissions
 * boundaries, SCPs and explicit denies (see {@link CapabilityAnalyzer}). A principal with admin-equivalent access
 * is flagged on its node ({@link Node#ADMIN_EQUIVALENT}, with the reasons) and on the capability edges that give it.
 * This rule is the authority for role and user nodes.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html">Permissions boundaries</a>
 */
public final class PrincipalCapabilities implements AccessRule {
    private static final java.util.Set<EntityKey.Kind> PRINCIPAL_LISTS = java.util.Set.of(EntityKey.Kind.ROLE,
            EntityKey.Kind.USER);

    @Override
    public String name() {
        return "PrincipalCapabilities";
    }

    @Override
    public java.util.Set<EntityKey.Kind> subjectKinds() {
        return PRINCIPAL_LISTS;
    }

    @Override
    public List<String> subjects(SnapshotIndex index) {
        return index.principals();
    }

    @Override
    public void compute(String subject, UnitContext ctx) {
        Identity identity = ctx.identity(subject);
        if (identity == null) {
            return;
        }
        List<Capability> capabilities = ctx.run().services().capabilities().capabilities(identity, ctx.run());
        Set<String> reasons = new LinkedHashSet<>();
        Set<String> management = new LinkedHashSet<>();
        for (int k = 0; k < capabilities.size(); k++) { // indexed: no iterator per principal
            if (!capabilities.get(k).adminReasons().isEmpty()) {
                reasons.addAll(capabilities.get(k).adminReasons());
            }
            if (!capabilities.get(k).managementReasons().isEmpty() && management.size() < 5) {
                management.addAll(capabilities.get(k).managementReasons());
            }
        }
        String admin = reasons.isEmpty() ? null : String.join("; ", reasons);
        // permissions management is said of a principal that is not admin-equivalent anyway
        String manages = admin != null || management.isEmpty() ? null : String.join("; ", management);
        String name;
        if (identity.user()) {
            IamUser user = ctx.user(subject);
            ctx.node(ctx.run().services().principalNode(subject, user, ctx.account(), admin + "|" + manages,
                    () -> Nodes.user(user, ctx.account(), admin, manages)));
            name = user.name();
        } else {
            IamRole role = ctx.role(subject);
            ctx.node(ctx.run().services().principalNode(subject, role, ctx.account(), admin + "|" + manages,
                    () -> Nodes.role(role, ctx.account(), admin, manages)));
            name = role.name();
        }
        for (int k = 0; k < capabilities.size(); k++) {
            Capability c = capabilities.get(k);
            Node node = c.node();
            ctx.reference(node);
            ctx.edge(Edges.lazyChecked(EdgeType.CAN_PERFORM, subject, node.id(), c.status(),
                    new Explained(name, identity, c, ctx.run())).label(c.edgeLabel()).attributes(c.edgeAttributes())
                    .build());
        }
    }

    /** How a capability edge is explained, worked out when asked: one object per edge (a graph has many). */
    private record Explained(String name, Identity identity, Capability c, AnalysisRun run) implements Edges.Deferred {
        @Override
        public String lead() {
            return name + " can " + (c.service().equals("*") ? "" : c.service() + ": ") + c.edgeLabel() + " on "
                    + c.shortResource() + " (" + c.level().displayName() + ")";
        }

        @Override
        public List<Check> checks() {
            return PrincipalCapabilities.checks(identity, c, run);
        }

        @Override
        public List<String> notes() {
            List<String> n = new ArrayList<>();
            n.add(describe(c));
            n.addAll(identity.uncertainties());
            return n;
        }
    }

    private static String describe(Capability c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.actionCount()).append(c.actionCount() == 1 ? " action" : " actions");
        if (c.service().equals("*")) {
            sb.append(" in ").append(c.services().size()).append(c.services().size() == 1 ? " service" : " services");
        }
        sb.append(" on ").append(c.resource());
        if (!c.actions().isEmpty() && c.actions().size() <= 12) {
            sb.append(": ").append(String.join(", ", c.actions()));
        }
        if (!c.conditionalActions().isEmpty()) {
            sb.append("; only under conditions: ").append(c.conditionalActions().size() <= 12
                    ? String.join(", ", c.conditionalActions()) : c.conditionalActions().size() + " actions");
        }
        if (!c.adminReasons().isEmpty()) {
            sb.append("; admin-equivalent: ").append(String.join("; ", c.adminReasons()));
        }
        if (!c.managementReasons().isEmpty()) {
            sb.append("; permissions management on every resource: ").append(String.join("; ", c.managementReasons()));
        }
        return sb.toString();
    }

    private static List<Check> checks(Identity identity, Capability c, AnalysisRun run) {
        List<Check> out = new ArrayList<>();
        for (String action : c.representatives()) {
            out.add(identity.applyTo(Check.request("the principal's policies allow " + action)).action(action)
                    .resource(c.resource()).rcps(run.rcpsFor(action)).absent(Callers.PRINCIPAL_ABSENT).evaluate());
        }
        return out;
    }
}
