package dev.iamatlas.app.scan;

/**
 * Asks the user for a one-time MFA code, when a profile names an {@code mfa_serial}. The CLI asks on the console;
 * the desktop app shows a dialog.
 */
@FunctionalInterface
public interface MfaPrompt {
    /**
     * @param mfaSerial the MFA device ARN (or serial number) named by the profile
     * @return the six-digit code the user typed, or null when the user gave none (the scan then fails with a
     *     {@link ScanException})
     */
    String codeFor(String mfaSerial);
}
