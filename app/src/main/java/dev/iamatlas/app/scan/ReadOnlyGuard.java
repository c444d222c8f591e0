package dev.iamatlas.app.scan;

import java.util.Set;

/**
 * Decides which operations the scanner may call: only those that read. Checked by {@link ScanInterceptor} on every
 * SDK call and by the Organizations client, before anything is sent.
 */
final class ReadOnlyGuard {
    /** Operations that read nothing of the account and change nothing, needed to obtain credentials. */
    private static final Set<String> CREDENTIAL_OPERATIONS = Set.of("sts:AssumeRole");

    private ReadOnlyGuard() {
    }

    /**
     * @param service the scanner's service id, such as {@code lambda}
     * @param operation the API operation name, such as {@code GetPolicy}
     * @return true when the operation only reads
     */
    static boolean allows(String service, String operation) {
        if (operation == null) {
            return false;
        }
        return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
                || CREDENTIAL_OPERATIONS.contains(service + ":" + operation);
    }

    static void check(String service, String operation) {
        if (!allows(service, operation)) {
            throw new ReadOnlyViolationException(service, operation);
        }
    }
}
