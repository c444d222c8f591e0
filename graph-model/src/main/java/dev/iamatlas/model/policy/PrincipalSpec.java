package dev.iamatlas.model.policy;

import java.util.List;
import java.util.Objects;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element.
 *
 * <p>{@code "Principal": "*"} sets {@link #wildcard()}; the map form lists values per key:
 * {@code AWS} (accounts, users, roles, sessions, {@code *}), {@code Service}
 * ({@code apigateway.amazonaws.com}), {@code Federated} (an identity provider) and
 * {@code CanonicalUser} (S3 only; kept, but no request principal carries one, so it matches no one).
 *
 * @param wildcard       {@code "*"} given as the whole element
 * @param aws            values of the {@code AWS} key
 * @param services       values of the {@code Service} key
 * @param federated      values of the {@code Federated} key
 * @param canonicalUsers values of the {@code CanonicalUser} key
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM JSON policy elements: Principal</a>
 */
public record PrincipalSpec(boolean wildcard, List<AwsPrincipal> aws, List<String> services, List<String> federated,
        List<String> canonicalUsers) {

    /** {@code "*"}. */
    public static final PrincipalSpec EVERYONE = new PrincipalSpec(true, List.of(), List.of(), List.of(), List.of());

    public PrincipalSpec {
        aws = List.copyOf(Objects.requireNonNull(aws, "aws"));
        services = List.copyOf(Objects.requireNonNull(services, "services"));
        federated = List.copyOf(Objects.requireNonNull(federated, "federated"));
        canonicalUsers = List.copyOf(Objects.requireNonNull(canonicalUsers, "canonicalUsers"));
    }

    /** Whether this names everyone: {@code "*"} or an {@code AWS} value {@code "*"} (the two are equivalent). */
    public boolean isEveryone() {
        if (wildcard) {
            return true;
        }
        for (AwsPrincipal p : aws) {
            if (p.kind() == AwsPrincipal.Kind.ALL) {
                return true;
            }
        }
        return false;
    }
}
