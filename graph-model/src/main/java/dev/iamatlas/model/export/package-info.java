/**
 * The access graph in interchange formats, through jgrapht-io: DOT (Graphviz), GraphML (yEd, Gephi, Cytoscape)
 * and JSON. Every node carries its kind, label, ARN and attributes, every edge its type, status and label, so
 * the files open with labels and can be filtered by status. {@link dev.iamatlas.model.export.GraphExporters} is the
 * one entry point the CLI's {@code export} and the desktop app share; pictures (SVG, PNG) are drawn by the app's
 * diagram code instead.
 */
package dev.iamatlas.model.export;
