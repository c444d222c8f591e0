/**
 * Report and graph files for both front ends: {@link dev.iamatlas.app.report.ReportExporter} writes an analysis
 * report in any format (the text formats through graph-model's writers, PDF through
 * {@link dev.iamatlas.app.report.PdfReportWriter}) with the diagram {@link dev.iamatlas.app.report.ReportAttachments}
 * draws for it; {@link dev.iamatlas.app.report.GraphExport} writes the whole graph or a view of it as DOT, GraphML,
 * JSON, SVG or PNG. The CLI's {@code analyze} and {@code export} and the desktop app's export actions call these same
 * classes. Depends on {@code explore} for views and pictures, never the other way; no JavaFX here.
 */
package dev.iamatlas.app.report;
