package dev.iamatlas.app.diagram;

import java.util.function.BooleanSupplier;

/** Places the nodes and routes the edges of a diagram. */
public interface DiagramLayout {

    /**
     * Lays out {@code options.apply(diagram)}.
     *
     * @param cancelled polled during the work; when it answers true the layout stops with {@link
     *     java.util.concurrent.CancellationException}
     * @return positions for every node and edge of the selected diagram; {@link LaidOutDiagram#empty()} for an
     *     empty one
     */
    LaidOutDiagram layout(Diagram diagram, LayoutOptions options, BooleanSupplier cancelled);

    default LaidOutDiagram layout(Diagram diagram, LayoutOptions options) {
        return layout(diagram, options, () -> false);
    }
}
