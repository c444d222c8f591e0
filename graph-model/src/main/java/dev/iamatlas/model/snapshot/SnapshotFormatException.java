package dev.iamatlas.model.snapshot;

import java.io.IOException;

/**
 * A snapshot file that cannot be read: not JSON, not a snapshot, of the wrong shape, or of a newer format. The
 * message is one line that names the file and the problem.
 */
public class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
