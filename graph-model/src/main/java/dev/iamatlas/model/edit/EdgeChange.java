package dev.iamatlas.model.edit;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import java.util.Objects;

/**
 * One edge that appeared, disappeared or changed between two analyses.
 *
 * @param id the edge's stable id
 * @param type the kind of link
 * @param source the source node id
 * @param target the target node id
 * @param before its status before, or null when it is new
 * @param after its status after, or null when it is gone
 * @param explanation the explanation of the edge as it is now (or was, when gone)
 */
public record EdgeChange(String id, EdgeType type, String source, String target, EdgeStatus before, EdgeStatus after,
        String explanation) {

    public EdgeChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    static EdgeChange of(AccessEdge before, AccessEdge after) {
        AccessEdge e = after != null ? after : before;
        return new EdgeChange(e.id(), e.type(), e.sourceId(), e.targetId(), before == null ? null : before.status(),
                after == null ? null : after.status(), e.explanation());
    }

    /** Whether reach grew: the link now works (at least conditionally) and did not before. */
    public boolean gained() {
        return works(after) && !works(before) || (before == EdgeStatus.CONDITIONAL && after == EdgeStatus.ALLOWED);
    }

    /** Whether reach shrank: the link worked (at least conditionally) and no longer does, or is only conditional now. */
    public boolean lost() {
        return works(before) && !works(after) || (before == EdgeStatus.ALLOWED && after == EdgeStatus.CONDITIONAL);
    }

    private static boolean works(EdgeStatus s) {
        return s == EdgeStatus.ALLOWED || s == EdgeStatus.CONDITIONAL;
    }
}
