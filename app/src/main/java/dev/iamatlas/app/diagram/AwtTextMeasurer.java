package dev.iamatlas.app.diagram;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Measures text with java.awt font metrics (antialiased, fractional), as {@link Graphics2DSurface} draws it.
 * Works headless. Thread-safe; widths are cached per role and text.
 */
public final class AwtTextMeasurer implements TextMeasurer {
    /** Preferred font families, first available wins; the logical "SansSerif" always exists. */
    private static final String[] FAMILIES = {"DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "SansSerif"};
    private static final String FAMILY = pickFamily();
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final AwtTextMeasurer INSTANCE = new AwtTextMeasurer();

    private final Map<FontRole, Font> fonts = new EnumMap<>(FontRole.class);
    private final Map<FontRole, Map<String, Double>> cache = new EnumMap<>(FontRole.class);

    private AwtTextMeasurer() {
        for (FontRole role : FontRole.values()) {
            fonts.put(role, font(role));
            cache.put(role, new ConcurrentHashMap<>());
        }
    }

    public static AwtTextMeasurer instance() {
        return INSTANCE;
    }

    /** The font family used for diagrams drawn with java.awt. */
    public static String family() {
        return FAMILY;
    }

    /** The java.awt font of a role. */
    public static Font font(FontRole role) {
        return new Font(FAMILY, role.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) role.size());
    }

    @Override
    public double width(String text, FontRole role) {
        Map<String, Double> widths = cache.get(role);
        Double cached = widths.get(text);
        if (cached != null) {
            return cached;
        }
        double width = fonts.get(role).getStringBounds(text, FRC).getWidth();
        if (widths.size() < 50_000) {
            widths.put(text, width);
        }
        return width;
    }

    private static String pickFamily() {
        try {
            Set<String> available = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames()).collect(Collectors.toSet());
            for (String family : FAMILIES) {
                if (available.contains(family)) {
                    return family;
                }
            }
        } catch (RuntimeException | Error noFonts) {
            // No font configuration at all: the logical font still measures.
        }
        return "SansSerif";
    }
}
