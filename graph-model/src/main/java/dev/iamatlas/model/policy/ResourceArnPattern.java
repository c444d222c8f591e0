package dev.iamatlas.model.policy;

/**
 * Matches ARNs the way IAM matches the {@code Resource} and {@code NotResource} elements: the
 * pattern is read as colon-separated segments, and
 * <ul>
 *   <li>a {@code *} or {@code ?} stays inside its segment (it never takes a {@code :}), except</li>
 *   <li>a {@code *} that is the last character of its segment, which "can expand to match beyond
 *       the colon boundaries".</li>
 * </ul>
 * So {@code arn:aws:s3:::bucket/*} matches every object key, colons included;
 * {@code arn:aws:lambda:us-east-1:111122223333:function:f*} matches {@code function:f2} and the
 * qualified {@code function:f:prod}; {@code function:f*d} does not match {@code function:f:prod}
 * (that {@code *} is not at the end of its segment); and {@code arn:aws:someservice:*:111122223333:finance/*}
 * matches {@code arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt}
 * (the first {@code *} ends its segment and takes {@code us-east-2:999999999999:store/abc}).
 * Matching is case-sensitive.
 *
 * <p>This is not how the {@code Arn*} condition operators match: they compare the six components
 * of the ARN separately ({@link ArnPattern}).
 *
 * <p>Running time: O(text) for the usual patterns (exact text, a prefix followed by {@code *},
 * {@code *} alone); otherwise O(segments × text²) in the worst case, with ARNs of a few dozen
 * characters in practice.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards">IAM JSON policy elements: Resource, "Using wildcards in resource ARNs"</a>
 */
public final class ResourceArnPattern {
    private final WildcardPattern whole;
    private final int[] codes;
    /** Per segment: start index in codes, end of its head (before trailing stars), end index (exclusive). */
    private final int[] starts;
    private final int[] headEnds;
    private final int[] ends;
    /** Per segment: whether it ends with a {@code *} that may cross colons. */
    private final boolean[] crossing;
    private final boolean simple;
    /** Whether a failed (segment, position) memo is worth keeping: two or more crossing segments before the last. */
    private final boolean memoize;

    private ResourceArnPattern(WildcardPattern whole) {
        this.whole = whole;
        this.codes = whole.codesShared();
        int segments = 1;
        for (int c : codes) {
            if (c == ':') {
                segments++;
            }
        }
        starts = new int[segments];
        headEnds = new int[segments];
        ends = new int[segments];
        crossing = new boolean[segments];
        int seg = 0;
        int start = 0;
        for (int i = 0; i <= codes.length; i++) {
            if (i == codes.length || codes[i] == ':') {
                int head = i;
                while (head > start && codes[head - 1] == WildcardPattern.STAR) {
                    head--;
                }
                starts[seg] = start;
                headEnds[seg] = head;
                ends[seg] = i;
                crossing[seg] = head < i;
                seg++;
                start = i + 1;
            }
        }
        // Exact text, "prefix*" and "*" match the same with or without segments: the only wildcard,
        // if any, is a trailing * that ends the last segment and crosses colons.
        simple = whole.isSimple();
        int crossingBeforeLast = 0;
        for (int i = 0; i < segments - 1; i++) {
            if (crossing[i]) {
                crossingBeforeLast++;
            }
        }
        memoize = crossingBeforeLast >= 2;
    }

    /** A resource pattern from a compiled glob (after policy variables are substituted). */
    public static ResourceArnPattern of(WildcardPattern pattern) {
        return new ResourceArnPattern(pattern);
    }

    /** Compiles {@code pattern} with {@code *} and {@code ?} as wildcards. */
    public static ResourceArnPattern compile(String pattern) {
        return new ResourceArnPattern(WildcardPattern.compile(pattern, true));
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        if (simple) {
            return whole.matches(text);
        }
        return matchFrom(0, text, 0, memoize ? new boolean[starts.length * (text.length() + 1)] : null);
    }

    /**
     * Whether segments {@code seg..} of the pattern match {@code text[from..]}. A segment without a
     * crossing star matches exactly one colon-free run of the text; a crossing segment's head matches
     * a colon-free prefix and its trailing star takes everything up to one of the following colons
     * (or to the end, for the last segment).
     */
    private boolean matchFrom(int seg, String text, int from, boolean[] failed) {
        if (failed != null && failed[seg * (text.length() + 1) + from]) {
            return false;
        }
        boolean matched = matchSegment(seg, text, from, failed);
        if (!matched && failed != null) {
            failed[seg * (text.length() + 1) + from] = true;
        }
        return matched;
    }

    private boolean matchSegment(int seg, String text, int from, boolean[] failed) {
        boolean last = seg == starts.length - 1;
        int runEnd = text.indexOf(':', from);
        if (runEnd < 0) {
            runEnd = text.length();
        }
        if (!crossing[seg]) {
            if (last && runEnd != text.length()) {
                return false;
            }
            if (runEnd == text.length() && !last) {
                return false;
            }
            return WildcardPattern.general(codes, starts[seg], ends[seg], text, from, runEnd)
                    && (last || matchFrom(seg + 1, text, runEnd + 1, failed));
        }
        int headEnd = shortestHead(seg, text, from, runEnd);
        if (headEnd < 0) {
            return false;
        }
        if (last) {
            return true;
        }
        for (int colon = text.indexOf(':', headEnd); colon >= 0; colon = text.indexOf(':', colon + 1)) {
            if (matchFrom(seg + 1, text, colon + 1, failed)) {
                return true;
            }
        }
        return false;
    }

    /** The smallest end (≤ runEnd) at which the segment's head matches {@code text[from, end)}; -1 if none. */
    private int shortestHead(int seg, String text, int from, int runEnd) {
        int headStart = starts[seg];
        int headEnd = headEnds[seg];
        for (int end = from; end <= runEnd; end++) {
            if (WildcardPattern.general(codes, headStart, headEnd, text, from, end)) {
                return end;
            }
        }
        return -1;
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
