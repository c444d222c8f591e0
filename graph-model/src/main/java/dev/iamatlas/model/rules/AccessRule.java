package dev.iamatlas.model.rules;

import java.util.List;
import java.util.Set;

/**
 * One kind of link in the access graph, computed by a small pure function of the snapshot. A rule has one
 * <em>unit</em> per subject (an API, a function, a role): {@link #compute} reads the snapshot only through the
 * {@link UnitContext} — which records every entity it reads — and emits nodes and edges. The engine re-runs a unit
 * only when an entity it read changes.
 *
 * <p>A rule may split a unit into <em>parts</em> (see {@link UnitContext#inPart}) whose reads are tracked
 * separately; when only some parts' inputs change, {@link #computeParts} recomputes just those.
 *
 * <p>Implementations are stateless and thread-safe: the engine runs units in parallel.
 */
public interface AccessRule {

    /** A short name for logs and tests, such as {@code FunctionsRunAsRoles}. */
    String name();

    /** The subjects this rule has a unit for, such as every function ARN. Linear in the snapshot. */
    List<String> subjects(SnapshotIndex index);

    /**
     * The kinds of entity whose lists {@link #subjects} reads (it reads nothing else of the index), so that after an
     * edit that replaced none of those lists the engine keeps the last subjects instead of listing them again; null
     * (the default) when the subjects may depend on anything.
     */
    default java.util.Set<EntityKey.Kind> subjectKinds() {
        return null;
    }

    /** Computes the unit for {@code subject}: reads through {@code ctx} and emits into it. */
    void compute(String subject, UnitContext ctx);

    /**
     * Recomputes only the named parts of the unit for {@code subject} (the rest is unchanged). The default
     * recomputes nothing partially and is never called for rules that do not use parts.
     */
    default void computeParts(String subject, Set<String> parts, UnitContext ctx) {
        throw new UnsupportedOperationException(name() + " has no parts");
    }
}
