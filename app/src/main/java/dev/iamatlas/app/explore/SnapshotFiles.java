package dev.iamatlas.app.explore;

import dev.iamatlas.model.importer.GaadImport;
import dev.iamatlas.model.importer.GaadImporter;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads what a user opens or drops: an IAM Atlas snapshot, or the output of
 * {@code aws iam get-account-authorization-details} (GAAD), which is imported on the fly. The two are told apart by
 * their top-level keys, read from the start of the file.
 */
public final class SnapshotFiles {
    private static final int PEEK = 64 * 1024;

    /**
     * What was read.
     *
     * @param snapshot the snapshot
     * @param warnings for an import, one line per policy that could not be read; else empty
     * @param imported whether the file was a GAAD dump (then it has not been saved as a snapshot yet)
     */
    public record Loaded(AccountSnapshot snapshot, List<String> warnings, boolean imported) {
        public Loaded {
            Objects.requireNonNull(snapshot, "snapshot");
            warnings = List.copyOf(warnings);
        }
    }

    private SnapshotFiles() {
    }

    /**
     * Reads a snapshot or imports a GAAD dump.
     *
     * @throws IOException naming the file and the problem, when it is neither or cannot be read
     */
    public static Loaded read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (isGaad(file)) {
            return importGaad(file);
        }
        return new Loaded(SnapshotJson.read(file), List.of(), false);
    }

    /** Imports a GAAD dump. */
    public static Loaded importGaad(Path file) throws IOException {
        GaadImport result = new GaadImporter().read(file);
        return new Loaded(result.snapshot(), result.warnings(), true);
    }

    /**
     * Whether the file looks like {@code get-account-authorization-details} output: its start names one of GAAD's
     * lists ({@code UserDetailList}, {@code RoleDetailList}, {@code GroupDetailList}, {@code Policies}) and no
     * snapshot {@code formatVersion}.
     */
    public static boolean isGaad(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.contains("\"formatVersion\"")) {
            return false;
        }
        return text.contains("\"UserDetailList\"") || text.contains("\"RoleDetailList\"")
                || text.contains("\"GroupDetailList\"") || text.contains("\"Policies\"");
    }
}
