package dev.iamatlas.app.diagram;

import dev.iamatlas.model.findings.Severity;
import dev.iamatlas.model.graph.NodeKind;
import java.util.Objects;

/**
 * One box of the diagram.
 *
 * @param id a stable key, usually the ARN of what the node stands for
 * @param kind what it stands for; its {@link NodeKind.Tier} decides the column
 * @param label the main text, such as a function name
 * @param secondaryLabel a second, smaller line (API and stage, account, runtime), or null
 * @param groupId the group this node folds into when the group is collapsed (the API of a route, the account
 *     of a role), or null when it belongs to none
 * @param alert the severity of the most severe finding about this node, drawn as a badge; null for none
 */
public record DiagramNode(String id, NodeKind kind, String label, String secondaryLabel, String groupId,
        Severity alert) {
    public DiagramNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    /** A node without an alert. */
    public DiagramNode(String id, NodeKind kind, String label, String secondaryLabel, String groupId) {
        this(id, kind, label, secondaryLabel, groupId, null);
    }

    /**
     * The column the layout puts the node in: its kind's tier, except that IAM users and groups stand with the
     * roles (they are principals with permissions: their links go to roles they assume and capabilities they have,
     * which would otherwise cross the whole diagram).
     */
    public NodeKind.Tier column() {
        return kind == NodeKind.IAM_USER || kind == NodeKind.IAM_GROUP ? NodeKind.Tier.ROLE : kind.tier();
    }

    /** The same node in another group. */
    public DiagramNode withGroup(String newGroupId) {
        return new DiagramNode(id, kind, label, secondaryLabel, newGroupId, alert);
    }
}
