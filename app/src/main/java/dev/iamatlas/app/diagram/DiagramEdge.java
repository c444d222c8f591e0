package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import java.util.Objects;

/**
 * One arrow of the diagram. Edges are told apart by {@link #id()}: two edges between the same nodes are distinct
 * when their ids differ (two rules may link the same pair for different reasons).
 *
 * @param id a stable key, unique in the diagram
 * @param source the id of the node the arrow starts at
 * @param target the id of the node it points to
 * @param type the kind of link
 * @param status whether the link works
 * @param label the short text drawn on the arrow, such as "invokes"; empty for none
 */
public record DiagramEdge(String id, String source, String target, EdgeType type, EdgeStatus status, String label) {
    public DiagramEdge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        label = label == null ? "" : label;
    }
}
