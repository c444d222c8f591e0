package dev.iamatlas.app.diagram;

/**
 * Where {@link DiagramPainter} draws: a java.awt {@code Graphics2D} (SVG and PNG export) or a JavaFX canvas. Colours
 * are ARGB ints; coordinates are in the current transform's units.
 */
public interface Surface {

    /** Sets the transform so that diagram point (x, y) lands at (x · scale + tx, y · scale + ty). */
    void setTransform(double scale, double tx, double ty);

    /** Sets the global opacity (0..1) for what follows. */
    void setAlpha(double alpha);

    void setFill(int argb);

    /**
     * Sets the stroke for what follows.
     *
     * @param dash lengths of dashes and gaps, or null for a solid line
     */
    void setStroke(int argb, double width, double[] dash);

    void fillRect(double x, double y, double w, double h);

    void fillRoundRect(double x, double y, double w, double h, double arc);

    void strokeRoundRect(double x, double y, double w, double h, double arc);

    void fillPolygon(double[] xs, double[] ys, int n);

    void strokePolygon(double[] xs, double[] ys, int n);

    void strokePolyline(double[] xs, double[] ys, int n);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void strokeLine(double x1, double y1, double x2, double y2);

    /** Draws text with its baseline at y, in the fill colour. */
    void fillText(String text, double x, double baselineY, FontRole role);

    /** Measures text as {@link #fillText} draws it. */
    double textWidth(String text, FontRole role);
}
