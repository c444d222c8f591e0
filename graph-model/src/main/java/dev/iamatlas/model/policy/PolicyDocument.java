package dev.iamatlas.model.policy;

import java.util.List;
import java.util.Objects;

/**
 * A parsed policy: immutable and pre-compiled, safe to share between threads and to evaluate any
 * number of times. Obtain one from {@link PolicyParser#parse(String)}.
 *
 * @param version    {@code 2012-10-17}, {@code 2008-10-17}, or null when the document has no Version
 * @param id         the {@code Id}, or null
 * @param statements the statements, in document order
 * @param sourceText the decoded JSON text the document was read from (after URL-decoding or
 *                   un-escaping), for display
 * @param statementArray whether {@code Statement} was written as an array (else a single object)
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html">IAM JSON policy elements: Version</a>
 */
public record PolicyDocument(String version, String id, List<Statement> statements, String sourceText, boolean statementArray) {

    /** The current policy language version. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The original policy language version (no policy variables). */
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
        Objects.requireNonNull(sourceText, "sourceText");
    }

    /**
     * How error messages and evidence name a statement: {@code Statement[i]} (0-based) when
     * {@code Statement} is an array, {@code Statement} when it is a single object.
     */
    public String statementLocation(int index) {
        return statementArray ? "Statement[" + index + "]" : "Statement";
    }

    /**
     * Whether {@code ${...}} policy variables are substituted: only under Version 2012-10-17; under
     * 2008-10-17 or without a Version they are literal text.
     */
    public boolean variablesEnabled() {
        return VERSION_2012.equals(version);
    }
}
