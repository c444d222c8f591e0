package dev.iamatlas.app.diagram;

/** A point in diagram coordinates (pixels at zoom 1, y pointing down). */
public record Point(double x, double y) {
}
