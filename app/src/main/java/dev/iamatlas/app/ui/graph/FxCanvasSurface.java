package dev.iamatlas.app.ui.graph;

import dev.iamatlas.app.diagram.AwtTextMeasurer;
import dev.iamatlas.app.diagram.FontRole;
import dev.iamatlas.app.diagram.Surface;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * A {@link Surface} on a JavaFX canvas. Fonts use the same family as the layout's measurements ({@link
 * AwtTextMeasurer#family()}), so boxes fit their text on screen as in exports; text widths are measured once per
 * string and cached.
 */
final class FxCanvasSurface implements Surface {
    private final GraphicsContext g;
    private final Map<FontRole, Font> fonts = new EnumMap<>(FontRole.class);
    private final Map<FontRole, Map<String, Double>> widths = new EnumMap<>(FontRole.class);
    private final Map<Integer, Color> colours = new HashMap<>();
    private final Text measure = new Text();
    private FontRole currentFont;

    FxCanvasSurface(GraphicsContext g) {
        this.g = g;
        for (FontRole role : FontRole.values()) {
            fonts.put(role, Font.font(AwtTextMeasurer.family(), role.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                    role.size()));
            widths.put(role, new HashMap<>());
        }
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.ROUND);
    }

    @Override
    public void setTransform(double scale, double tx, double ty) {
        g.setTransform(scale, 0, 0, scale, tx, ty);
    }

    @Override
    public void setAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public void setFill(int argb) {
        g.setFill(colour(argb));
    }

    @Override
    public void setStroke(int argb, double width, double[] dash) {
        g.setStroke(colour(argb));
        g.setLineWidth(width);
        g.setLineDashes(dash);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        g.fillRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        g.strokeRoundRect(x, y, w, h, arc, arc);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int n) {
        g.strokePolygon(xs, ys, n);
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int n) {
        g.strokePolyline(xs, ys, n);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillText(String text, double x, double baselineY, FontRole role) {
        if (currentFont != role) {
            g.setFont(fonts.get(role));
            currentFont = role;
        }
        g.fillText(text, x, baselineY);
    }

    @Override
    public double textWidth(String text, FontRole role) {
        Map<String, Double> cache = widths.get(role);
        Double cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        measure.setFont(fonts.get(role));
        measure.setText(text);
        double width = measure.getLayoutBounds().getWidth();
        if (cache.size() > 50_000) {
            cache.clear();
        }
        cache.put(text, width);
        return width;
    }

    /** Forgets the font set on the context (after something else drew on it). */
    void reset() {
        currentFont = null;
    }

    private Color colour(int argb) {
        return colours.computeIfAbsent(argb, c -> Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff,
                ((c >>> 24) & 0xff) / 255.0));
    }
}
