package dev.iamatlas.model.policy;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a policy. Exactly one of {@link #action()} / {@link #notAction()} is non-null; at
 * most one of {@link #principal()} / {@link #notPrincipal()} and at most one of {@link #resource()}
 * / {@link #notResource()}. A statement without {@code Resource} or {@code NotResource} (as in role
 * trust policies) applies to any resource.
 *
 * @param index        position in the {@code Statement} array (0-based; 0 for a single-object Statement)
 * @param sid          the {@code Sid}, or null
 * @param effect       Allow or Deny
 * @param principal    {@code Principal}, or null
 * @param notPrincipal {@code NotPrincipal}, or null
 * @param action       {@code Action} entries, or null
 * @param notAction    {@code NotAction} entries, or null
 * @param resource     {@code Resource} entries, or null
 * @param notResource  {@code NotResource} entries, or null
 * @param conditions   the {@code Condition} block flattened, all ANDed (empty when none)
 * @param json         the statement's JSON source, compact, for display
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">IAM JSON policy grammar</a>
 */
public record Statement(int index, String sid, Effect effect, PrincipalSpec principal, PrincipalSpec notPrincipal,
        List<ActionPattern> action, List<ActionPattern> notAction, List<ResourcePattern> resource,
        List<ResourcePattern> notResource, List<Condition> conditions, String json) {

    public Statement {
        Objects.requireNonNull(effect, "effect");
        if ((action == null) == (notAction == null)) {
            throw new IllegalArgumentException("exactly one of action and notAction is required");
        }
        if (principal != null && notPrincipal != null) {
            throw new IllegalArgumentException("principal and notPrincipal are exclusive");
        }
        if (resource != null && notResource != null) {
            throw new IllegalArgumentException("resource and notResource are exclusive");
        }
        action = action == null ? null : List.copyOf(action);
        notAction = notAction == null ? null : List.copyOf(notAction);
        resource = resource == null ? null : List.copyOf(resource);
        notResource = notResource == null ? null : List.copyOf(notResource);
        conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
    }

    /** Whether the statement has a {@code Principal} or {@code NotPrincipal} element. */
    public boolean hasPrincipalElement() {
        return principal != null || notPrincipal != null;
    }
}
