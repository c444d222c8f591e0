package dev.iamatlas.model.rules;

import dev.iamatlas.model.catalogue.ActionCatalogue;
import java.util.Objects;

/**
 * What rule units share across snapshots of one analysis session: the policy library (each distinct text parsed
 * once), the IAM action catalogue and the cache of effective permissions per distinct policy set. Thread-safe.
 */
public final class AnalysisServices {
    private final PolicyLibrary policies;
    private final ActionCatalogue catalogue;
    private final CapabilityAnalyzer capabilities;

    /** Services over the bundled action catalogue. */
    public AnalysisServices() {
        this(ActionCatalogue.bundled());
    }

    /** Services over the given action catalogue. */
    public AnalysisServices(ActionCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.policies = new PolicyLibrary();
        this.capabilities = new CapabilityAnalyzer(catalogue);
    }

    /** The policy library. */
    public PolicyLibrary policies() {
        return policies;
    }

    /** The IAM action catalogue. */
    public ActionCatalogue catalogue() {
        return catalogue;
    }

    /** Effective permissions, cached per distinct policy set. */
    public CapabilityAnalyzer capabilities() {
        return capabilities;
    }
}
