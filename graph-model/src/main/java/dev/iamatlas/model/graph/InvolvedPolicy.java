package dev.iamatlas.model.graph;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One policy that took part in an evaluated request, with the statements to highlight when the document is shown:
 * statement indexes are 0-based positions in the document's {@code Statement} array, as in the pretty-printed JSON.
 *
 * @param label how the evaluator named the policy, such as {@code function orders:live resource policy} or
 *     {@code arn:aws:iam::aws:policy/ReadOnlyAccess}
 * @param type the part the policy played (identity, resource, permissions boundary, SCP, ...)
 * @param owner the ARN of what the policy is attached to or lives in (a function, a role, an organization level),
 *     or null
 * @param document the policy text as the snapshot holds it
 * @param allowing statements that allowed the request (their action, resource, principal and conditions held, or
 *     depended on unknown context)
 * @param denying statements that denied it, likewise
 * @param deciding the statements the evaluator named as deciding the outcome (a subset of the two above)
 */
public record InvolvedPolicy(
        String label,
        PolicyType type,
        String owner,
        PolicyText document,
        SortedSet<Integer> allowing,
        SortedSet<Integer> denying,
        SortedSet<Integer> deciding) {

    public InvolvedPolicy {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        allowing = frozen(allowing);
        denying = frozen(denying);
        deciding = frozen(deciding);
    }

    private static SortedSet<Integer> frozen(SortedSet<Integer> set) {
        return set == null || set.isEmpty() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }
}
