package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeEvidence;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One problem found in an account: a stable rule id from the {@link RuleCatalogue}, a severity, a title and a
 * message for people, the resource (and principal, where there is one) it is about, the path of edges that shows
 * it, notes, and a concrete {@link Fix}.
 *
 * <p>{@link #id()} is stable across analyses of the same account (rule id, resource, principal and what in the
 * resource it is about, such as a statement id or a route): diffs and baselines compare findings by it.
 *
 * @param id the stable id, such as {@code LAMBDA_PERMISSION_NO_SOURCE arn:aws:lambda:...:function:f #sid}
 * @param ruleId the rule, such as {@code APIGW_LAMBDA_PERMISSION_MISSING}
 * @param severity how much it matters
 * @param title the rule's title
 * @param message one or two sentences about this occurrence, naming the resource and what is wrong
 * @param resource the ARN of the resource it is about (a function, alias, role, route)
 * @param principal the ARN or name of the principal involved (a service principal, an account, {@code *}), or null
 * @param path the edges that show the problem, in order along the chain (may be empty for a policy-only finding)
 * @param notes evidence that is not an edge, such as the offending statement as JSON
 * @param fix how to fix it
 */
public record Finding(
        String id,
        String ruleId,
        Severity severity,
        String title,
        String message,
        String resource,
        String principal,
        List<AccessEdge> path,
        List<String> notes,
        Fix fix) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(fix, "fix");
        path = path == null ? List.of() : List.copyOf(path);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The ids of the path's edges, for reports and for highlighting the path in a diagram. */
    public List<String> pathEdgeIds() {
        return path.stream().map(AccessEdge::id).collect(Collectors.toList());
    }

    /** The evidence of every edge on the path, in order (runs the explaining evaluation on first use). */
    public List<EdgeEvidence> evidence() {
        return path.stream().map(AccessEdge::evidence).collect(Collectors.toList());
    }

    /**
     * Whether {@code other} reports the same thing: equal id, rule, severity, texts, resource, principal, notes and
     * fix, and a path with the same edge ids.
     */
    public boolean sameAs(Finding other) {
        return other != null && id.equals(other.id) && ruleId.equals(other.ruleId) && severity == other.severity
                && title.equals(other.title) && message.equals(other.message) && resource.equals(other.resource)
                && Objects.equals(principal, other.principal) && pathEdgeIds().equals(other.pathEdgeIds())
                && notes.equals(other.notes) && fix.equals(other.fix);
    }
}
