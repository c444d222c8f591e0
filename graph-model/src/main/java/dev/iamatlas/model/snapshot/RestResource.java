package dev.iamatlas.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One resource (path) of a REST API and the methods on it.
 *
 * @param id the resource id
 * @param parentId the parent resource id, or null for the root {@code /}
 * @param path the full path, such as {@code /orders/{id}}
 * @param methods the methods on this path
 */
public record RestResource(String id, String parentId, String path, List<RestMethod> methods) {
    public RestResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        methods = Copies.list(methods);
    }
}
