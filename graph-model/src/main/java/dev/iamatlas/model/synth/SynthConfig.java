package dev.iamatlas.model.synth;

/**
 * The size and seed of a synthetic account. The benchmark account of the design (10,000 roles, 5,000 functions,
 * 1,000 APIs with 20,000 routes and 20,000 policies) is {@link #benchmark(long)}.
 *
 * @param functions Lambda functions
 * @param roles IAM roles, execution roles included (roles are shared when there are fewer roles than functions)
 * @param apis API Gateway APIs, REST and HTTP/WebSocket
 * @param routes REST methods plus HTTP/WebSocket routes, over all APIs; at least one per API
 * @param policies policy documents as {@link SyntheticAccounts#policyCount} counts them; a target that the
 *     generator meets exactly unless the rest of the account already needs more
 * @param seed the same seed (and sizes) gives the same account, byte for byte
 * @param accountId the 12-digit account id
 */
public record SynthConfig(int functions, int roles, int apis, int routes, int policies, long seed, String accountId) {

    /** Functions in the benchmark account. */
    public static final int DEFAULT_FUNCTIONS = 5_000;
    /** Roles in the benchmark account. */
    public static final int DEFAULT_ROLES = 10_000;
    /** APIs in the benchmark account. */
    public static final int DEFAULT_APIS = 1_000;
    /** Routes per API on average, when not given. */
    public static final int ROUTES_PER_API = 20;
    /** Policies per role, when not given. */
    public static final int POLICIES_PER_ROLE = 2;
    /** The account id used unless another is given. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    public SynthConfig {
        requireAtLeast("functions", functions, 0);
        requireAtLeast("roles", roles, functions > 0 ? 1 : 0);
        requireAtLeast("apis", apis, 0);
        requireAtLeast("routes", routes, apis);
        requireAtLeast("policies", policies, 0);
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits, got " + accountId);
        }
    }

    /**
     * A configuration with {@value #ROUTES_PER_API} routes per API and {@value #POLICIES_PER_ROLE} policies per role.
     */
    public static SynthConfig of(int functions, int roles, int apis, long seed) {
        return new SynthConfig(functions, roles, apis, apis * ROUTES_PER_API, roles * POLICIES_PER_ROLE, seed,
                DEFAULT_ACCOUNT);
    }

    /** The benchmark account: 5,000 functions, 10,000 roles, 1,000 APIs, 20,000 routes, 20,000 policies. */
    public static SynthConfig benchmark(long seed) {
        return of(DEFAULT_FUNCTIONS, DEFAULT_ROLES, DEFAULT_APIS, seed);
    }

    /** The same sizes multiplied by {@code factor} (at least one function, role and API), for scaling figures. */
    public SynthConfig scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("factor must be positive, got " + factor);
        }
        int f = Math.max(1, (int) Math.round(functions * factor));
        int r = Math.max(1, (int) Math.round(roles * factor));
        int a = Math.max(1, (int) Math.round(apis * factor));
        return new SynthConfig(f, r, a, Math.max(a, (int) Math.round(routes * factor)),
                (int) Math.round(policies * factor), seed, accountId);
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }
}
