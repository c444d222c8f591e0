package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;

/**
 * Scans a live AWS account into an {@link AccountSnapshot}: IAM once per account, Organizations' SCPs and RCPs
 * where readable, and Lambda and API Gateway (REST, HTTP and WebSocket APIs) in every region asked for. Both the
 * CLI ({@code iam-atlas scan}) and the desktop app call it.
 *
 * <p>Only read operations are called (Get, List, Describe; enforced in code). What cannot be read (access denied,
 * a region that is not enabled, a failure that persists after retries, a timeout) becomes a
 * {@link dev.iamatlas.model.snapshot.ScanGap} in the snapshot, and the scan carries on.
 */
public interface AwsScanner {

    /** The scanner that talks to AWS through the AWS SDK for Java v2. */
    static AwsScanner create() {
        return new SdkAwsScanner();
    }

    /**
     * Scans the account. Blocks until done or cancelled; run it off the UI thread.
     *
     * @param request what to scan and with which identity
     * @param listener hears progress and gaps, from the scanner's threads
     * @param cancellation stops the scan early; the snapshot then holds what was gathered and is marked incomplete
     * @return the snapshot, never null
     * @throws ScanException when the scan cannot start: no or invalid credentials, an unknown profile, a missing
     *     MFA code, so that the account cannot be identified
     */
    AccountSnapshot scan(ScanRequest request, ScanListener listener, CancellationToken cancellation);
}
