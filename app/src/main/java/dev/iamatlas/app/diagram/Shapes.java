package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.NodeKind.Tier;

/**
 * One outline per tier, so the column of a node shows even without colour: callers are pills, API items have
 * cut corners, functions are rounded boxes, roles square boxes with a tab, capabilities hexagons.
 */
final class Shapes {
    private Shapes() {
    }

    static void fill(Surface s, Tier tier, double x, double y, double w, double h) {
        switch (tier) {
            case CALLER -> s.fillRoundRect(x, y, w, h, h);
            case FUNCTION -> s.fillRoundRect(x, y, w, h, 12);
            default -> {
                double[][] p = polygon(tier, x, y, w, h);
                s.fillPolygon(p[0], p[1], p[0].length);
            }
        }
    }

    static void stroke(Surface s, Tier tier, double x, double y, double w, double h) {
        switch (tier) {
            case CALLER -> s.strokeRoundRect(x, y, w, h, h);
            case FUNCTION -> s.strokeRoundRect(x, y, w, h, 12);
            default -> {
                double[][] p = polygon(tier, x, y, w, h);
                s.strokePolygon(p[0], p[1], p[0].length);
            }
        }
    }

    private static double[][] polygon(Tier tier, double x, double y, double w, double h) {
        double c = Math.min(8, h / 4);
        return switch (tier) {
            case API -> new double[][] {
                {x + c, x + w - c, x + w, x + w, x + w - c, x + c, x, x},
                {y, y, y + c, y + h - c, y + h, y + h, y + h - c, y + c}};
            case ROLE -> new double[][] {
                {x, x + w * 0.35, x + w * 0.35 + c, x + w, x + w, x},
                {y, y, y + c * 0.6, y + c * 0.6, y + h, y + h}};
            case CAPABILITY -> new double[][] {
                {x + c, x + w - c, x + w, x + w - c, x + c, x},
                {y, y, y + h / 2, y + h, y + h, y + h / 2}};
            default -> new double[][] {{x, x + w, x + w, x}, {y, y, y + h, y + h}};
        };
    }
}
