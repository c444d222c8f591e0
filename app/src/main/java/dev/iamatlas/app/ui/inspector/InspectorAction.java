package dev.iamatlas.app.ui.inspector;

import java.util.Objects;

/**
 * Something the user can do from the inspector with the inspected element, such as a what-if edit ("Add a Lambda
 * permission…").
 *
 * @param label the button's text
 * @param description a tooltip: what it does
 * @param run what it does
 */
public record InspectorAction(String label, String description, Runnable run) {
    public InspectorAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(run, "run");
        description = description == null ? "" : description;
    }
}
