package dev.iamatlas.app;

import dev.iamatlas.app.cli.IamAtlasCommand;

/**
 * Entry point of the shaded jar. It is deliberately not a JavaFX {@code Application}: the JavaFX
 * launcher refuses to start an {@code Application} subclass from a classpath (non-module) jar.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(IamAtlasCommand.run(args));
    }
}
