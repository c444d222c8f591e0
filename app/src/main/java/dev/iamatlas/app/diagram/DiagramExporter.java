package dev.iamatlas.app.diagram;

import dev.iamatlas.model.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a laid-out diagram as SVG (vector, text kept as text) or PNG (at a scale factor), whole or one rectangle
 * of it, with the legend underneath. Files are written atomically. Headless: used by the desktop app's export
 * and by {@code iam-atlas export}.
 */
public final class DiagramExporter {
    /** Space around the diagram, in pixels at scale 1. */
    public static final double MARGIN = 24;
    /** Largest PNG, in pixels, before a smaller scale or SVG is asked for. */
    static final long MAX_PIXELS = 150_000_000L;

    /** The file formats. */
    public enum Format {
        SVG, PNG;

        /** The format for a file name's extension, or null when it has none of ours. */
        public static Format forFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".svg")) {
                return SVG;
            }
            if (lower.endsWith(".png")) {
                return PNG;
            }
            return null;
        }
    }

    /**
     * Which part of the diagram to export, in diagram coordinates.
     *
     * @param x left
     * @param y top
     * @param width width
     * @param height height
     */
    public record Region(double x, double y, double width, double height) {
        public Region {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("region must have a positive size: " + width + " x " + height);
            }
        }

        /** The whole diagram with a margin. */
        public static Region whole(LaidOutDiagram d) {
            return new Region(d.minX() - MARGIN, d.minY() - MARGIN, Math.max(1, d.width()) + 2 * MARGIN,
                    Math.max(1, d.height()) + 2 * MARGIN);
        }
    }

    private final DiagramTheme theme;
    private final Emphasis emphasis;

    public DiagramExporter(DiagramTheme theme, Emphasis emphasis) {
        this.theme = Objects.requireNonNull(theme, "theme");
        this.emphasis = Objects.requireNonNull(emphasis, "emphasis");
    }

    /** An exporter in the light theme that emphasises nothing. */
    public static DiagramExporter plain() {
        return new DiagramExporter(DiagramTheme.LIGHT, Emphasis.NONE);
    }

    /** The size of the exported picture at scale 1: the region, widened to the legend, plus the legend row. */
    public double[] pageSize(Region region) {
        double[] legend = legendSize();
        double width = Math.ceil(Math.max(region.width(), legend[0] + 2 * MARGIN));
        double height = Math.ceil(region.height() + legend[1] + MARGIN);
        return new double[] {width, height};
    }

    /** The diagram as an SVG document. */
    public String toSvg(LaidOutDiagram d, Region region) {
        double[] page = pageSize(region);
        SVGGraphics2D g = new SVGGraphics2D(page[0], page[1]);
        draw(g, d, region, page);
        // No DOCTYPE: SVG 2 has none, and a DTD reference makes XML parsers go online.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    /**
     * The diagram as an image.
     *
     * @param scale pixels per diagram unit, such as 2 for a sharp image on a high-density screen
     * @throws IllegalArgumentException when the image would exceed {@value #MAX_PIXELS} pixels
     */
    public BufferedImage toImage(LaidOutDiagram d, Region region, double scale) {
        if (!(scale > 0) || scale > 8) {
            throw new IllegalArgumentException("scale must be above 0 and at most 8: " + scale);
        }
        double[] page = pageSize(region);
        int width = (int) Math.ceil(page[0] * scale);
        int height = (int) Math.ceil(page[1] * scale);
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("a PNG of " + width + " x " + height + " pixels is too large; use a"
                    + " smaller scale, a smaller part of the diagram, or SVG");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            draw(g, d, region, page);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the diagram to {@code file} atomically (readable by others: diagrams are meant for sharing). */
    public void write(LaidOutDiagram d, Region region, Format format, double scale, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        switch (format) {
            case SVG -> {
                byte[] svg = toSvg(d, region).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, AtomicFiles.Access.DEFAULT, out -> out.write(svg));
            }
            case PNG -> {
                BufferedImage image;
                try {
                    image = toImage(d, region, scale);
                } catch (IllegalArgumentException tooLarge) {
                    throw new IOException(file + ": " + tooLarge.getMessage(), tooLarge);
                }
                AtomicFiles.write(file, AtomicFiles.Access.DEFAULT, (OutputStream out) -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
            }
        }
    }

    private void draw(Graphics2D g, LaidOutDiagram d, Region region, double[] page) {
        Graphics2DSurface surface = new Graphics2DSurface(g);
        DiagramPainter painter = new DiagramPainter(theme);
        Viewport view = new Viewport(1, -region.x(), -region.y(), page[0], page[1]);
        // The viewport covers the page; the region decides what lies in it.
        painter.paint(surface, d, view, emphasis);
        surface.setTransform(1, 0, 0);
        painter.paintLegend(surface, MARGIN, region.height());
    }

    private double[] legendSize() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return new DiagramPainter(theme).legendSize(new Graphics2DSurface(g));
        } finally {
            g.dispose();
        }
    }
}
