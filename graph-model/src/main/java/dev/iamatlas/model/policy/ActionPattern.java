package dev.iamatlas.model.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of an {@code Action} or {@code NotAction} element, such as {@code lambda:InvokeFunction},
 * {@code s3:Get*} or {@code *}. Action names are case-insensitive; {@code *} and {@code ?} are
 * wildcards. Pre-compiled.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM JSON policy elements: Action</a>
 */
public final class ActionPattern {
    private final String text;
    private final WildcardPattern pattern;

    private ActionPattern(String text) {
        this.text = text;
        this.pattern = WildcardPattern.compile(text.toLowerCase(Locale.ROOT), true);
    }

    /** Compiles an action pattern as written in a policy. */
    public static ActionPattern of(String text) {
        return new ActionPattern(Objects.requireNonNull(text, "text"));
    }

    /**
     * Whether the action matches.
     *
     * @param lowerCaseAction the requested action, already lower-cased with {@link Locale#ROOT}
     */
    public boolean matchesLowerCase(String lowerCaseAction) {
        return pattern.matches(lowerCaseAction);
    }

    /** Whether {@code action} (any case) matches. */
    public boolean matches(String action) {
        return pattern.matches(action.toLowerCase(Locale.ROOT));
    }

    /** The pattern as written in the policy. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionPattern && ((ActionPattern) o).pattern.equals(pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
