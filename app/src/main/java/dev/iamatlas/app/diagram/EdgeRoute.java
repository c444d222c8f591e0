package dev.iamatlas.app.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The drawn path of an edge: a polyline from the source box to the target box (the last point is where the arrow
 * head touches the target), and the box of its label.
 */
public final class EdgeRoute {
    private final DiagramEdge edge;
    private final double[] coords;
    private final double labelX;
    private final double labelY;
    private final double labelWidth;
    private final double labelHeight;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    /**
     * @param edge the edge
     * @param coords x0, y0, x1, y1, ...: at least two points
     * @param labelX left of the label box (ignored when labelWidth is 0)
     * @param labelY top of the label box
     * @param labelWidth 0 when the label is not drawn
     * @param labelHeight its height
     */
    public EdgeRoute(DiagramEdge edge, double[] coords, double labelX, double labelY, double labelWidth,
            double labelHeight) {
        if (coords.length < 4 || coords.length % 2 != 0) {
            throw new IllegalArgumentException("edge " + edge.id() + ": a route needs at least two points");
        }
        this.edge = edge;
        this.coords = coords.clone();
        this.labelX = labelX;
        this.labelY = labelY;
        this.labelWidth = labelWidth;
        this.labelHeight = labelHeight;
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < coords.length; i += 2) {
            x0 = Math.min(x0, coords[i]);
            x1 = Math.max(x1, coords[i]);
            y0 = Math.min(y0, coords[i + 1]);
            y1 = Math.max(y1, coords[i + 1]);
        }
        if (labelWidth > 0) {
            x0 = Math.min(x0, labelX);
            y0 = Math.min(y0, labelY);
            x1 = Math.max(x1, labelX + labelWidth);
            y1 = Math.max(y1, labelY + labelHeight);
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    public DiagramEdge edge() {
        return edge;
    }

    public int pointCount() {
        return coords.length / 2;
    }

    public double x(int i) {
        return coords[2 * i];
    }

    public double y(int i) {
        return coords[2 * i + 1];
    }

    public List<Point> points() {
        List<Point> points = new ArrayList<>(pointCount());
        for (int i = 0; i < pointCount(); i++) {
            points.add(new Point(x(i), y(i)));
        }
        return points;
    }

    public boolean hasLabel() {
        return labelWidth > 0;
    }

    public double labelX() {
        return labelX;
    }

    public double labelY() {
        return labelY;
    }

    public double labelWidth() {
        return labelWidth;
    }

    public double labelHeight() {
        return labelHeight;
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    public boolean intersects(double rx, double ry, double rw, double rh) {
        return minX < rx + rw && maxX > rx && minY < ry + rh && maxY > ry;
    }

    /** The distance from a point to the polyline (or to the label box, when that is closer). */
    public double distanceTo(double px, double py) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i + 3 < coords.length; i += 2) {
            best = Math.min(best, segmentDistance(px, py, coords[i], coords[i + 1], coords[i + 2], coords[i + 3]));
        }
        if (hasLabel() && px >= labelX && px <= labelX + labelWidth && py >= labelY && py <= labelY + labelHeight) {
            return 0;
        }
        return best;
    }

    private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
