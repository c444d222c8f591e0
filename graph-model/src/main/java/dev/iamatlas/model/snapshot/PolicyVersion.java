package dev.iamatlas.model.snapshot;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a managed policy. Only the default version is in effect; the others are kept because
 * anyone allowed {@code iam:SetDefaultPolicyVersion} can make them the default.
 *
 * @param versionId such as {@code v3}
 * @param defaultVersion whether this is the version in effect
 * @param document the policy document
 * @param createDate when the version was created, or null when unknown
 */
public record PolicyVersion(String versionId, boolean defaultVersion, PolicyText document, Instant createDate) {
    public PolicyVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(document, "document");
    }
}
