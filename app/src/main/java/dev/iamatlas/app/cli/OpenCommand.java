package dev.iamatlas.app.cli;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code iam-atlas open FILE}: the desktop app on a snapshot file. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Opens the desktop app on a snapshot file.")
public final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The snapshot to open (from 'iam-atlas scan' or 'import').")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a folder, not a snapshot file");
        }
        return GuiLauncher.launch(file, false, spec.commandLine().getErr());
    }
}
