/**
 * File output shared by snapshots, reports and diagrams: written to a temporary name and moved into place, so a
 * crash or a full disk never leaves a half-written file where a good one was.
 */
package dev.iamatlas.model.io;
