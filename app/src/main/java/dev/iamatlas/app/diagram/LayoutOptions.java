package dev.iamatlas.app.diagram;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to lay out besides the diagram itself.
 *
 * @param visible when not null, only these nodes of the diagram (and the edges between them) are shown at all: the
 *     view of a large account (see {@code ViewSelection}); applied before folding
 * @param collapsedGroups groups folded into one node each (see {@link Diagram#collapse})
 * @param focus when not null, only these nodes (and the edges between them) are laid out; applied after folding
 * @param pinned nodes the user placed: their top-left corners, kept as they are
 * @param edgeLabels whether edge labels get their own room; {@link EdgeLabels#AUTO} leaves them out for very
 *     large diagrams, where they cost the most layout time and cannot be read anyway at the zoom that shows all
 */
public record LayoutOptions(Set<String> visible, Set<String> collapsedGroups, Set<String> focus,
        Map<String, Point> pinned, EdgeLabels edgeLabels) {

    /** Edge labels above this many edges are left out under {@link EdgeLabels#AUTO}. */
    public static final int AUTO_LABEL_LIMIT = 1200;

    /** Whether edge labels are laid out. */
    public enum EdgeLabels { ON, OFF, AUTO }

    public LayoutOptions {
        visible = visible == null ? null : Set.copyOf(visible);
        collapsedGroups = Set.copyOf(Objects.requireNonNull(collapsedGroups, "collapsedGroups"));
        focus = focus == null ? null : Set.copyOf(focus);
        pinned = Map.copyOf(Objects.requireNonNull(pinned, "pinned"));
        Objects.requireNonNull(edgeLabels, "edgeLabels");
    }

    /** Everything shown and expanded, nothing focused or pinned, labels as size allows. */
    public static LayoutOptions defaults() {
        return new LayoutOptions(null, Set.of(), null, Map.of(), EdgeLabels.AUTO);
    }

    public LayoutOptions withVisible(Set<String> nodes) {
        return new LayoutOptions(nodes, collapsedGroups, focus, pinned, edgeLabels);
    }

    public LayoutOptions withCollapsedGroups(Set<String> groups) {
        return new LayoutOptions(visible, groups, focus, pinned, edgeLabels);
    }

    public LayoutOptions withFocus(Set<String> nodes) {
        return new LayoutOptions(visible, collapsedGroups, nodes, pinned, edgeLabels);
    }

    public LayoutOptions withPinned(Map<String, Point> positions) {
        return new LayoutOptions(visible, collapsedGroups, focus, positions, edgeLabels);
    }

    public LayoutOptions withEdgeLabels(EdgeLabels value) {
        return new LayoutOptions(visible, collapsedGroups, focus, pinned, value);
    }

    /** The diagram these options select: restricted to the visible nodes, groups folded, then focused. */
    public Diagram apply(Diagram diagram) {
        Diagram result = visible == null ? diagram : diagram.restrictTo(visible);
        result = result.collapse(collapsedGroups);
        if (focus != null) {
            result = result.restrictTo(focus);
        }
        return result;
    }
}
