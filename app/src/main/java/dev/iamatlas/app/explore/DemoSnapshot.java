package dev.iamatlas.app.explore;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The bundled demo account, when the build ships one: a snapshot file on the class path at {@link #RESOURCE}
 * (the {@code resources} module puts it there).
 */
public final class DemoSnapshot {
    /** Where the demo snapshot lives on the class path. */
    public static final String RESOURCE = "/dev/iamatlas/resources/demo/demo-account.json";

    private DemoSnapshot() {
    }

    /** Whether this build has a demo account. */
    public static boolean available() {
        return DemoSnapshot.class.getResource(RESOURCE) != null;
    }

    /**
     * The demo account, or empty when this build has none.
     *
     * @throws UncheckedIOException when the bundled file cannot be read (a broken build)
     */
    public static Optional<AccountSnapshot> load() {
        try (InputStream in = DemoSnapshot.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(SnapshotJson.read(in, "demo account"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
