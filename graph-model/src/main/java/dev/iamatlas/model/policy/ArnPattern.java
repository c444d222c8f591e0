package dev.iamatlas.model.policy;

/**
 * Matches ARNs segment by segment, the way IAM matches {@code Resource} elements and the
 * {@code Arn*} condition operators: an ARN is {@code arn:partition:service:region:account:resource};
 * a wildcard in one of the first five segments stays inside that segment (it does not cross
 * {@code :}); the resource segment is everything after the fifth colon and may itself contain
 * {@code :} and {@code /}, which wildcards there do cross.
 *
 * <p>A pattern with fewer than five colons (not ARN-shaped, e.g. {@code *}) is matched against the
 * whole text as one glob.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON policy elements: Resource</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN">Condition operators: ARN</a>
 */
public final class ArnPattern {
    private final WildcardPattern whole;
    private final int[] codes;
    /** Start index in codes of each of the 6 segments, plus codes.length; null if not ARN-shaped. */
    private final int[] bounds;

    private ArnPattern(WildcardPattern whole) {
        this.whole = whole;
        this.codes = whole.codesShared();
        int[] b = new int[7];
        int seg = 1;
        for (int i = 0; i < codes.length && seg < 6; i++) {
            if (codes[i] == ':') {
                b[seg++] = i + 1;
            }
        }
        if (seg == 6 && !whole.matchesEverything()) {
            b[6] = codes.length + 1;
            bounds = b;
        } else {
            bounds = null;
        }
    }

    /** An ARN pattern from a compiled glob. */
    public static ArnPattern of(WildcardPattern pattern) {
        return new ArnPattern(pattern);
    }

    /** Compiles {@code pattern} with {@code *} and {@code ?} as wildcards. */
    public static ArnPattern compile(String pattern) {
        return new ArnPattern(WildcardPattern.compile(pattern, true));
    }

    /** Whether {@code text} matches. */
    public boolean matches(String text) {
        if (bounds == null) {
            return whole.matches(text);
        }
        int from = 0;
        for (int seg = 0; seg < 5; seg++) {
            int colon = text.indexOf(':', from);
            if (colon < 0) {
                return false;
            }
            if (!WildcardPattern.general(codes, bounds[seg], bounds[seg + 1] - 1, text, from, colon)) {
                return false;
            }
            from = colon + 1;
        }
        return WildcardPattern.general(codes, bounds[5], codes.length, text, from, text.length());
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
