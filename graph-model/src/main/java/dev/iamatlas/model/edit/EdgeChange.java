package dev.iamatlas.model.edit;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One edge that appeared, disappeared or changed between two analyses. A value: two changes are equal when every
 * component is.
 *
 * <p>Not a record, only so that the explanation is worked out when first asked for: an edit of a managed policy
 * attached to thousands of roles changes thousands of capability edges, and explaining each one runs the
 * explaining evaluation, while the change list shows a few.
 */
public final class EdgeChange {
    private final String id;
    private final EdgeType type;
    private final String source;
    private final String target;
    private final EdgeStatus before;
    private final EdgeStatus after;
    private final Supplier<String> explanation;

    /**
     * A change with a known explanation.
     *
     * @param id the edge's stable id
     * @param type the kind of link
     * @param source the source node id
     * @param target the target node id
     * @param before its status before, or null when it is new
     * @param after its status after, or null when it is gone
     * @param explanation the explanation of the edge as it is now (or was, when gone)
     */
    public EdgeChange(String id, EdgeType type, String source, String target, EdgeStatus before, EdgeStatus after,
            String explanation) {
        this(id, type, source, target, before, after, () -> explanation);
    }

    private EdgeChange(String id, EdgeType type, String source, String target, EdgeStatus before, EdgeStatus after,
            Supplier<String> explanation) {
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.source = source;
        this.target = target;
        this.before = before;
        this.after = after;
        this.explanation = explanation;
    }

    static EdgeChange of(AccessEdge before, AccessEdge after) {
        AccessEdge e = after != null ? after : before;
        return new EdgeChange(e.id(), e.type(), e.sourceId(), e.targetId(), before == null ? null : before.status(),
                after == null ? null : after.status(), e.explanationNow());
    }

    /** The edge's stable id. */
    public String id() {
        return id;
    }

    /** The kind of link. */
    public EdgeType type() {
        return type;
    }

    /** The source node id. */
    public String source() {
        return source;
    }

    /** The target node id. */
    public String target() {
        return target;
    }

    /** Its status before, or null when it is new. */
    public EdgeStatus before() {
        return before;
    }

    /** Its status after, or null when it is gone. */
    public EdgeStatus after() {
        return after;
    }

    /**
     * The explanation of the edge as it is after the change (or was, when gone). Computed on first use; later edits
     * do not change it.
     */
    public String explanation() {
        return explanation.get();
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

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeChange c && id.equals(c.id) && type == c.type && Objects.equals(source, c.source)
                && Objects.equals(target, c.target) && before == c.before && after == c.after
                && Objects.equals(explanation(), c.explanation());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, source, target, before, after);
    }

    @Override
    public String toString() {
        return "EdgeChange[id=" + id + ", type=" + type + ", source=" + source + ", target=" + target + ", before="
                + before + ", after=" + after + "]";
    }
}
