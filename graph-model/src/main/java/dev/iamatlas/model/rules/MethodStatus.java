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

    private MethodStatus(List<String> methods, List<Check> checks) {
        EdgeStatus first = null;
        boolean same = true;
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            if (first == null) {
                first = c.status();
            } else if (first != c.status()) {
                same = false;
            }
            String method = i < methods.size() ? methods.get(i) : "";
            if (c.status() == EdgeStatus.DENIED) {
                denied.add(method);
            } else {
                allowed.add(method);
            }
        }
        this.mixed = !same;
        this.status = first == null ? EdgeStatus.ALLOWED : same ? first : EdgeStatus.CONDITIONAL;
    }

    /** The status of a route's checks, one per entry of {@link ApiRoutes.Route#arnsByMethod()}, in order. */
    static MethodStatus of(ApiRoutes.Route route, List<Check> checks) {
        return new MethodStatus(new ArrayList<>(route.arnsByMethod().keySet()), checks);
    }

    /** Records the allowed and denied methods on the edge when they differ. */
    void annotate(AccessEdge.Builder b) {
        if (mixed) {
            b.attribute(AccessEdge.ALLOWED_METHODS, String.join(",", allowed));
            b.attribute(AccessEdge.DENIED_METHODS, String.join(",", denied));
        }
    }
}
