/**
 * What the desktop app and the headless exports show about one account, independent of any UI toolkit: the
 * {@link dev.iamatlas.app.explore.Exploration} (snapshot, diagram, inspections, findings) built from the access
 * graph by {@link dev.iamatlas.app.explore.GraphExploration}, the {@link dev.iamatlas.app.explore.InspectionSource}
 * contract the inspector reads, the views of large accounts ({@link dev.iamatlas.app.explore.ViewSelection}) and
 * the headless picture service ({@link dev.iamatlas.app.explore.DiagramExport}) that exports and reports draw with.
 */
package dev.iamatlas.app.explore;
