/**
 * The account snapshot: immutable records of exactly what AWS returned for IAM, Organizations, Lambda and
 * API Gateway, normalised (policy documents decoded), plus scan metadata and scan gaps. {@link
 * dev.iamatlas.model.snapshot.SnapshotJson} reads and writes the versioned file format described in
 * {@code docs/snapshot-format.md}.
 */
package dev.iamatlas.model.snapshot;
