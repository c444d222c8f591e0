/**
 * What-if editing and incremental re-analysis: snapshot edits as commands with undo
 * ({@link dev.iamatlas.model.edit.AddLambdaPermission}, {@link dev.iamatlas.model.edit.SetRoleTrustPolicy}, ...),
 * the {@link dev.iamatlas.model.edit.AnalysisSession} that keeps graph and findings up to date after each edit, and
 * {@link dev.iamatlas.model.edit.SnapshotDiff}: what reach was gained or lost between two snapshots.
 */
package dev.iamatlas.model.edit;
