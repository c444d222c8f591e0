package dev.iamatlas.app.diagram;

/**
 * Which part of a diagram is shown, and how big: diagram point (x, y) is drawn at (x · scale + translateX,
 * y · scale + translateY) on a surface of width × height pixels.
 */
public record Viewport(double scale, double translateX, double translateY, double width, double height) {
    public Viewport {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
    }

    /** The visible part in diagram coordinates: x, y, width, height. */
    public double[] visibleRect() {
        return new double[] {-translateX / scale, -translateY / scale, width / scale, height / scale};
    }

    /** The viewport that shows the whole diagram centred, with a margin, never zoomed in beyond {@code maxScale}. */
    public static Viewport fit(LaidOutDiagram d, double width, double height, double margin, double maxScale) {
        double w = Math.max(1, d.width());
        double h = Math.max(1, d.height());
        double scale = Math.min(maxScale, Math.min((width - 2 * margin) / w, (height - 2 * margin) / h));
        scale = Math.max(scale, 0.02);
        double tx = (width - w * scale) / 2 - d.minX() * scale;
        double ty = (height - h * scale) / 2 - d.minY() * scale;
        return new Viewport(scale, tx, ty, width, height);
    }
}
