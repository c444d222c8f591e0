package dev.iamatlas.app.ui.support;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.iamatlas.app.diagram.DiagramTheme;
import javafx.application.Application;

/** The two themes: AtlantaFX Primer light and dark for the controls, the matching diagram colours. */
public final class Themes {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private Themes() {
    }

    /** Applies the theme to every window of the application. */
    public static void apply(String theme) {
        Application.setUserAgentStylesheet(DARK.equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static DiagramTheme diagramTheme(String theme) {
        return DiagramTheme.named(theme);
    }
}
