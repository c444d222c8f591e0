package dev.iamatlas.model.query;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.rules.Check;
import java.util.List;

/** Helpers for paths of edges. */
final class Step {
    private Step() {
    }

    /** The weakest status along a path (ALLOWED for an empty one). */
    static EdgeStatus status(List<AccessEdge> path) {
        EdgeStatus s = EdgeStatus.ALLOWED;
        for (AccessEdge e : path) {
            s = Check.weakest(s, e.status());
        }
        return s;
    }

    /** 0 for ALLOWED, 1 for CONDITIONAL, 2 for DENIED: smaller is better. */
    static int rank(EdgeStatus s) {
        return s == EdgeStatus.ALLOWED ? 0 : s == EdgeStatus.CONDITIONAL ? 1 : 2;
    }
}
