package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.PrincipalSpec;
import java.util.List;

/**
 * Matches {@code Principal} and {@code NotPrincipal} elements against the caller.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON policy elements: Principal</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html">IAM JSON policy elements: NotPrincipal</a>
 */
final class PrincipalMatcher {
    private PrincipalMatcher() {
    }

    /**
     * How {@code spec} names {@code caller}: the strongest match over its entries. {@code "*"} and
     * {@code {"AWS": "*"}} are equivalent and match every caller, anonymous ones included, as a
     * {@link PrincipalMatch#DIRECT} grant (see {@link #everyone}). A role ARN matches the role's
     * sessions (compared by account and role name, since session ARNs carry no path). Names are
     * compared case-sensitively, service principals too (exact text, as written by the service; no page
     * says otherwise, and an Allow must not reach a caller the policy does not name exactly).
     */
    static PrincipalMatch match(PrincipalSpec spec, RequestPrincipal caller) {
        if (spec.wildcard()) {
            return everyone(caller);
        }
        PrincipalMatch best = PrincipalMatch.NONE;
        List<AwsPrincipal> aws = spec.aws();
        for (int i = 0; i < aws.size(); i++) {
            PrincipalMatch m = matchAws(aws.get(i), caller);
            if (m.ordinal() > best.ordinal()) {
                best = m;
            }
        }
        if (caller.kind() == RequestPrincipal.Kind.SERVICE) {
            if (spec.services().contains(caller.text()) || spec.federated().contains(caller.text())) {
                return PrincipalMatch.DIRECT;
            }
        } else if (caller.kind() == RequestPrincipal.Kind.FEDERATED_PROVIDER) {
            if (spec.federated().contains(caller.text())) {
                return PrincipalMatch.DIRECT;
            }
        }
        return best;
    }

    /**
     * A {@code "*"} grant names the caller itself: it matches the calling session as a session-ARN
     * grant does, so an implicit deny in the permissions boundary or the session policy does not
     * limit it. The Principal page documents this for {@code "*"} with an {@code aws:PrincipalArn}
     * condition ("Identity-based policy types, such as permissions boundaries or session policies,
     * do not limit permissions granted using the aws:PrincipalArn condition key with a wildcard(*)
     * in the Principal element, unless the identity-based policies contain an explicit deny"); the
     * condition only narrows who the {@code "*"} grant reaches, so every {@code "*"} grant is read
     * the same way.
     *
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-roles">Principal: IAM role principals</a>
     */
    private static PrincipalMatch everyone(RequestPrincipal caller) {
        return PrincipalMatch.DIRECT;
    }

    /**
     * Whether a {@code NotPrincipal} element in an Allow statement lists the caller: any identity of
     * the caller (its own ARN; for a role session also its role; for an IAM principal its account;
     * a service's name) is listed, or the element is {@code "*"}. An Allow with {@code NotPrincipal}
     * grants every caller it does not list, anonymous callers included ("allows all principals except
     * the one named in the NotPrincipal element ... you might grant access to anonymous
     * (unauthenticated) users", the page's earlier text; services such as S3 accept such policies).
     *
     * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html">IAM JSON policy elements: NotPrincipal</a>
     */
    static boolean listsAnyIdentity(PrincipalSpec spec, RequestPrincipal caller) {
        return match(spec, caller) != PrincipalMatch.NONE;
    }

