package dev.iamatlas.model.importer;

import java.io.IOException;

/**
 * A file that is not {@code aws iam get-account-authorization-details} output at all: not JSON, not an object, a
 * snapshot file, or a document with none of the GAAD lists. The message is one line that names the file and the
 * problem.
 */
public class GaadFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public GaadFormatException(String message) {
        super(message);
    }

    public GaadFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
