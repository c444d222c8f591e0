/**
 * What the desktop app and the headless exports show about one account, independent of any UI toolkit and of
 * where it comes from: the {@link dev.iamatlas.app.explore.Exploration} (snapshot, diagram, inspections,
 * findings) and the {@link dev.iamatlas.app.explore.InspectionSource} contract the inspector reads. Today one
 * adapter, {@link dev.iamatlas.app.explore.SnapshotExploration}, derives it from the snapshot's configuration;
 * the access graph replaces that adapter.
 */
package dev.iamatlas.app.explore;
