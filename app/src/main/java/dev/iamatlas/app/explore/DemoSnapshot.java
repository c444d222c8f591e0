package dev.iamatlas.app.explore;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The demo account bundled with the program ({@link SnapshotSource#DEMO_RESOURCE}, from the resources module). */
public final class DemoSnapshot {
    /** Where the demo snapshot lives on the class path. */
    public static final String RESOURCE = SnapshotSource.DEMO_RESOURCE;

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
        if (!available()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SnapshotSource.demo());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
