package dev.iamatlas.app.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Maps every font PDFBox asks for to the Liberation Sans it bundles. The report uses only the standard 14 fonts, whose
 * metrics PDFBox has built in; without this mapper, creating them makes PDFBox scan the system's fonts, write a cache
 * file ({@code ~/.pdfbox.cache}) into the user's home and log a warning on standard error for each font it finds no
 * match for. Installed once, for the whole program (the program renders no PDFs, so no other use is affected).
 */
final class BundledFontMapper implements FontMapper {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private volatile TrueTypeFont font;

    private BundledFontMapper() {
    }

    /** Installs the mapper, once. */
    static synchronized void install() {
        if (!(FontMappers.instance() instanceof BundledFontMapper)) {
            FontMappers.set(new BundledFontMapper());
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font(), false);
    }

    private TrueTypeFont font() {
        TrueTypeFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    try (InputStream in = FontMapper.class.getResourceAsStream(FONT)) {
                        if (in == null) {
                            throw new IllegalStateException("PDFBox's bundled font " + FONT + " is missing from this build");
                        }
                        font = new TTFParser().parse(new RandomAccessReadBuffer(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("PDFBox's bundled font could not be read", e);
                    }
                }
                f = font;
            }
        }
        return f;
    }
}
