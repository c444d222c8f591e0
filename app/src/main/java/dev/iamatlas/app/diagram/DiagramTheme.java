package dev.iamatlas.app.diagram;

import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.NodeKind.Tier;

/**
 * The colours of a diagram, as ARGB ints. Edge colours are chosen to stay apart for the common colour-vision
 * deficiencies and in grayscale, where the dash pattern tells them apart too: ALLOWED solid, DENIED dashed,
 * CONDITIONAL dotted. Findings put a badge on the nodes they are about, coloured by severity; what a what-if
 * edit changed gets a halo in {@link #changeHighlight()}.
 */
public record DiagramTheme(
        String name,
        int background,
        int text,
        int secondaryText,
        int[] tierFill,
        int[] tierStroke,
        int allowed,
        int denied,
        int conditional,
        int edgeLabelBackground,
        int selection,
        int pathHighlight,
        int legendBackground,
        int legendBorder,
        int changeHighlight,
        int[] alerts) {

    public static final DiagramTheme LIGHT = new DiagramTheme("light",
            0xFFFFFFFF, 0xFF1F2328, 0xFF59636E,
            new int[] {0xFFEEF1FF, 0xFFF5EDFF, 0xFFFFF3E6, 0xFFE5F5F2, 0xFFF1F3F5},
            new int[] {0xFF4553B8, 0xFF7B3FB0, 0xFFB8520F, 0xFF1D7468, 0xFF5A6570},
            0xFF1A7F37, 0xFFCF222E, 0xFF9A5B00,
            0xEEFFFFFF, 0xFF0969DA, 0xFFBF00BF, 0xF2FFFFFF, 0xFFD0D7DE, 0xFF00A3A3,
            new int[] {0xFF8B0000, 0xFFCF222E, 0xFFD4700A, 0xFF9A8A00, 0xFF59636E});

    public static final DiagramTheme DARK = new DiagramTheme("dark",
            0xFF161B22, 0xFFE6EDF3, 0xFF9DA7B3,
            new int[] {0xFF1E2547, 0xFF2B1C40, 0xFF3A2510, 0xFF0F2F2B, 0xFF262C33},
            new int[] {0xFF8C9EFF, 0xFFC297FF, 0xFFF0883E, 0xFF4FC1B0, 0xFFA0AAB4},
            0xFF3FB950, 0xFFFF6B61, 0xFFE3B341,
            0xEE161B22, 0xFF58A6FF, 0xFFFF7BFF, 0xF21C2128, 0xFF3D444D, 0xFF39D0D0,
            new int[] {0xFFFF4D4D, 0xFFFF7B72, 0xFFF0A03E, 0xFFD8C84A, 0xFF9DA7B3});

    public int fill(Tier tier) {
        return tierFill[tier.ordinal()];
    }

    public int stroke(Tier tier) {
        return tierStroke[tier.ordinal()];
    }

    /** The badge colour of a finding severity. */
    public int alert(dev.iamatlas.model.findings.Severity severity) {
        return alerts[severity.ordinal()];
    }

    public int edge(EdgeStatus status) {
        return switch (status) {
            case ALLOWED -> allowed;
            case DENIED -> denied;
            case CONDITIONAL -> conditional;
        };
    }

    /** The dash pattern of an edge status, or null for solid. */
    public static double[] dash(EdgeStatus status) {
        return switch (status) {
            case ALLOWED -> null;
            case DENIED -> new double[] {7, 4};
            case CONDITIONAL -> new double[] {2, 3};
        };
    }

    /** The theme with this name ("light" or "dark"); light for anything else. */
    public static DiagramTheme named(String name) {
        return "dark".equalsIgnoreCase(name) ? DARK : LIGHT;
    }
}
