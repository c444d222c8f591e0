package dev.iamatlas.model.catalogue;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The access level AWS assigns to each action in the Service Authorization Reference.
 *
 * <p>A closed set: these five are the only levels AWS uses, and the catalogue's build script
 * refuses any other value, so a bundled catalogue never holds an unknown level.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html">
 *      Access levels in policy summaries</a>
 */
public enum AccessLevel {
    /** Lists resources ({@code lambda:ListFunctions}). */
    LIST("List"),
    /** Reads resources or their attributes without changing them ({@code s3:GetObject}). */
    READ("Read"),
    /** Creates, changes or deletes resources ({@code lambda:InvokeFunction}, {@code iam:PassRole}). */
    WRITE("Write"),
    /** Grants or changes permissions ({@code iam:PutRolePolicy}, {@code lambda:AddPermission}). */
    PERMISSIONS_MANAGEMENT("Permissions management"),
    /** Changes only tags ({@code lambda:TagResource}). */
    TAGGING("Tagging");

    private final String displayName;

    AccessLevel(String displayName) {
        this.displayName = displayName;
    }

    /** The name exactly as AWS writes it, e.g. {@code "Permissions management"}. */
    public String displayName() {
        return displayName;
    }

    /**
     * The level with this display name, compared case-insensitively.
     *
     * @return the level, or empty when {@code displayName} is not one of AWS's five names
     */
    public static Optional<AccessLevel> fromDisplayName(String displayName) {
        Objects.requireNonNull(displayName, "displayName");
        String wanted = displayName.toLowerCase(Locale.ROOT);
        for (AccessLevel level : values()) {
            if (level.displayName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
