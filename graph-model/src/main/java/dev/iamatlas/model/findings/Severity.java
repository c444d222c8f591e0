package dev.iamatlas.model.findings;

import java.util.Locale;
import java.util.Objects;

/**
 * How much a finding matters, from most to least severe. The declaration order is the display order, so sorting
 * by the natural order puts the most severe first; {@link #isAtLeast} compares for thresholds such as
 * {@code --fail-on HIGH}.
 */
public enum Severity {
    /** Exploitable now with serious impact: an unauthenticated path to admin-equivalent access. */
    CRITICAL,
    /** A broken API or a wide exposure: calls fail, or any account may act through a service. */
    HIGH,
    /** Broader access than needed. */
    MEDIUM,
    /** Hygiene: unused or slightly broad permissions. */
    LOW,
    /** For information. */
    INFO;

    /** Whether this severity is {@code threshold} or more severe. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= Objects.requireNonNull(threshold, "threshold").ordinal();
    }

    /** Higher is more severe: CRITICAL 4 ... INFO 0. */
    public int rank() {
        return values().length - 1 - ordinal();
    }

    /**
     * Parses a severity name, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Severity parse(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown severity '" + name + "' (use CRITICAL, HIGH, MEDIUM, LOW or INFO)");
        }
    }
}
