package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The status of a link evaluated once per HTTP method (an {@code ANY} route): the common status when every method
 * agrees; CONDITIONAL when some methods are allowed and others not (it depends on the method the caller uses),
 * with the allowed and denied methods recorded on the edge.
 */
final class MethodStatus {
    final EdgeStatus status;
    final List<String> allowed = new ArrayList<>();
    final List<String> denied = new ArrayList<>();
    private final boolean mixed;

    private MethodStatus(List<String> methods, List<EdgeStatus> statuses) {
        EdgeStatus first = null;
        boolean same = true;
        for (int i = 0; i < statuses.size(); i++) {
            EdgeStatus c = statuses.get(i);
            if (first == null) {
                first = c;
            } else if (first != c) {
                same = false;
            }
            String method = i < methods.size() ? methods.get(i) : "";
            if (c == EdgeStatus.DENIED) {
                denied.add(method);
            } else {
                allowed.add(method);
            }
        }
        this.mixed = !same;
        this.status = first == null ? EdgeStatus.ALLOWED : same ? first : EdgeStatus.CONDITIONAL;
    }

    /** The status of checks made one per method, in the order of {@code methods}. */
    static MethodStatus of(java.util.Collection<String> methods, List<Check> checks) {
        List<EdgeStatus> statuses = new ArrayList<>();
        checks.forEach(c -> statuses.add(c.status()));
        return new MethodStatus(new ArrayList<>(methods), statuses);
    }

    /** The status of a route from one status per entry of {@link ApiRoutes.Route#arnsByMethod()}, in order. */
    static MethodStatus ofStatuses(ApiRoutes.Route route, List<EdgeStatus> statuses) {
        return new MethodStatus(new ArrayList<>(route.arnsByMethod().keySet()), statuses);
    }

    /** Records the allowed and denied methods on the edge when they differ. */
    void annotate(AccessEdge.Builder b) {
        if (mixed) {
            b.attribute(AccessEdge.ALLOWED_METHODS, String.join(",", allowed));
            b.attribute(AccessEdge.DENIED_METHODS, String.join(",", denied));
        }
    }
}
