package dev.iamatlas.app.scan;

import software.amazon.awssdk.core.exception.SdkClientException;

/** Thrown, before anything is sent, when code asks a scanner client for an operation that could change the account. */
final class ReadOnlyViolationException extends SdkClientException {
    private static final long serialVersionUID = 1L;

    ReadOnlyViolationException(String service, String operation) {
        super(SdkClientException.builder().message("the scanner is read-only and refuses " + service + ":" + operation
                + " (only Get, List and Describe operations are allowed)"));
    }
}
