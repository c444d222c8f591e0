package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.ScanGap;

/**
 * Hears how a scan is going. Called from the scanner's own threads (never the caller's UI thread): a desktop view
 * must hand the values over to its UI thread. Calls are serialised (never two at once) and cheap to ignore.
 */
public interface ScanListener {

    /** A listener that ignores everything. */
    ScanListener NONE = progress -> { };

    /**
     * The state of the scan, at most a few times a second and once more when it ends.
     *
     * @param progress counts per service and region, and the overall fraction
     */
    void progress(ScanProgress progress);

    /**
     * Something could not be read; the scan carries on. Called as it happens (the gap is also in the snapshot).
     *
     * @param gap what could not be read and why
     */
    default void gap(ScanGap gap) {
    }
}
