package dev.iamatlas.app.diagram;

/** The few kinds of text a diagram has, each with one size and weight, so layout and painting agree. */
public enum FontRole {
    NODE_LABEL(12.5, true),
    NODE_DETAIL(11, false),
    EDGE_LABEL(10.5, false),
    LEGEND_TITLE(12, true),
    LEGEND(11, false);

    private final double size;
    private final boolean bold;

    FontRole(double size, boolean bold) {
        this.size = size;
        this.bold = bold;
    }

    /** The font size in pixels at zoom 1. */
    public double size() {
        return size;
    }

    public boolean bold() {
        return bold;
    }
}
