/**
 * The diagram engine, independent of any UI toolkit: an immutable {@link dev.iamatlas.app.diagram.Diagram}
 * (nodes, edges, collapsible groups), a layered left-to-right layout by ELK ({@link
 * dev.iamatlas.app.diagram.ElkDiagramLayout}), and one painter ({@link dev.iamatlas.app.diagram.DiagramPainter})
 * that draws on any {@link dev.iamatlas.app.diagram.Surface}: the desktop canvas, SVG and PNG exports.
 */
package dev.iamatlas.app.diagram;
