package dev.iamatlas.app.diagram;

/**
 * Where a node sits: its top-left corner and size, in diagram coordinates.
 *
 * @param node the node
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 * @param pinned whether the user placed it (it keeps its place when the diagram is laid out again)
 */
public record NodeBox(DiagramNode node, double x, double y, double width, double height, boolean pinned) {
    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    public boolean contains(double px, double py) {
        return px >= x && px <= x + width && py >= y && py <= y + height;
    }

    public boolean intersects(double rx, double ry, double rw, double rh) {
        return x < rx + rw && x + width > rx && y < ry + rh && y + height > ry;
    }

    /** The same box moved so its top-left corner is at (nx, ny), marked pinned. */
    public NodeBox movedTo(double nx, double ny) {
        return new NodeBox(node, nx, ny, width, height, true);
    }
}
