package dev.iamatlas.app.diagram;

/** Simple edge routes for nodes the user moved, where the layered layout's routes no longer fit. */
final class Routes {
    private Routes() {
    }

    /**
     * An orthogonal route from the right side of the source to the left side of the target (three segments) when
     * the target lies to the right; otherwise a straight line between the nearest sides. The label sits above
     * the middle of the route.
     */
    static EdgeRoute direct(DiagramEdge edge, NodeBox source, NodeBox target, double labelWidth, double labelHeight) {
        double[] coords;
        double midX;
        double midY;
        if (target.x() >= source.maxX() + 20) {
            double sx = source.maxX();
            double sy = source.centerY();
            double tx = target.x();
            double ty = target.centerY();
            double mx = Math.round((sx + tx) / 2);
            coords = sy == ty ? new double[] {sx, sy, tx, ty} : new double[] {sx, sy, mx, sy, mx, ty, tx, ty};
            midX = mx;
            midY = (sy + ty) / 2;
        } else {
            double sx = source.centerX();
            double sy = source.centerY();
            double tx = target.centerX();
            double ty = target.centerY();
            double[] from = clip(source, tx, ty);
            double[] to = clip(target, sx, sy);
            coords = new double[] {from[0], from[1], to[0], to[1]};
            midX = (from[0] + to[0]) / 2;
            midY = (from[1] + to[1]) / 2;
        }
        return new EdgeRoute(edge, coords, midX - labelWidth / 2, midY - labelHeight - 2, labelWidth, labelHeight);
    }

    /** Where the line from the box's centre towards (px, py) leaves the box. */
    private static double[] clip(NodeBox box, double px, double py) {
        double cx = box.centerX();
        double cy = box.centerY();
        double dx = px - cx;
        double dy = py - cy;
        if (dx == 0 && dy == 0) {
            return new double[] {cx, cy};
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (box.width() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (box.height() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new double[] {cx + dx * s, cy + dy * s};
    }
}
