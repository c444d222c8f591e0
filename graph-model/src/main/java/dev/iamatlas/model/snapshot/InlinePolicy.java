package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * A policy embedded in one user, group or role.
 *
 * @param name the policy name, unique within its owner
 * @param document the policy document
 */
public record InlinePolicy(String name, PolicyText document) {
    public InlinePolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
