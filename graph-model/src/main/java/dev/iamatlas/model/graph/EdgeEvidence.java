package dev.iamatlas.model.graph;

import java.util.List;
import java.util.Objects;

/**
 * Why an edge has its status: the exact requests the policy evaluator answered (often one; two for a link that
 * needs two permissions, such as a credentials role that API Gateway must assume and that must be allowed to
 * invoke; one per HTTP method for an {@code ANY} route), and plain-language notes for what no request shows
 * ("depends on aws:SourceIp, which a snapshot cannot know", "the function's policy could not be read").
 *
 * @param requests the evaluated requests, in the order they were asked
 * @param notes notes for people, in order of importance
 */
public record EdgeEvidence(List<EvaluatedRequest> requests, List<String> notes) {

    /** No requests, no notes: a structural link (a user's group membership, an alias's target version). */
    public static final EdgeEvidence NONE = new EdgeEvidence(List.of(), List.of());

    public EdgeEvidence {
        requests = List.copyOf(Objects.requireNonNull(requests, "requests"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /** Evidence made of notes only. */
    public static EdgeEvidence ofNotes(List<String> notes) {
        return new EdgeEvidence(List.of(), notes);
    }
}
