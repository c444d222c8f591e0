package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamUser;
import java.util.ArrayList;
import java.util.List;

/**
 * MEMBER_OF: a user belongs to each of its groups; the groups' policies are the user's identity policies (they are
 * part of the user's capabilities). A group the snapshot does not hold gives a CONDITIONAL edge to a placeholder.
 * This rule is the authority for group nodes.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html">IAM user groups</a>
 */
public final class UsersBelongToGroups implements AccessRule {

    @Override
    public String name() {
        return "UsersBelongToGroups";
    }

    @Override
    public java.util.Set<EntityKey.Kind> subjectKinds() {
        return USER_LIST;
    }

    private static final java.util.Set<EntityKey.Kind> USER_LIST = java.util.Set.of(EntityKey.Kind.USER);

    @Override
    public List<String> subjects(SnapshotIndex index) {
        List<String> out = new ArrayList<>();
        index.snapshot().iam().users().forEach(u -> {
            if (!u.groups().isEmpty()) {
                out.add(u.arn());
            }
        });
        return out;
    }

    @Override
    public void compute(String subject, UnitContext ctx) {
        IamUser user = ctx.user(subject);
        if (user == null) {
            return;
        }
        ctx.reference(Nodes.principalReference(user.arn(), ctx.account()));
        for (String name : new java.util.LinkedHashSet<>(user.groups())) { // a group listed twice is one membership
            IamGroup group = ctx.group(name);
            String lead = user.name() + " is a member of " + name;
            if (group == null) {
                String id = "arn:" + ctx.partition() + ":iam::" + ctx.account() + ":group/" + name;
                String why = "group " + name + " is not in the snapshot, so its policies are unknown";
                ctx.reference(Node.builder(id, NodeKind.IAM_GROUP).arn(id).label(name).account(ctx.account())
                        .flag(Node.PLACEHOLDER, true).attribute(Node.PLACEHOLDER_REASON, "not in this snapshot").build());
                ctx.edge(Edges.structural(EdgeType.MEMBER_OF, user.arn(), id, EdgeStatus.CONDITIONAL, lead + " — " + why,
                        List.of(why)).build());
                continue;
            }
            ctx.node(Nodes.group(group, ctx.account()));
            ctx.edge(Edges.structural(EdgeType.MEMBER_OF, user.arn(), group.arn(), EdgeStatus.ALLOWED,
                    lead + ": the group's policies apply to " + user.name(),
                    List.of("IAM lists " + user.name() + " in group " + name)).attribute(AccessEdge.STATEMENT_IDS, null)
                    .build());
        }
    }
}
