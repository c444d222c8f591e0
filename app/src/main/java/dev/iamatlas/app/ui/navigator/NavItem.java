package dev.iamatlas.app.ui.navigator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the navigator tree.
 *
 * @param label what the tree shows
 * @param detail a second, dimmer text (kind, runtime, count), or empty
 * @param nodeId the diagram node (or group) it stands for, or null for a folder
 * @param group whether {@code nodeId} names a group rather than a node
 * @param arn the ARN searched besides the label, or null
 * @param children its entries
 */
public record NavItem(String label, String detail, String nodeId, boolean group, String arn, List<NavItem> children) {
    public NavItem {
        Objects.requireNonNull(label, "label");
        detail = detail == null ? "" : detail;
        children = children == null ? List.of() : List.copyOf(children);
    }

    public static NavItem folder(String label, String detail, List<NavItem> children) {
        return new NavItem(label, detail, null, false, null, children);
    }

    public static NavItem leaf(String label, String detail, String nodeId, String arn) {
        return new NavItem(label, detail, nodeId, false, arn, List.of());
    }

    /** Whether the label or ARN contains {@code lowerCaseQuery}. */
    public boolean matches(String lowerCaseQuery) {
        return label.toLowerCase(Locale.ROOT).contains(lowerCaseQuery)
                || (arn != null && arn.toLowerCase(Locale.ROOT).contains(lowerCaseQuery));
    }

    /** This item with other children. */
    public NavItem withChildren(List<NavItem> newChildren) {
        return new NavItem(label, detail, nodeId, group, arn, newChildren);
    }

    @Override
    public String toString() {
        return label;
    }
}
