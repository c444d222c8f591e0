package dev.iamatlas.model.policy;

import java.util.Objects;

/**
 * A policy document that cannot be read. The message names the place in the document, for example
 * {@code Statement[1]: unknown condition operator StringEqualz} or
 * {@code Statement[0].Effect: must be "Allow" or "Deny", got "allow"}.
 *
 * <p>Locations use JSON array indexes (0-based); a {@code Statement} given as a single object
 * rather than an array is named {@code Statement}. A problem with the document as a whole (not
 * JSON, not an object) has an empty {@link #location()}.
 *
 * <p>Unchecked on purpose: it is the only exception {@link PolicyParser} ever throws, whatever the
 * input, so callers that want to report it catch exactly this type.
 */
public final class PolicyParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String problem;

    /**
     * @param location where in the document, e.g. {@code Statement[1].Action}; empty for the whole document
     * @param problem  what is wrong, in words a user can act on
     */
    public PolicyParseException(String location, String problem) {
        super(format(location, problem));
        this.location = Objects.requireNonNull(location, "location");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(String location, String problem) {
        return location == null || location.isEmpty() ? problem : location + ": " + problem;
    }

    /** Where in the document the problem is; empty when it concerns the whole document. */
    public String location() {
        return location;
    }

    /** The problem, without the location. */
    public String problem() {
        return problem;
    }

    /**
     * The message with an outer location in front, e.g. {@code prefixedMessage("identityPolicies[0]")}
     * gives {@code identityPolicies[0].Statement[1]: unknown condition operator StringEqualz}.
     */
    public String prefixedMessage(String outer) {
        if (outer == null || outer.isEmpty()) {
            return getMessage();
        }
        return location.isEmpty() ? outer + ": " + problem : outer + "." + location + ": " + problem;
    }
}
