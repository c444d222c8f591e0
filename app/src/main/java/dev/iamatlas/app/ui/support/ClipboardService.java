package dev.iamatlas.app.ui.support;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the clipboard; an interface so view models can be tested without the system clipboard. */
@FunctionalInterface
public interface ClipboardService {
    void copy(String text);

    /** The system clipboard (FX thread only). */
    static ClipboardService system() {
        return text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
