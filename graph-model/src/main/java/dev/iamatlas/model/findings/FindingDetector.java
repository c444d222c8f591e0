package dev.iamatlas.model.findings;

import dev.iamatlas.model.rules.SnapshotIndex;
import java.util.List;

/**
 * Finds the occurrences of one rule of the {@link RuleCatalogue}. A detector examines one subject at a time (an
 * API, a function, a role), reading the graph and the snapshot through the {@link FindingContext} (which records
 * what it reads, for incremental re-analysis) and reporting findings into it. Stateless and thread-safe.
 */
public interface FindingDetector {

    /** The rule id this detector reports. */
    String ruleId();

    /** The subjects to examine, such as every function ARN. */
    List<String> subjects(SnapshotIndex index);

    /**
     * The kinds of entity whose lists {@link #subjects} reads, so that after an edit that replaced none of those lists
     * the engine keeps the last subjects (see {@link dev.iamatlas.model.rules.AccessRule#subjectKinds()}); null (the
     * default) when they may depend on anything.
     */
    default java.util.Set<dev.iamatlas.model.rules.EntityKey.Kind> subjectKinds() {
        return null;
    }

    /** Examines one subject. */
    void detect(String subject, FindingContext ctx);
}
