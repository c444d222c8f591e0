package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * Something the scan could not read, and why. A snapshot with gaps is still useful: the graph marks what it
 * could not decide instead of pretending the data is complete.
 *
 * @param service the AWS service, such as {@code lambda} or {@code organizations}
 * @param region the region, or {@code global} for IAM and Organizations
 * @param operation the API operation that failed, such as {@code GetPolicy}
 * @param resource the resource it was reading (an ARN or id), or null for a whole service
 * @param errorCode the AWS error code (such as {@code AccessDeniedException}) or a short cause
 * @param message a readable explanation
 */
public record ScanGap(
        String service,
        String region,
        String operation,
        String resource,
        String errorCode,
        String message) {

    /** Error code of a gap about a role's trust policy alone (it could not be parsed). */
    public static final String INVALID_TRUST_POLICY = "InvalidTrustPolicy";
    /** Error code of a gap about a role's trust policy alone (the dump or scan did not have it). */
    public static final String MISSING_TRUST_POLICY = "MissingTrustPolicy";

    public ScanGap {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
    }

    /**
     * Whether the gap concerns only a role's trust policy: it leaves who may assume the role uncertain, not what
     * the role may do.
     */
    public boolean concernsOnlyTrustPolicy() {
        return INVALID_TRUST_POLICY.equals(errorCode) || MISSING_TRUST_POLICY.equals(errorCode);
    }

    /** One line for logs and warnings panels, such as {@code lambda us-east-1 GetPolicy f: AccessDenied (...)}. */
    public String describe() {
        StringBuilder line = new StringBuilder(service);
        if (region != null) {
            line.append(' ').append(region);
        }
        line.append(' ').append(operation);
        if (resource != null) {
            line.append(' ').append(resource);
        }
        if (errorCode != null) {
            line.append(": ").append(errorCode);
        }
        if (message != null && !message.isBlank()) {
            line.append(" (").append(message).append(')');
        }
        return line.toString();
    }
}
