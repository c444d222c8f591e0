package dev.iamatlas.app.scan;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** How the scanner reads an error: its AWS code, and whether it means denied, absent, unsupported or transient. */
final class AwsErrors {
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "TooManyRequestsException", "RequestThrottled", "RequestThrottledException", "RequestLimitExceeded",
            "SlowDown", "ProvisionedThroughputExceededException", "TransactionInProgressException",
            "BandwidthLimitExceeded", "PriorRequestNotComplete", "EC2ThrottledException");
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException",
            "InternalFailure", "InternalError", "InternalServerError", "InternalServerException", "ServiceUnavailable",
            "ServiceUnavailableException", "ServiceFailure", "ServiceException", "IDPCommunicationError",
            "EC2UnexpectedException", "ResourceConflictException");
    private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "NotFoundException",
            "NoSuchEntity", "NoSuchEntityException", "PolicyNotFoundException", "TargetNotFoundException",
            "ParentNotFoundException", "ChildNotFoundException", "OrganizationalUnitNotFoundException",
            "AccountNotFoundException");
    private static final Set<String> UNSUPPORTED = Set.of("UnknownOperationException", "InvalidAction",
            "NotImplemented", "NotImplementedException", "UnsupportedOperation", "UnsupportedOperationException");
    private static final Set<String> REGION_OFF = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "AuthFailure", "OptInRequired", "InvalidSignatureException", "SignatureDoesNotMatch");

    private AwsErrors() {
    }

    /** The AWS error code, or a short name for errors that never reached AWS (such as {@code Timeout}). */
    static String code(Throwable error) {
        if (error instanceof OrganizationsJsonClient.OrganizationsApiException orgs) {
            return orgs.errorCode();
        }
        if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null && !aws.awsErrorDetails().errorCode().isBlank()) {
            return aws.awsErrorDetails().errorCode();
        }
        if (error instanceof SdkServiceException service) {
            return "HTTP" + service.statusCode();
        }
        if (error instanceof ApiCallAttemptTimeoutException || error instanceof ApiCallTimeoutException) {
            return "Timeout";
        }
        if (error instanceof ReadOnlyViolationException) {
            return "ReadOnlyGuard";
        }
        Throwable io = ioCause(error);
        if (io != null) {
            return io.getClass().getSimpleName();
        }
        return error.getClass().getSimpleName();
    }

    /** The HTTP status, or 0 when no answer came. */
    static int status(Throwable error) {
        if (error instanceof OrganizationsJsonClient.OrganizationsApiException orgs) {
            return orgs.statusCode();
        }
        if (error instanceof SdkServiceException service) {
            return service.statusCode();
        }
        return 0;
    }

    /** A readable message on one line, without request ids. Never holds credentials: AWS does not echo them. */
    static String message(Throwable error) {
        String text = null;
        if (error instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            text = aws.awsErrorDetails().errorMessage();
        }
        if (text == null || text.isBlank()) {
            text = error.getMessage();
        }
        if ((text == null || text.isBlank()) && error.getCause() != null) {
            text = error.getCause().getMessage();
        }
        if (text == null) {
            return null;
        }
        String line = text.lines().findFirst().orElse("").strip();
        int requestId = line.indexOf(" (Service: ");
        if (requestId > 0) {
            line = line.substring(0, requestId);
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    static boolean isAccessDenied(Throwable error) {
        String code = code(error).toLowerCase(Locale.ROOT);
        return code.contains("accessdenied") || code.contains("unauthorized") || code.equals("forbidden")
                || (status(error) == 403 && !isRegionNotEnabled(error));
    }

    static boolean isNotFound(Throwable error) {
        return NOT_FOUND.contains(code(error));
    }

    /**
     * True when the endpoint does not implement the operation (an AWS-compatible server that lacks it): a 404 that
     * is not an AWS "resource not found", a 501, or an unknown-operation code.
     */
    static boolean isUnsupportedOperation(Throwable error) {
        int status = status(error);
        String code = code(error);
        return UNSUPPORTED.contains(code) || status == 501 || (status == 404 && !NOT_FOUND.contains(code));
    }

    /** True for the answers an opt-in region gives to an account that has not enabled it. */
    static boolean isRegionNotEnabled(Throwable error) {
        return REGION_OFF.contains(code(error));
    }

    static boolean isThrottling(Throwable error) {
        if (error instanceof SdkServiceException service && service.isThrottlingException()) {
            return true;
        }
        return THROTTLING.contains(code(error)) || status(error) == 429;
    }

    static boolean isThrottlingCode(String code) {
        return code != null && THROTTLING.contains(code);
    }

    /** True when trying again may succeed: throttling, 5xx, timeouts and network errors. Never for cancellation. */
    static boolean isTransient(Throwable error) {
        if (error instanceof AbortedException || error instanceof ReadOnlyViolationException
                || Thread.currentThread().isInterrupted()) {
            return false;
        }
        int status = status(error);
        return isThrottling(error) || status >= 500 || TRANSIENT.contains(code(error))
                || error instanceof ApiCallAttemptTimeoutException || ioCause(error) != null;
    }

    private static Throwable ioCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
