package dev.iamatlas.app.diagram;

/**
 * Measures text with the real font metrics of whatever will draw it, so that the layout makes boxes and label
 * slots exactly as wide as the text.
 */
public interface TextMeasurer {
    /** The advance width of {@code text} in the given role's font, in pixels at zoom 1. */
    double width(String text, FontRole role);
}