    private static PrincipalMatch matchAws(AwsPrincipal p, RequestPrincipal caller) {
        switch (p.kind()) {
            case ALL:
                return everyone(caller);
            case ACCOUNT:
                return caller.isIamPrincipal() && p.account().equals(caller.account()) && samePartition(p, caller)
                        ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
            case USER:
                return caller.kind() == RequestPrincipal.Kind.IAM_USER && sameEntity(p, caller)
                        ? PrincipalMatch.USER : PrincipalMatch.NONE;
            case ROLE:
                return (caller.kind() == RequestPrincipal.Kind.IAM_ROLE || caller.kind() == RequestPrincipal.Kind.ASSUMED_ROLE)
                        && sameEntity(p, caller) ? PrincipalMatch.ROLE : PrincipalMatch.NONE;
            case ASSUMED_ROLE:
                return caller.kind() == RequestPrincipal.Kind.ASSUMED_ROLE && sameEntity(p, caller)
                        && p.session().equals(caller.session()) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            case FEDERATED_USER:
                return caller.kind() == RequestPrincipal.Kind.FEDERATED_USER && sameEntity(p, caller)
                        ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            default:
                return PrincipalMatch.NONE;
        }
    }

    /**
     * Same account, name and partition; and, when both ARNs carry an IAM path (a user or role ARN, not
     * a session ARN, which has none), the same path: the ARN names the entity, and
     * {@code role/app} is not the ARN of a role whose path is {@code /team/}.
     */
    private static boolean sameEntity(AwsPrincipal p, RequestPrincipal caller) {
        return p.account().equals(caller.account()) && p.name().equals(caller.name()) && samePartition(p, caller)
                && (p.path() == null || caller.path() == null || p.path().equals(caller.path()));
    }

    private static boolean samePartition(AwsPrincipal p, RequestPrincipal caller) {
        return p.partition() == null || caller.partition() == null || p.partition().equals(caller.partition());
    }

    /**
     * Whether a {@code NotPrincipal} element exempts the caller from a Deny. Per the NotPrincipal
     * page, the caller is exempt only when every identity in its chain is listed: an IAM user needs
     * its user ARN and its account; a role session needs the session ARN, the role ARN and the
     * account; a role (any session) its role ARN and account; a federated user its federated-user ARN
     * and account; the root user its account; a service its service name. {@code "*"} exempts
     * everyone. A caller with a permissions boundary is never exempt ("NotPrincipal with Deny always
     * denies any IAM principal that has a permissions boundary policy attached").
     */
    static boolean exempt(PrincipalSpec spec, RequestPrincipal caller, boolean hasBoundary) {
        if (hasBoundary && caller.isIamPrincipal()) {
            return false; // "regardless of the values specified in the NotPrincipal element", "*" included
        }
        if (spec.isEveryone()) {
            return true;
        }
        switch (caller.kind()) {
            case SERVICE:
                return spec.services().contains(caller.text());
            case FEDERATED_PROVIDER:
                return spec.federated().contains(caller.text());
            case ANONYMOUS:
                return false;
            case ACCOUNT_ROOT:
                return listed(spec, caller, AwsPrincipal.Kind.ACCOUNT);
            case IAM_USER:
                return listed(spec, caller, AwsPrincipal.Kind.ACCOUNT) && listed(spec, caller, AwsPrincipal.Kind.USER);
            case IAM_ROLE:
                return listed(spec, caller, AwsPrincipal.Kind.ACCOUNT) && listed(spec, caller, AwsPrincipal.Kind.ROLE);
            case ASSUMED_ROLE:
                return listed(spec, caller, AwsPrincipal.Kind.ACCOUNT) && listed(spec, caller, AwsPrincipal.Kind.ROLE)
                        && listed(spec, caller, AwsPrincipal.Kind.ASSUMED_ROLE);
            case FEDERATED_USER:
                return listed(spec, caller, AwsPrincipal.Kind.ACCOUNT) && listed(spec, caller, AwsPrincipal.Kind.FEDERATED_USER);
            default:
                return false;
        }
    }

    private static boolean listed(PrincipalSpec spec, RequestPrincipal caller, AwsPrincipal.Kind kind) {
        for (AwsPrincipal p : spec.aws()) {
            if (p.kind() != kind) {
                continue;
            }
            PrincipalMatch m = matchAws(p, caller);
            if (m != PrincipalMatch.NONE) {
                return true;
            }
        }
        return false;
    }
}
