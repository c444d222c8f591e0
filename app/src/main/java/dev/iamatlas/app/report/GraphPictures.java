package dev.iamatlas.app.report;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.Node;
import java.io.IOException;
import org.jgrapht.Graph;

/**
 * Draws (a view of) the access graph as a picture. The diagram code ({@code dev.iamatlas.app.diagram}: layout with
 * ELK, {@code DiagramExporter} for SVG and PNG) implements it once an AccessGraph-to-Diagram adapter exists;
 * {@code export --format svg|png} and the report diagrams (HTML's inline SVG, PDF's image) go through it.
 */
public interface GraphPictures {

    /** The pictures this build can draw: none yet (see {@link #unavailable()}); replaced when the adapter lands. */
    static GraphPictures standard() {
        return unavailable();
    }

    /** Pictures that cannot be drawn: every call fails with a one-line message. */
    static GraphPictures unavailable() {
        return new GraphPictures() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String svg(Graph<Node, AccessEdge> view) throws IOException {
                throw new UnsupportedOperationException(MESSAGE);
            }

            @Override
            public byte[] png(Graph<Node, AccessEdge> view, double scale) throws IOException {
                throw new UnsupportedOperationException(MESSAGE);
            }
        };
    }

    /** What {@link #unavailable()} says. */
    String MESSAGE = "drawing the access graph as SVG or PNG is not available in this build yet "
            + "(use --format dot, graphml or json)";

    /** Whether pictures can be drawn. */
    boolean available();

    /**
     * The view laid out and drawn as an SVG document.
     *
     * @throws UnsupportedOperationException when {@link #available()} is false
     */
    String svg(Graph<Node, AccessEdge> view) throws IOException;

    /**
     * The view laid out and drawn as a PNG image.
     *
     * @param scale pixels per diagram unit (1 = 100 %)
     * @throws UnsupportedOperationException when {@link #available()} is false
     */
    byte[] png(Graph<Node, AccessEdge> view, double scale) throws IOException;
}
