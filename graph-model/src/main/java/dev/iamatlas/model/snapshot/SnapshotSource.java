package dev.iamatlas.model.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a command finds its snapshot: {@code SNAPSHOT} on the command line is a file, or the word {@value #DEMO}
 * for the demo account bundled with the program ({@value #DEMO_RESOURCE} in the {@code resources} module). To read
 * a file that is really called {@code demo}, write {@code ./demo}.
 */
public final class SnapshotSource {

    /** The word that stands for the bundled demo account. */
    public static final String DEMO = "demo";

    /** The classpath location of the bundled demo account. */
    public static final String DEMO_RESOURCE = "/dev/iamatlas/resources/demo/demo-account.json";

    private SnapshotSource() {
    }

    /** True when {@code argument} names the bundled demo account rather than a file. */
    public static boolean isDemo(String argument) {
        return DEMO.equals(argument);
    }

    /**
     * Loads the snapshot named by a command-line argument.
     *
     * @param fileOrDemo a snapshot file, or {@value #DEMO}
     * @throws SnapshotFormatException when the file is not a snapshot (one line naming the file and the problem)
     * @throws IOException when the file does not exist or cannot be read (one line naming it)
     */
    public static AccountSnapshot load(String fileOrDemo) throws IOException {
        Objects.requireNonNull(fileOrDemo, "fileOrDemo");
        if (isDemo(fileOrDemo)) {
            return demo();
        }
        Path file;
        try {
            file = Path.of(fileOrDemo);
        } catch (InvalidPathException e) {
            throw new IOException(fileOrDemo + ": not a usable file name (" + e.getReason() + ")", e);
        }
        if (!Files.exists(file)) {
            throw new IOException(fileOrDemo + ": no such file (give a snapshot file, or '" + DEMO
                    + "' for the bundled demo account)");
        }
        return SnapshotJson.read(file);
    }

    /**
     * The bundled demo account, read afresh on every call.
     *
     * @throws SnapshotFormatException when the demo is missing from this build or unreadable (a packaging fault)
     */
    public static AccountSnapshot demo() throws IOException {
        try (InputStream in = SnapshotSource.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new SnapshotFormatException(DEMO + ": the bundled demo account (" + DEMO_RESOURCE
                        + ") is missing from this build");
            }
            return SnapshotJson.read(in, DEMO);
        }
    }
}
