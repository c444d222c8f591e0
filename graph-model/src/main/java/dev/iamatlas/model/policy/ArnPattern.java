package dev.iamatlas.model.policy;

/**
 * Matches ARNs segment by segment, the way IAM matches {@code Resource} elements and the
 * {@code Arn*} condition operators: an ARN is {@code arn:partition:service:region:account:resource};
 * a wildcard in one of the first five segments stays inside that segment (it does not cross
 * {@code :}); the resource segment is everything after the fifth colon and may itself contain
 * {@code :} and {@code /}, which wildcards there do cross.
 *
 * <p>A pattern with fewer than five colons has fewer segments: its last segment matches the rest of
 * the text, colons included ({@code *} matches everything, {@code arn:*} every ARN), while
 * {@code arn:aws:sns:*:topic} does not match {@code arn:aws:sns:us-east-1:111122223333:topic}
 * (the {@code *} cannot take {@code us-east-1:111122223333}).
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON policy elements: Resource</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN">Condition operators: ARN</a>
 */
public final class ArnPattern {
    private final WildcardPattern whole;
    private final int[] codes;
    /** Start index in codes of each segment; the last segment runs to the end. */
    private final int[] starts;

    private ArnPattern(WildcardPattern whole) {
        this.whole = whole;
        this.codes = whole.codesShared();
        int[] b = new int[6];
        int segments = 1;
        for (int i = 0; i < codes.length && segments < 6; i++) {
            if (codes[i] == ':') {
                b[segments++] = i + 1;
            }
        }
        this.starts = java.util.Arrays.copyOf(b, segments);
    }

    /** An ARN pattern from a compiled glob. */
    public static ArnPattern of(WildcardPattern pattern) {
        return new ArnPattern(pattern);
    }

    /** Compiles {@code pattern} with {@code *} and {@code ?} as wildcards. */
    public static ArnPattern compile(String pattern) {
        return new ArnPattern(WildcardPattern.compile(pattern, true));
    }

    /**
     * Whether {@code text} matches. The text is split at its first colons into as many segments as
     * the pattern has (at most six); each pattern segment but the last must match its text segment
     * without crossing a colon, and the last matches the rest of the text.
     */
    public boolean matches(String text) {
        int n = starts.length;
        if (n == 1) {
            return whole.matches(text);
        }
        int from = 0;
        for (int seg = 0; seg < n - 1; seg++) {
            int colon = text.indexOf(':', from);
            if (colon < 0) {
                return false;
            }
            if (!WildcardPattern.general(codes, starts[seg], starts[seg + 1] - 1, text, from, colon)) {
                return false;
            }
            from = colon + 1;
        }
        return WildcardPattern.general(codes, starts[n - 1], codes.length, text, from, text.length());
    }

    /** The underlying glob. */
    public WildcardPattern pattern() {
        return whole;
    }

    @Override
    public String toString() {
        return whole.toString();
    }
}
