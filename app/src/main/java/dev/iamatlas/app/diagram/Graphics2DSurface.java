package dev.iamatlas.app.diagram;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.EnumMap;
import java.util.Map;

/** A {@link Surface} on a java.awt {@link Graphics2D}: a {@code BufferedImage} for PNG, JFreeSVG for SVG. */
public final class Graphics2DSurface implements Surface {
    private final Graphics2D g;
    private final AffineTransform base;
    private final Map<FontRole, Font> fonts = new EnumMap<>(FontRole.class);
    private Color fill = Color.BLACK;
    private Color stroke = Color.BLACK;
    private BasicStroke strokeStyle = new BasicStroke(1f);

    public Graphics2DSurface(Graphics2D g) {
        this.g = g;
        this.base = g.getTransform();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        for (FontRole role : FontRole.values()) {
            fonts.put(role, AwtTextMeasurer.font(role));
        }
    }

    @Override
    public void setTransform(double scale, double tx, double ty) {
        AffineTransform t = new AffineTransform(base);
        t.translate(tx, ty);
        t.scale(scale, scale);
        g.setTransform(t);
    }

    @Override
    public void setAlpha(double alpha) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0, Math.min(1, alpha))));
    }

    @Override
    public void setFill(int argb) {
        fill = new Color(argb, true);
    }

    @Override
    public void setStroke(int argb, double width, double[] dash) {
        stroke = new Color(argb, true);
        float[] pattern = null;
        if (dash != null) {
            pattern = new float[dash.length];
            for (int i = 0; i < dash.length; i++) {
                pattern[i] = (float) dash[i];
            }
        }
        strokeStyle = new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.setColor(fill);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        g.setColor(fill);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        applyStroke();
        g.draw(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.setColor(fill);
        g.fill(path(xs, ys, n, true));
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        applyStroke();
        g.draw(path(xs, ys, n, true));
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        applyStroke();
        g.draw(path(xs, ys, n, false));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        applyStroke();
        g.draw(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        applyStroke();
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillText(String text, double x, double baselineY, FontRole role) {
        g.setColor(fill);
        g.setFont(fonts.get(role));
        g.drawString(text, (float) x, (float) baselineY);
    }

    @Override
    public double textWidth(String text, FontRole role) {
        return AwtTextMeasurer.instance().width(text, role);
    }

    private void applyStroke() {
        g.setColor(stroke);
        g.setStroke(strokeStyle);
    }

    private static Path2D path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, n);
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        if (close) {
            path.closePath();
        }
        return path;
    }
}
