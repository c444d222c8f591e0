package dev.iamatlas.app.diagram;

import java.util.Set;

/**
 * What the painter should make stand out.
 *
 * @param selectedNodes nodes drawn with a selection ring
 * @param selectedEdges edges drawn thicker in the selection colour
 * @param pathEdges edges of a highlighted path (and their ends), drawn in the path colour
 * @param focus when not null, everything outside it is faded
 * @param changedEdges edges that the last what-if edit added or changed, drawn with a halo in the change colour
 */
public record Emphasis(Set<String> selectedNodes, Set<String> selectedEdges, Set<String> pathEdges,
        Set<String> focus, Set<String> changedEdges) {

    public static final Emphasis NONE = new Emphasis(Set.of(), Set.of(), Set.of(), null, Set.of());

    public Emphasis {
        selectedNodes = Set.copyOf(selectedNodes);
        selectedEdges = Set.copyOf(selectedEdges);
        pathEdges = Set.copyOf(pathEdges);
        focus = focus == null ? null : Set.copyOf(focus);
        changedEdges = changedEdges == null ? Set.of() : Set.copyOf(changedEdges);
    }

    /** Without changed edges. */
    public Emphasis(Set<String> selectedNodes, Set<String> selectedEdges, Set<String> pathEdges, Set<String> focus) {
        this(selectedNodes, selectedEdges, pathEdges, focus, Set.of());
    }
}
