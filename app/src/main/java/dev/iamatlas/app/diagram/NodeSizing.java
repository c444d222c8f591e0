package dev.iamatlas.app.diagram;

/**
 * The size of a node's box, and where its parts go, shared by the layout (which needs the size) and the painter
 * (which draws into it). Boxes are as wide as their text, up to {@link #MAX_WIDTH}; longer text is shortened with
 * an ellipsis when painted.
 */
public final class NodeSizing {
    /** Room at the left for the kind's glyph. */
    public static final double GLYPH_SPACE = 34;
    public static final double PAD_RIGHT = 12;
    public static final double MIN_WIDTH = 110;
    public static final double MAX_WIDTH = 260;
    public static final double HEIGHT_ONE_LINE = 32;
    public static final double HEIGHT_TWO_LINES = 44;
    /** Edge label box padding, left plus right. */
    public static final double EDGE_LABEL_PAD = 8;
    public static final double EDGE_LABEL_HEIGHT = 15;

    private NodeSizing() {
    }

    public static double width(DiagramNode node, TextMeasurer measurer) {
        double text = measurer.width(node.label(), FontRole.NODE_LABEL);
        if (node.secondaryLabel() != null && !node.secondaryLabel().isEmpty()) {
            text = Math.max(text, measurer.width(node.secondaryLabel(), FontRole.NODE_DETAIL));
        }
        return Math.ceil(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, GLYPH_SPACE + text + PAD_RIGHT)));
    }

    public static double height(DiagramNode node) {
        return node.secondaryLabel() == null || node.secondaryLabel().isEmpty() ? HEIGHT_ONE_LINE : HEIGHT_TWO_LINES;
    }

    public static double edgeLabelWidth(String label, TextMeasurer measurer) {
        return Math.ceil(measurer.width(label, FontRole.EDGE_LABEL) + EDGE_LABEL_PAD);
    }
}
