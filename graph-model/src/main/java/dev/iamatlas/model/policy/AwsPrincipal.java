package dev.iamatlas.model.policy;

import java.util.Objects;

/**
 * One value of the {@code "AWS"} key of a {@code Principal} or {@code NotPrincipal} element, classified.
 *
 * <ul>
 *   <li>{@code "*"}: {@link Kind#ALL} (everyone, including anonymous callers);</li>
 *   <li>{@code "111122223333"} or {@code "arn:aws:iam::111122223333:root"}: {@link Kind#ACCOUNT};</li>
 *   <li>{@code arn:aws:iam::ACCT:user/path/name}: {@link Kind#USER};</li>
 *   <li>{@code arn:aws:iam::ACCT:role/path/name}: {@link Kind#ROLE} (matches the role's sessions too);</li>
 *   <li>{@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}: {@link Kind#ASSUMED_ROLE};</li>
 *   <li>{@code arn:aws:sts::ACCT:federated-user/NAME}: {@link Kind#FEDERATED_USER};</li>
 *   <li>anything else (a unique id such as {@code AROA...} left by a deleted role, or a partial
 *       wildcard, which Principal does not support): {@link Kind#UNRECOGNIZED}, which matches no one.</li>
 * </ul>
 *
 * @param kind      the classification
 * @param text      the value as written
 * @param partition ARN partition, or null (account id, {@code *})
 * @param account   12-digit account id, or null
 * @param name      user, role or federated-user name (last path segment); role name for a session; else null
 * @param path      IAM path of a user or role ({@code /} when none), else null
 * @param session   role session name of an {@link Kind#ASSUMED_ROLE}, else null
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON policy elements: Principal</a>
 */
public record AwsPrincipal(Kind kind, String text, String partition, String account, String name, String path, String session) {

    /** What an {@code "AWS"} principal value names. */
    public enum Kind {
        /** {@code "*"}. */
        ALL,
        /** An account: its id or its {@code :root} ARN (delegates to the account's identity policies). */
        ACCOUNT,
        /** An IAM user. */
        USER,
        /** An IAM role. */
        ROLE,
        /** One assumed-role session. */
        ASSUMED_ROLE,
        /** An STS federated-user session. */
        FEDERATED_USER,
        /** Not a recognised form; matches no caller. */
        UNRECOGNIZED
    }

    public AwsPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Classifies one {@code "AWS"} principal value. Never throws. */
    public static AwsPrincipal parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("*")) {
            return new AwsPrincipal(Kind.ALL, text, null, null, null, null, null);
        }
        if (isAccountId(text)) {
            return new AwsPrincipal(Kind.ACCOUNT, text, null, text, null, null, null);
        }
        AwsPrincipal arn = parseArn(text);
        return arn != null ? arn : new AwsPrincipal(Kind.UNRECOGNIZED, text, null, null, null, null, null);
    }

    /** Whether {@code s} is a 12-digit account id. */
    public static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an IAM or STS principal ARN (root, user, role, assumed-role, federated-user); null when
     * {@code text} is not one. Wildcards are not interpreted.
     */
    public static AwsPrincipal parseArn(String text) {
        String[] p = text.split(":", 6);
        if (p.length != 6 || !p[0].equals("arn") || p[1].isEmpty() || !p[3].isEmpty() || !isAccountId(p[4])
                || p[5].contains("*") || p[5].contains("?")) {
            return null;
        }
        String partition = p[1];
        String account = p[4];
        String rest = p[5];
        if (p[2].equals("iam")) {
            if (rest.equals("root")) {
                return new AwsPrincipal(Kind.ACCOUNT, text, partition, account, null, null, null);
            }
            Kind kind = rest.startsWith("user/") ? Kind.USER : rest.startsWith("role/") ? Kind.ROLE : null;
            if (kind == null) {
                return null;
            }
            String pathAndName = rest.substring(rest.indexOf('/'));
            int last = pathAndName.lastIndexOf('/');
            String name = pathAndName.substring(last + 1);
            if (name.isEmpty()) {
                return null;
            }
            return new AwsPrincipal(kind, text, partition, account, name, pathAndName.substring(0, last + 1), null);
        }
        if (p[2].equals("sts")) {
            if (rest.startsWith("assumed-role/")) {
                String[] r = rest.substring("assumed-role/".length()).split("/", -1);
                if (r.length != 2 || r[0].isEmpty() || r[1].isEmpty()) {
                    return null;
                }
                return new AwsPrincipal(Kind.ASSUMED_ROLE, text, partition, account, r[0], null, r[1]);
            }
            if (rest.startsWith("federated-user/")) {
                String name = rest.substring("federated-user/".length());
                if (name.isEmpty() || name.contains("/")) {
                    return null;
                }
                return new AwsPrincipal(Kind.FEDERATED_USER, text, partition, account, name, null, null);
            }
        }
        return null;
    }
}
