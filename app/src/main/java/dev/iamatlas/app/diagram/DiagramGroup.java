package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.NodeKind;
import java.util.Objects;

/**
 * Nodes that fold into one when collapsed: the routes of one API, the roles of one account.
 *
 * @param id the group id that member nodes name in {@link DiagramNode#groupId()}
 * @param kind the kind of the single node that stands for the collapsed group
 * @param label the collapsed node's label, such as the API name
 * @param secondaryLabel its second line, or null
 */
public record DiagramGroup(String id, NodeKind kind, String label, String secondaryLabel) {
    public DiagramGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
