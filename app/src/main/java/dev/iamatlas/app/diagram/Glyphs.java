package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.NodeKind;

/** Small line-drawn icons, one per node kind, drawn in a square of the given size. */
final class Glyphs {
    private Glyphs() {
    }

    static void paint(Surface s, NodeKind kind, double x, double y, double size, int colour) {
        double k = size / 18.0;
        s.setStroke(colour, 1.4, null);
        s.setFill(colour);
        switch (kind) {
            case INTERNET -> {
                s.strokeOval(x + 1 * k, y + 1 * k, 16 * k, 16 * k);
                s.strokeOval(x + 5 * k, y + 1 * k, 8 * k, 16 * k);
                s.strokeLine(x + 1 * k, y + 9 * k, x + 17 * k, y + 9 * k);
            }
            case IAM_USER, FEDERATED_PRINCIPAL, AUTHORIZED_CALLER -> {
                person(s, x + 3 * k, y, k);
                if (kind == NodeKind.AUTHORIZED_CALLER) {
                    s.strokeLine(x + 11 * k, y + 14 * k, x + 13 * k, y + 16 * k);
                    s.strokeLine(x + 13 * k, y + 16 * k, x + 17 * k, y + 11 * k);
                }
            }
            case IAM_GROUP -> {
                person(s, x - 1 * k, y + 1 * k, k * 0.85);
                person(s, x + 6 * k, y + 1 * k, k * 0.85);
            }
            case ANY_AWS_PRINCIPAL, AWS_ACCOUNT, SERVICE_PRINCIPAL -> {
                double[] xs = {x + 9 * k, x + 16 * k, x + 16 * k, x + 9 * k, x + 2 * k, x + 2 * k};
                double[] ys = {y + 1 * k, y + 5 * k, y + 13 * k, y + 17 * k, y + 13 * k, y + 5 * k};
                s.strokePolygon(xs, ys, 6);
                s.strokeLine(x + 2 * k, y + 5 * k, x + 9 * k, y + 9 * k);
                s.strokeLine(x + 16 * k, y + 5 * k, x + 9 * k, y + 9 * k);
                s.strokeLine(x + 9 * k, y + 9 * k, x + 9 * k, y + 17 * k);
                if (kind == NodeKind.ANY_AWS_PRINCIPAL) {
                    s.fillText("*", x + 13 * k, y + 8 * k, FontRole.NODE_LABEL);
                }
            }
            case VPC_ENDPOINT -> {
                s.strokeRoundRect(x + 1 * k, y + 4 * k, 16 * k, 10 * k, 4 * k);
                s.strokeLine(x + 5 * k, y + 9 * k, x + 13 * k, y + 9 * k);
            }
            case REST_API, HTTP_API -> {
                s.fillText("{ }", x, y + 14 * k, FontRole.NODE_LABEL);
            }
            case API_ROUTE -> {
                s.strokeLine(x + 1 * k, y + 9 * k, x + 15 * k, y + 9 * k);
                s.strokeLine(x + 10 * k, y + 4 * k, x + 15 * k, y + 9 * k);
                s.strokeLine(x + 10 * k, y + 14 * k, x + 15 * k, y + 9 * k);
                s.strokeLine(x + 1 * k, y + 4 * k, x + 1 * k, y + 14 * k);
            }
            case API_AUTHORIZER -> {
                double[] xs = {x + 9 * k, x + 16 * k, x + 15 * k, x + 9 * k, x + 3 * k, x + 2 * k};
                double[] ys = {y + 1 * k, y + 4 * k, y + 11 * k, y + 17 * k, y + 11 * k, y + 4 * k};
                s.strokePolygon(xs, ys, 6);
                s.strokeLine(x + 6 * k, y + 9 * k, x + 8.5 * k, y + 12 * k);
                s.strokeLine(x + 8.5 * k, y + 12 * k, x + 13 * k, y + 6 * k);
            }
            case FUNCTION_URL -> {
                s.strokeRoundRect(x + 1 * k, y + 6 * k, 9 * k, 6 * k, 6 * k);
                s.strokeRoundRect(x + 8 * k, y + 6 * k, 9 * k, 6 * k, 6 * k);
            }
            case LAMBDA_FUNCTION, LAMBDA_ALIAS, LAMBDA_VERSION -> {
                s.strokeLine(x + 4 * k, y + 2 * k, x + 8 * k, y + 2 * k);
                s.strokeLine(x + 8 * k, y + 2 * k, x + 15 * k, y + 16 * k);
                s.strokeLine(x + 15 * k, y + 16 * k, x + 17 * k, y + 16 * k);
                s.strokeLine(x + 9.5 * k, y + 6 * k, x + 3 * k, y + 16 * k);
                if (kind != NodeKind.LAMBDA_FUNCTION) {
                    s.fillOval(x + 14 * k, y + 1 * k, 4 * k, 4 * k);
                }
            }
            case IAM_ROLE -> {
                s.strokeOval(x + 1 * k, y + 5 * k, 8 * k, 8 * k);
                s.strokeLine(x + 9 * k, y + 9 * k, x + 17 * k, y + 9 * k);
                s.strokeLine(x + 14 * k, y + 9 * k, x + 14 * k, y + 13 * k);
                s.strokeLine(x + 17 * k, y + 9 * k, x + 17 * k, y + 12 * k);
            }
            case CAPABILITY -> {
                double[] xs = {x + 10 * k, x + 3 * k, x + 9 * k, x + 7 * k, x + 15 * k, x + 9 * k};
                double[] ys = {y + 1 * k, y + 10 * k, y + 10 * k, y + 17 * k, y + 7 * k, y + 7 * k};
                s.fillPolygon(xs, ys, 6);
            }
            default -> s.strokeOval(x + 3 * k, y + 3 * k, 12 * k, 12 * k);
        }
    }

    private static void person(Surface s, double x, double y, double k) {
        s.strokeOval(x + 3.5 * k, y + 1 * k, 6 * k, 6 * k);
        s.strokePolyline(new double[] {x, x + 1.5 * k, x + 5 * k, x + 8 * k, x + 11.5 * k, x + 13 * k},
                new double[] {y + 17 * k, y + 11 * k, y + 9 * k, y + 9 * k, y + 11 * k, y + 17 * k}, 6);
    }
}
