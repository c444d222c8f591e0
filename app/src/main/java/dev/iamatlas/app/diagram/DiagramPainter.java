package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.graph.NodeKind.Tier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Draws a laid-out diagram on a {@link Surface}: the same code paints the desktop canvas and the SVG and PNG
 * exports. Node kinds differ by shape (one per tier) and glyph (one per kind); edge status by colour and dash.
 *
 * <p>Only what intersects the viewport is drawn, and detail drops as the zoom does: below {@value #TEXT_SCALE}
 * no text, below {@value #LABEL_SCALE} no edge labels, glyphs or second lines. Not thread-safe (it caches
 * shortened texts); use one per surface.
 */
public final class DiagramPainter {
    /** Below this zoom, node text is not drawn. */
    public static final double TEXT_SCALE = 0.3;
    /** Below this zoom, edge labels, glyphs and second lines are not drawn. */
    public static final double LABEL_SCALE = 0.55;
    private static final double FADED = 0.18;
    private static final double ARROW = 8;
    private static final double BADGE_RADIUS = 7.5;

    private final DiagramTheme theme;
    private final Map<String, String> fitted = new HashMap<>();

    public DiagramPainter(DiagramTheme theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
    }

    public DiagramTheme theme() {
        return theme;
    }

    /** Paints the background and the visible part of the diagram. */
    public void paint(Surface s, LaidOutDiagram d, Viewport view, Emphasis emphasis) {
        s.setTransform(1, 0, 0);
        s.setAlpha(1);
        s.setFill(theme.background());
        s.fillRect(0, 0, view.width(), view.height());
        s.setTransform(view.scale(), view.translateX(), view.translateY());
        double[] r = view.visibleRect();
        double scale = view.scale();
        List<EdgeRoute> edges = d.edgesIn(r[0], r[1], r[2], r[3]);
        List<NodeBox> nodes = d.nodesIn(r[0], r[1], r[2], r[3]);

        Set<String> pathNodes = new HashSet<>();
        for (String id : emphasis.pathEdges()) {
            d.diagram().edge(id).ifPresent(e -> {
                pathNodes.add(e.source());
                pathNodes.add(e.target());
            });
        }
        // Zoomed far out, thousands of one-pixel edges merge into solid fans; lighter edges keep the nodes visible.
        double edgeAlpha = scale < TEXT_SCALE ? 0.45 : 1;
        for (EdgeRoute route : edges) {
            if (!emphasised(route.edge().id(), emphasis)) {
                paintEdge(s, route, scale, (faded(route.edge(), emphasis) ? FADED : 1) * edgeAlpha, false, emphasis);
            }
        }
        for (EdgeRoute route : edges) {
            if (emphasised(route.edge().id(), emphasis)) {
                paintEdge(s, route, scale, 1, true, emphasis);
            }
        }
        s.setAlpha(1);
        if (scale >= LABEL_SCALE) {
            for (EdgeRoute route : edges) {
                if (route.hasLabel()) {
                    boolean fade = faded(route.edge(), emphasis) && !emphasised(route.edge().id(), emphasis);
                    paintEdgeLabel(s, route, fade ? FADED : 1);
                }
            }
        }
        for (NodeBox box : nodes) {
            String id = box.node().id();
            boolean fade = emphasis.focus() != null && !emphasis.focus().contains(id) && !pathNodes.contains(id);
            paintNode(s, box, scale, fade ? FADED : 1, emphasis.selectedNodes().contains(id), pathNodes.contains(id));
        }
        s.setAlpha(1);
    }

    private static boolean emphasised(String edgeId, Emphasis emphasis) {
        return emphasis.selectedEdges().contains(edgeId) || emphasis.pathEdges().contains(edgeId)
                || emphasis.changedEdges().contains(edgeId);
    }

    private static boolean faded(DiagramEdge edge, Emphasis emphasis) {
        return emphasis.focus() != null
                && !(emphasis.focus().contains(edge.source()) && emphasis.focus().contains(edge.target()));
    }

    private void paintEdge(Surface s, EdgeRoute route, double scale, double alpha, boolean emphasised,
            Emphasis emphasis) {
        DiagramEdge edge = route.edge();
        int n = route.pointCount();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = route.x(i);
            ys[i] = route.y(i);
        }
        // Stop the line where the arrow head starts, so the dash pattern does not poke through it.
        double dx = xs[n - 1] - xs[n - 2];
        double dy = ys[n - 1] - ys[n - 2];
        double len = Math.hypot(dx, dy);
        double ux = len == 0 ? 1 : dx / len;
        double uy = len == 0 ? 0 : dy / len;
        boolean arrow = scale >= TEXT_SCALE / 2;
        double tipX = xs[n - 1];
        double tipY = ys[n - 1];
        if (arrow && len > ARROW) {
            xs[n - 1] = tipX - ux * ARROW * 0.8;
            ys[n - 1] = tipY - uy * ARROW * 0.8;
        }
        int colour = theme.edge(edge.status());
        double width = edge.status() == EdgeStatus.CONDITIONAL ? 1.8 : 1.5;
        if (emphasised) {
            boolean onPath = emphasis.pathEdges().contains(edge.id());
            boolean selected = emphasis.selectedEdges().contains(edge.id());
            int halo = onPath ? theme.pathHighlight() : selected ? theme.selection() : theme.changeHighlight();
            s.setAlpha(onPath ? 0.28 : selected ? 0.35 : 0.45);
            s.setStroke(halo, width + (onPath ? 10 : selected ? 6 : 8), null);
            s.strokePolyline(xs, ys, n);
            width += 1;
        }
        s.setAlpha(alpha);
        s.setStroke(colour, Math.max(width, 1 / scale), DiagramTheme.dash(edge.status()));
        s.strokePolyline(xs, ys, n);
        if (arrow) {
            s.setFill(colour);
            double bx = tipX - ux * ARROW;
            double by = tipY - uy * ARROW;
            s.fillPolygon(new double[] {tipX, bx - uy * ARROW * 0.45, bx + uy * ARROW * 0.45},
                    new double[] {tipY, by + ux * ARROW * 0.45, by - ux * ARROW * 0.45}, 3);
        }
    }

    private void paintEdgeLabel(Surface s, EdgeRoute route, double alpha) {
        s.setAlpha(alpha);
        s.setFill(theme.edgeLabelBackground());
        s.fillRoundRect(route.labelX(), route.labelY(), route.labelWidth(), route.labelHeight(), 6);
        s.setFill(theme.edge(route.edge().status()));
        String text = fit(s, route.edge().label(), FontRole.EDGE_LABEL, route.labelWidth() - 2);
        double tw = s.textWidth(text, FontRole.EDGE_LABEL);
        s.fillText(text, route.labelX() + (route.labelWidth() - tw) / 2,
                route.labelY() + route.labelHeight() - 4, FontRole.EDGE_LABEL);
    }

    private void paintNode(Surface s, NodeBox box, double scale, double alpha, boolean selected, boolean onPath) {
        NodeKind kind = box.node().kind();
        Tier tier = kind.tier();
        double x = box.x();
        double y = box.y();
        double w = box.width();
        double h = box.height();
        s.setAlpha(alpha);
        if (selected || onPath) {
            s.setFill(selected ? theme.selection() : theme.pathHighlight());
            s.setAlpha(alpha * 0.3);
            Shapes.fill(s, tier, x - 4, y - 4, w + 8, h + 8);
            s.setAlpha(alpha);
        }
        s.setFill(theme.fill(tier));
        Shapes.fill(s, tier, x, y, w, h);
        int stroke = selected ? theme.selection() : onPath ? theme.pathHighlight() : theme.stroke(tier);
        s.setStroke(stroke, selected || onPath ? 2.5 : 1.3, box.pinned() ? new double[] {5, 3} : null);
        Shapes.stroke(s, tier, x, y, w, h);
        if (box.node().alert() != null && scale >= TEXT_SCALE / 3) {
            paintBadge(s, x + w - 7, y - 5, box.node().alert(), Math.max(1, 0.5 / scale));
        }
        if (scale < TEXT_SCALE) {
            return;
        }
        boolean detail = scale >= LABEL_SCALE;
        if (detail) {
            Glyphs.paint(s, kind, x + 8, y + h / 2 - 9, 18, theme.stroke(tier));
        }
        double textX = x + NodeSizing.GLYPH_SPACE;
        double maxText = w - NodeSizing.GLYPH_SPACE - NodeSizing.PAD_RIGHT + 4;
        String secondary = box.node().secondaryLabel();
        boolean two = detail && secondary != null && !secondary.isEmpty();
        s.setFill(theme.text());
        String label = fit(s, box.node().label(), FontRole.NODE_LABEL, maxText);
        s.fillText(label, textX, two ? y + 19 : y + h / 2 + 4.5, FontRole.NODE_LABEL);
        if (two) {
            s.setFill(theme.secondaryText());
            s.fillText(fit(s, secondary, FontRole.NODE_DETAIL, maxText), textX, y + 34, FontRole.NODE_DETAIL);
        }
    }

    /**
     * A finding's badge: a disc in the severity's colour with an exclamation mark, centred at (cx, cy); grown by
     * {@code grow} when zoomed far out so that it stays visible.
     */
    private void paintBadge(Surface s, double cx, double cy, dev.iamatlas.model.findings.Severity severity,
            double grow) {
        double r = BADGE_RADIUS * grow;
        s.setFill(theme.background());
        s.fillOval(cx - r - 1.5, cy - r - 1.5, 2 * r + 3, 2 * r + 3);
        s.setFill(theme.alert(severity));
        s.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        s.setFill(0xFFFFFFFF);
        double bar = r * 0.28;
        s.fillRoundRect(cx - bar / 2, cy - r * 0.62, bar, r * 0.8, bar);
        s.fillOval(cx - bar / 2, cy + r * 0.32, bar, bar);
    }

    /** The text, shortened with an ellipsis in the middle-right so it fits {@code max} pixels. */
    String fit(Surface s, String text, FontRole role, double max) {
        String key = role.ordinal() + "|" + (int) max + "|" + text;
        String cached = fitted.get(key);
        if (cached != null) {
            return cached;
        }
        String result = text;
        if (s.textWidth(text, role) > max) {
            int lo = 0;
            int hi = text.length();
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                if (s.textWidth(text.substring(0, mid) + "…", role) <= max) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            result = text.substring(0, lo) + "…";
        }
        if (fitted.size() > 20_000) {
            fitted.clear();
        }
        fitted.put(key, result);
        return result;
    }

    // ---------------------------------------------------------------------------------------------- legend

    /** The legend's entries: one per tier, one per edge status. */
    private static final String[] TIER_NAMES = {"Caller", "API / route", "Function", "Role", "Capability"};
    private static final String[] STATUS_NAMES = {"allowed", "denied", "conditional"};
    private static final String FINDING = "finding";
    private static final double LEGEND_HEIGHT = 30;

    /** The legend's size in pixels on one row: width, height. */
    public double[] legendSize(Surface s) {
        return legendSize(s, Double.MAX_VALUE);
    }

    /** The legend's size when it may be at most {@code maxWidth} wide (it wraps to two rows when needed). */
    public double[] legendSize(Surface s, double maxWidth) {
        double tiers = 12 + rowWidth(s, TIER_NAMES, 26);
        double statuses = 12 + rowWidth(s, STATUS_NAMES, 34) + 24 + s.textWidth(FINDING, FontRole.LEGEND) + 14;
        if (tiers + statuses <= maxWidth) {
            return new double[] {Math.ceil(tiers + statuses), LEGEND_HEIGHT};
        }
        return new double[] {Math.ceil(Math.max(tiers, statuses)), 2 * LEGEND_HEIGHT - 8};
    }

    private static double rowWidth(Surface s, String[] names, double swatch) {
        double w = 0;
        for (String name : names) {
            w += swatch + s.textWidth(name, FontRole.LEGEND) + 14;
        }
        return w;
    }

    /** Paints the legend on one row, with its top-left corner at (x, y) in the current transform. */
    public void paintLegend(Surface s, double x, double y) {
        paintLegend(s, x, y, Double.MAX_VALUE);
    }

    /**
     * Paints the legend with its top-left corner at (x, y) in the current transform: node tiers, then edge
     * statuses, on one row, or on two when one would be wider than {@code maxWidth}.
     */
    public void paintLegend(Surface s, double x, double y, double maxWidth) {
        double[] size = legendSize(s, maxWidth);
        boolean twoRows = size[1] > LEGEND_HEIGHT;
        s.setAlpha(1);
        s.setFill(theme.legendBackground());
        s.fillRoundRect(x, y, size[0], size[1], 8);
        s.setStroke(theme.legendBorder(), 1, null);
        s.strokeRoundRect(x, y, size[0], size[1], 8);
        double cx = x + 12;
        double mid = y + LEGEND_HEIGHT / 2;
        Tier[] tiers = Tier.values();
        for (int i = 0; i < tiers.length; i++) {
            s.setFill(theme.fill(tiers[i]));
            Shapes.fill(s, tiers[i], cx, mid - 7, 20, 14);
            s.setStroke(theme.stroke(tiers[i]), 1.2, null);
            Shapes.stroke(s, tiers[i], cx, mid - 7, 20, 14);
            s.setFill(theme.text());
            s.fillText(TIER_NAMES[i], cx + 26, mid + 4, FontRole.LEGEND);
            cx += 26 + s.textWidth(TIER_NAMES[i], FontRole.LEGEND) + 14;
        }
        if (twoRows) {
            cx = x + 12;
            mid += LEGEND_HEIGHT - 8;
        } else {
            s.setStroke(theme.legendBorder(), 1, null);
            s.strokeLine(cx - 4, y + 6, cx - 4, y + size[1] - 6);
            cx += 10;
        }
        EdgeStatus[] statuses = EdgeStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            s.setStroke(theme.edge(statuses[i]), statuses[i] == EdgeStatus.CONDITIONAL ? 1.8 : 1.5,
                    DiagramTheme.dash(statuses[i]));
            s.strokeLine(cx, mid, cx + 22, mid);
            s.setFill(theme.edge(statuses[i]));
            s.fillPolygon(new double[] {cx + 28, cx + 21, cx + 21}, new double[] {mid, mid - 3.5, mid + 3.5}, 3);
            s.setFill(theme.text());
            s.fillText(STATUS_NAMES[i], cx + 34, mid + 4, FontRole.LEGEND);
            cx += 34 + s.textWidth(STATUS_NAMES[i], FontRole.LEGEND) + 14;
        }
        paintBadge(s, cx + 8, mid, dev.iamatlas.model.findings.Severity.HIGH, 1);
        s.setFill(theme.text());
        s.fillText(FINDING, cx + 24, mid + 4, FontRole.LEGEND);
    }
}
