package dev.iamatlas.model.importer;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * What an import produced: the snapshot, and one line per problem that did not stop it (each policy that could not
 * be read is also a gap in the snapshot).
 *
 * @param snapshot the snapshot
 * @param warnings one-line warnings, in the order they were found, such as
 *     {@code role/app inline policy 'x': not valid JSON}
 */
public record GaadImport(AccountSnapshot snapshot, List<String> warnings) {
    public GaadImport {
        Objects.requireNonNull(snapshot, "snapshot");
        warnings = List.copyOf(warnings);
    }
}
