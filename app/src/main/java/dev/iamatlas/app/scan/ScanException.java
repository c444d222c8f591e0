package dev.iamatlas.app.scan;

/**
 * A scan could not start or could not identify the account: no or invalid credentials, a profile that does not
 * exist, an MFA code that was not given. Its message is one line a user can act on and never contains a secret.
 * Everything that goes wrong after the account is identified is a {@link dev.iamatlas.model.snapshot.ScanGap}
 * instead.
 */
public class ScanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
