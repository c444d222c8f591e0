/**
 * The graph canvas: a JavaFX {@code Canvas} that draws the laid-out diagram with the shared {@link
 * dev.iamatlas.app.diagram.DiagramPainter}, with pan, zoom, selection, dragging, folding, focus and path
 * highlighting; and its view model, which owns the diagram state and runs layouts in the background.
 */
package dev.iamatlas.app.ui.graph;
