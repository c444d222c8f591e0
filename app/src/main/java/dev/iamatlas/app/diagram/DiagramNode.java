package dev.iamatlas.app.diagram;

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
 */
public record DiagramNode(String id, NodeKind kind, String label, String secondaryLabel, String groupId) {
    public DiagramNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    /** The same node in another group. */
    public DiagramNode withGroup(String newGroupId) {
        return new DiagramNode(id, kind, label, secondaryLabel, newGroupId);
    }
}
