package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.AwsPrincipal;
import java.util.Objects;

/**
 * Who makes a request, parsed from the forms the evaluator accepts:
 * <ul>
 *   <li>{@code arn:aws:iam::ACCT:user/path/name}: an IAM user;</li>
 *   <li>{@code arn:aws:iam::ACCT:role/path/name}: an IAM role (any session of it);</li>
 *   <li>{@code arn:aws:sts::ACCT:assumed-role/ROLE/SESSION}: one role session;</li>
 *   <li>{@code arn:aws:sts::ACCT:federated-user/NAME}: an STS federated-user session;</li>
 *   <li>{@code arn:aws:iam::ACCT:root} or a bare 12-digit id: the account's root user;</li>
 *   <li>{@code arn:aws:iam::ACCT:saml-provider/X} or {@code oidc-provider/X}: an identity provider;</li>
 *   <li>a service principal such as {@code apigateway.amazonaws.com} (any dotted name that is not an ARN);</li>
 *   <li>{@code anonymous}: an unauthenticated caller.</li>
 * </ul>
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON policy elements: Principal</a>
 */
public final class RequestPrincipal {

    /** The kinds of caller. */
    public enum Kind {
        /** Unauthenticated. */
        ANONYMOUS,
        /** An AWS service principal. */
        SERVICE,
        /** A SAML or OIDC identity provider (as in {@code "Federated"} principals). */
        FEDERATED_PROVIDER,
        /** The account root user. */
        ACCOUNT_ROOT,
        /** An IAM user. */
        IAM_USER,
        /** An IAM role, standing for any of its sessions. */
        IAM_ROLE,
        /** One assumed-role session. */
        ASSUMED_ROLE,
        /** An STS federated-user session (GetFederationToken). */
        FEDERATED_USER
    }

    /** The anonymous caller. */
    public static final RequestPrincipal ANONYMOUS = new RequestPrincipal(Kind.ANONYMOUS, "anonymous", null, null, null, null, null);

    private final Kind kind;
    private final String text;
    private final String partition;
    private final String account;
    private final String name;
    private final String path;
    private final String session;

    private RequestPrincipal(Kind kind, String text, String partition, String account, String name, String path, String session) {
        this.kind = kind;
        this.text = text;
        this.partition = partition;
        this.account = account;
        this.name = name;
        this.path = path;
        this.session = session;
    }

    /**
     * Parses a caller.
     *
     * @throws IllegalArgumentException naming the text when it is none of the accepted forms
     */
    public static RequestPrincipal parse(String text) {
        Objects.requireNonNull(text, "principal");
        String t = text.trim();
        if (t.equals("anonymous")) {
            return ANONYMOUS;
        }
        if (AwsPrincipal.isAccountId(t)) {
            return new RequestPrincipal(Kind.ACCOUNT_ROOT, "arn:aws:iam::" + t + ":root", "aws", t, null, null, null);
        }
        if (t.startsWith("arn:")) {
            AwsPrincipal p = AwsPrincipal.parseArn(t);
            if (p != null) {
                switch (p.kind()) {
                    case ACCOUNT:
                        return new RequestPrincipal(Kind.ACCOUNT_ROOT, t, p.partition(), p.account(), null, null, null);
                    case USER:
                        return new RequestPrincipal(Kind.IAM_USER, t, p.partition(), p.account(), p.name(), p.path(), null);
                    case ROLE:
                        return new RequestPrincipal(Kind.IAM_ROLE, t, p.partition(), p.account(), p.name(), p.path(), null);
                    case ASSUMED_ROLE:
                        return new RequestPrincipal(Kind.ASSUMED_ROLE, t, p.partition(), p.account(), p.name(), null, p.session());
                    case FEDERATED_USER:
                        return new RequestPrincipal(Kind.FEDERATED_USER, t, p.partition(), p.account(), p.name(), null, null);
                    default:
                        break;
                }
            }
            String[] parts = t.split(":", 6);
            if (parts.length == 6 && parts[2].equals("iam") && AwsPrincipal.isAccountId(parts[4])
                    && (parts[5].startsWith("saml-provider/") || parts[5].startsWith("oidc-provider/"))) {
                return new RequestPrincipal(Kind.FEDERATED_PROVIDER, t, parts[1], parts[4], null, null, null);
            }
            throw new IllegalArgumentException("not an IAM user, role, role session, federated user or root ARN: " + t);
        }
        if (t.indexOf('.') > 0 && t.indexOf(':') < 0 && t.chars().noneMatch(Character::isWhitespace) && !t.endsWith(".")) {
            return new RequestPrincipal(Kind.SERVICE, t, null, null, null, null, null);
        }
        throw new IllegalArgumentException("not an IAM ARN, a service principal or \"anonymous\": " + t);
    }

    /** The kind of caller. */
    public Kind kind() {
        return kind;
    }

    /** The text it was parsed from (an account id becomes its root ARN). */
    public String text() {
        return text;
    }

    /** ARN partition ({@code aws}, {@code aws-cn}...), or null for services and anonymous. */
    public String partition() {
        return partition;
    }

    /** The caller's account id, or null for services and anonymous callers. */
    public String account() {
        return account;
    }

    /** User, role or federated-user name; the role name for a role session; else null. */
    public String name() {
        return name;
    }

    /** IAM path of a user or role ({@code /} when none); null for sessions (their ARNs carry no path). */
    public String path() {
        return path;
    }

    /** Session name of an assumed-role session, else null. */
    public String session() {
        return session;
    }

    /** Whether the request has an identity side (identity policies, boundary, session policy, SCPs). */
    public boolean isIamPrincipal() {
        return kind == Kind.ACCOUNT_ROOT || kind == Kind.IAM_USER || kind == Kind.IAM_ROLE
                || kind == Kind.ASSUMED_ROLE || kind == Kind.FEDERATED_USER;
    }

    /**
     * Whether the caller is (a session of) a service-linked role: a role under the path
     * {@code /aws-service-role/}, or, for a session (whose ARN has no path), a role named
     * {@code AWSServiceRoleFor...}. SCPs and RCPs do not apply to service-linked roles.
     *
     * @see <a href="https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html">Service control policies</a>
     */
    public boolean isServiceLinkedRole() {
        if (kind == Kind.IAM_ROLE) {
            return (path != null && path.startsWith("/aws-service-role/")) || name.startsWith("AWSServiceRoleFor");
        }
        return kind == Kind.ASSUMED_ROLE && name.startsWith("AWSServiceRoleFor");
    }

    /** For a role or role session: the role's ARN (for a session, without path, which its ARN lacks); else null. */
    public String roleArn() {
        if (kind == Kind.IAM_ROLE) {
            return text;
        }
        if (kind == Kind.ASSUMED_ROLE) {
            return "arn:" + partition + ":iam::" + account + ":role/" + name;
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestPrincipal && ((RequestPrincipal) o).kind == kind && ((RequestPrincipal) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
