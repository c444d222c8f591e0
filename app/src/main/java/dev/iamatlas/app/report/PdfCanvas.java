package dev.iamatlas.app.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A flowing text layout on A4 pages with PDFBox: lines are wrapped by measured width, a new page starts when the
 * next block does not fit, and page numbers are added at the end. Text is drawn with the standard 14 fonts
 * (WinAnsi): characters they cannot encode are replaced ({@code →} by {@code ->}, others by {@code ?}), so any
 * account text can be written. Not thread-safe; one canvas per document.
 */
final class PdfCanvas implements AutoCloseable {
    static {
        BundledFontMapper.install(); // before the fonts below are created
    }

    static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDFont MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);
    static final Color TEXT = new Color(0x1f, 0x29, 0x33);
    static final Color MUTED = new Color(0x52, 0x60, 0x6d);

    private static final float MARGIN = 50;
    private static final Map<Integer, String> REPLACEMENTS = Map.of(
            0x2192, "->", 0x2190, "<-", 0x2194, "<->", 0x2713, "v", 0x2717, "x", 0x2026, "...", 0x00A0, " ");

    private final PDDocument document;
    private final PDRectangle size = PDRectangle.A4;
    private final Map<Integer, Boolean> encodable = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(PDDocument document) {
        this.document = document;
    }

    /** The width text may use. */
    float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** Starts a new page. */
    void newPage() throws IOException {
        closeStream();
        PDPage page = new PDPage(size);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = size.getHeight() - MARGIN;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (stream == null || y - height < MARGIN + 20) {
            newPage();
        }
    }

    /** Vertical space. */
    void space(float points) throws IOException {
        if (stream == null) {
            newPage();
        }
        y -= points;
    }

    /**
     * Writes {@code text} wrapped to the width, each line {@code size * 1.3} high, starting {@code indent} points from
     * the margin; line breaks in the text start new lines.
     */
    void paragraph(String text, PDFont font, float size, Color colour, float indent) throws IOException {
        for (String line : wrap(safe(text, font), font, size, width() - indent)) {
            ensure(size * 1.3f);
            y -= size * 1.3f;
            draw(line, font, size, colour, MARGIN + indent, y);
        }
    }

    /**
     * A line of differently styled runs (such as a status and a link); the last run wraps, its continuation lines
     * aligned under its start.
     */
    void runs(List<Run> runs, float size) throws IOException {
        ensure(size * 1.5f);
        y -= size * 1.4f;
        float x = MARGIN;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            String text = safe(r.text(), r.font());
            boolean last = i == runs.size() - 1;
            if (last) {
                List<String> lines = wrap(text, r.font(), size, Math.max(60, MARGIN + width() - x));
                for (int l = 0; l < lines.size(); l++) {
                    if (l > 0) {
                        ensure(size * 1.4f);
                        y -= size * 1.4f;
                    }
                    box(r, lines.get(l), x, size);
                    draw(lines.get(l), r.font(), size, r.colour(), x, y);
                }
                return;
            }
            box(r, text, x, size);
            draw(text, r.font(), size, r.colour(), x, y);
            x += r.font().getStringWidth(text) / 1000 * size + 6;
        }
    }

    private void box(Run r, String text, float x, float size) throws IOException {
        if (r.background() != null) {
            float w = r.font().getStringWidth(text) / 1000 * size;
            stream.setNonStrokingColor(r.background());
            stream.addRect(x - 2, y - size * 0.25f, w + 4, size * 1.15f);
            stream.fill();
        }
    }

    /** A horizontal rule across the text width. */
    void rule() throws IOException {
        ensure(8);
        y -= 4;
        stream.setStrokingColor(new Color(0xd9, 0xe2, 0xec));
        stream.setLineWidth(0.6f);
        stream.moveTo(MARGIN, y);
        stream.lineTo(MARGIN + width(), y);
        stream.stroke();
        y -= 4;
    }

    /** Draws an image (already added to the document) on a page of its own, scaled to fit, with a caption. */
    void imagePage(org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image, String caption) throws IOException {
        closeStream();
        boolean landscape = image.getWidth() > image.getHeight();
        PDRectangle pageSize = landscape ? new PDRectangle(size.getHeight(), size.getWidth()) : size;
        PDPage page = new PDPage(pageSize);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        float top = pageSize.getHeight() - MARGIN;
        draw(safe(caption, BOLD), BOLD, 13, TEXT, MARGIN, top - 13);
        float availableW = pageSize.getWidth() - 2 * MARGIN;
        float availableH = pageSize.getHeight() - 2 * MARGIN - 30;
        float scale = Math.min(availableW / image.getWidth(), availableH / image.getHeight());
        scale = Math.min(scale, 1f);
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        stream.drawImage(image, MARGIN, top - 30 - h, w, h);
        y = MARGIN; // the next block starts a new page
    }

    /** Adds "footer · page i of n" at the bottom of every page. */
    void footers(String footer) throws IOException {
        closeStream();
        int n = document.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = safe(footer + "  -  page " + (i + 1) + " of " + n, REGULAR);
                s.beginText();
                s.setFont(REGULAR, 8);
                s.setNonStrokingColor(MUTED);
                s.newLineAtOffset(MARGIN, 25);
                s.showText(text);
                s.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void draw(String text, PDFont font, float size, Color colour, float x, float atY) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(colour);
        stream.newLineAtOffset(x, atY);
        stream.showText(text);
        stream.endText();
    }

    /** Lines of at most {@code width} points: at spaces where possible, else inside long words (ARNs). */
    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (measure(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (measure(rest, font, size) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && measure(rest.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    out.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            out.add(line.toString());
        }
        return out;
    }

    private static float measure(String s, PDFont font, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** {@code text} with every character the font cannot encode replaced, tabs as spaces, controls removed. */
    String safe(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r') {
                b.appendCodePoint(cp);
            } else if (cp == '\t') {
                b.append("    ");
            } else if (cp < 0x20) {
                return;
            } else if (REPLACEMENTS.containsKey(cp)) {
                b.append(REPLACEMENTS.get(cp));
            } else if (encodable.computeIfAbsent(cp, c -> canEncode(font, c))) {
                b.appendCodePoint(cp);
            } else {
                b.append('?');
            }
        });
        return b.toString();
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false; // not in WinAnsi: the caller substitutes '?'
        }
    }

    /** One styled piece of a line. */
    record Run(String text, PDFont font, Color colour, Color background) {
    }
}
