package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.ScanGap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionUrlConfigsResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;

/**
 * Reads Lambda in one region:
 * <ul>
 *   <li>{@code ListFunctions} with {@code FunctionVersion=ALL} (50 a page): every function and published version,
 *       each version with the execution role frozen into it;</li>
 *   <li>per function: {@code ListAliases}, {@code ListFunctionUrlConfigs} (function and alias URLs), and
 *       {@code GetPolicy} for the function, each alias and each published version (there is no call that says
 *       which versions have a policy, so each is asked; {@link ScanRequest#versionPolicies()} switches that off).</li>
 * </ul>
 * Work is pipelined: each page's functions are handed to the control-plane and GetPolicy lanes while the next page
 * is read, so both quotas (15 requests a second each) stay busy.
 *
 * <p>Absence: {@code GetPolicy} answering 404 {@code ResourceNotFoundException} means "no policy" (null, not a gap).
 * A function deleted between the list and the detail calls ({@code ListAliases} answers 404) is dropped: it no
 * longer exists, so it grants nothing. An endpoint without {@code ListFunctionUrlConfigs} (404 that is not an AWS
 * "not found") is asked {@code GetFunctionUrlConfig} for the function and each alias instead.
 */
final class LambdaCollector {
    static final String SERVICE = "lambda";
    private static final String CONTROL = "control-plane";
    private static final String POLICY = "GetPolicy";

    private final ScanContext ctx;
    private final LambdaClient lambda;
    private final String region;
    private final boolean versionPolicies;
    private final Map<String, FunctionState> functions = new LinkedHashMap<>();
    private final AtomicLong versionCount = new AtomicLong();
    /** Whether the endpoint implements ListFunctionUrlConfigs: null until known. */
    private volatile Boolean urlListSupported;

    LambdaCollector(ScanContext ctx, LambdaClient lambda, String region, boolean versionPolicies) {
        this.ctx = ctx;
        this.lambda = lambda;
        this.region = region;
        this.versionPolicies = versionPolicies;
    }

    void start() {
        ctx.progress.register(SERVICE, region);
        ctx.submit(SERVICE, region, CONTROL, () -> listFunctions(null, 1));
    }

    private void listFunctions(String marker, int page) {
        var result = ctx.call(SERVICE, region, "ListFunctions", marker == null ? null : "page " + page,
                () -> lambda.listFunctions(r -> r.functionVersion("ALL").maxItems(50).marker(marker)));
        if (!result.ok()) {
            return;
        }
        ListFunctionsResponse response = result.value();
        for (FunctionConfiguration config : response.functions()) {
            accept(config);
        }
        if (response.nextMarker() != null && !response.nextMarker().isEmpty()) {
            ctx.submit(SERVICE, region, CONTROL, () -> listFunctions(response.nextMarker(), page + 1));
        } else if (!versionPolicies && versionCount.get() > 0) {
            ctx.gap(new ScanGap(SERVICE, region, "GetPolicy", "published versions", "Skipped",
                    "resource policies of " + versionCount.get() + " published versions were not read "
                            + "(version policies switched off)"));
        }
    }

    private void accept(FunctionConfiguration config) {
        String arn = unqualified(config.functionArn());
        String name = config.functionName();
        boolean isNew;
        FunctionState state;
        synchronized (functions) {
            state = functions.get(arn);
            isNew = state == null;
            if (isNew) {
                state = new FunctionState(arn, name);
                functions.put(arn, state);
            }
        }
        String version = config.version() == null ? "$LATEST" : config.version();
        if ("$LATEST".equals(version)) {
            state.latest = config;
        } else {
            FunctionState target = state;
            VersionState v = new VersionState(version, arn + ":" + version, config.role());
            synchronized (state) {
                state.versions.put(version, v);
            }
            versionCount.incrementAndGet();
            if (versionPolicies) {
                ctx.submit(SERVICE, region, POLICY, () -> v.policy = policy(target, version));
            }
        }
        if (isNew) {
            ctx.progress.found(SERVICE, region, 1);
            FunctionState target = state;
            ctx.submit(SERVICE, region, POLICY, () -> target.policy = policy(target, null));
            ctx.submit(SERVICE, region, CONTROL, () -> details(target));
        }
    }

    /** The policy of the function or one qualifier; null when it has none (or the function is gone). */
    private PolicyText policy(FunctionState function, String qualifier) {
        String resource = qualifier == null ? function.arn : function.arn + ":" + qualifier;
        var result = ctx.call(SERVICE, region, "GetPolicy", resource,
                () -> lambda.getPolicy(r -> r.functionName(function.name).qualifier(qualifier)));
        return result.ok() && result.value().policy() != null ? PolicyText.of(result.value().policy()) : null;
    }

    /** Aliases (and their policies) then function URLs, one function at a time on the control-plane lane. */
    private void details(FunctionState function) {
        String marker = null;
        do {
            String pageMarker = marker;
            var result = ctx.call(SERVICE, region, "ListAliases", function.arn,
                    () -> lambda.listAliases(r -> r.functionName(function.name).maxItems(10_000).marker(pageMarker)));
            if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
                function.deleted = true;
                return;
            }
            if (!result.ok()) {
                break;
            }
            ListAliasesResponse response = result.value();
            for (AliasConfiguration alias : response.aliases()) {
                AliasState a = new AliasState(alias);
                synchronized (function) {
                    function.aliases.add(a);
                }
                ctx.submit(SERVICE, region, POLICY, () -> a.policy = policy(function, alias.name()));
            }
            marker = response.nextMarker();
        } while (marker != null && !marker.isEmpty());
        urls(function);
    }

    private void urls(FunctionState function) {
        if (!Boolean.FALSE.equals(urlListSupported)) {
            String marker = null;
            do {
                String pageMarker = marker;
                var result = ctx.tryCall(SERVICE, region, "ListFunctionUrlConfigs", function.arn,
                        () -> lambda.listFunctionUrlConfigs(r -> r.functionName(function.name).maxItems(50)
                                .marker(pageMarker)));
                if (result.outcome() == ScanContext.Outcome.UNSUPPORTED && !Boolean.TRUE.equals(urlListSupported)) {
                    urlListSupported = false;
                    break;
                }
                if (result.outcome() == ScanContext.Outcome.NOT_FOUND) {
                    function.deleted = true;
                    return;
                }
                if (!result.ok()) {
                    if (result.outcome() != ScanContext.Outcome.CANCELLED) {
                        ctx.gapFor(SERVICE, region, "ListFunctionUrlConfigs", function.arn, result.error());
                    }
                    return;
                }
                urlListSupported = true;
                ListFunctionUrlConfigsResponse response = result.value();
                response.functionUrlConfigs().forEach(u -> function.addUrl(new FunctionUrlConfig(u.functionUrl(),
                        u.functionArn(), qualifierOf(u.functionArn()), u.authTypeAsString(), u.invokeModeAsString())));
                marker = response.nextMarker();
            } while (marker != null && !marker.isEmpty());
            if (!Boolean.FALSE.equals(urlListSupported)) {
                return;
            }
        }
        List<String> qualifiers = new ArrayList<>();
        qualifiers.add(null);
        synchronized (function) {
            function.aliases.forEach(a -> qualifiers.add(a.name));
        }
        for (String qualifier : qualifiers) {
            String resource = qualifier == null ? function.arn : function.arn + ":" + qualifier;
            var result = ctx.call(SERVICE, region, "GetFunctionUrlConfig", resource,
                    () -> lambda.getFunctionUrlConfig(r -> r.functionName(function.name).qualifier(qualifier)));
            if (result.ok()) {
                var u = result.value();
                String functionArn = u.functionArn() != null ? u.functionArn() : resource;
                function.addUrl(new FunctionUrlConfig(u.functionUrl(), functionArn, qualifierOf(functionArn),
                        u.authTypeAsString(), u.invokeModeAsString()));
            }
        }
    }

    /** Adds the region's functions, in the order Lambda listed them. */
    void contributeTo(AccountSnapshot.Builder snapshot) {
        List<FunctionState> states;
        synchronized (functions) {
            states = new ArrayList<>(functions.values());
        }
        for (FunctionState state : states) {
            if (!state.deleted) {
                snapshot.function(state.build(region));
            }
        }
    }

    static String unqualified(String arn) {
        // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
        String[] parts = arn.split(":", -1);
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
    }

    static String qualifierOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", -1);
        return parts.length > 7 && !parts[7].isEmpty() && !"$LATEST".equals(parts[7]) ? parts[7] : null;
    }

    private static final class FunctionState {
        final String arn;
        final String name;
        volatile FunctionConfiguration latest;
        volatile PolicyText policy;
        volatile boolean deleted;
        final Map<String, VersionState> versions = new LinkedHashMap<>();
        final List<AliasState> aliases = new ArrayList<>();
        final List<FunctionUrlConfig> urls = new ArrayList<>();

        FunctionState(String arn, String name) {
            this.arn = arn;
            this.name = name;
        }

        synchronized void addUrl(FunctionUrlConfig url) {
            boolean known = urls.stream().anyMatch(u -> u.functionArn().equals(url.functionArn())
                    && java.util.Objects.equals(u.functionUrl(), url.functionUrl()));
            if (!known) {
                urls.add(url);
            }
        }

        synchronized LambdaFunction build(String region) {
            LambdaFunction.Builder b = LambdaFunction.builder(arn, name, region).resourcePolicy(policy);
            FunctionConfiguration c = latest;
            if (c != null) {
                b.runtime(c.runtimeAsString()).handler(c.handler()).description(emptyToNull(c.description()))
                        .roleArn(c.role()).lastModified(c.lastModified());
            }
            versions.values().stream()
                    .sorted(Comparator.comparingLong(v -> versionNumber(v.version)))
                    .forEach(v -> b.version(new FunctionVersion(v.version, v.arn, v.roleArn, v.policy)));
            aliases.forEach(a -> b.alias(new FunctionAlias(a.name, a.arn, a.functionVersion, a.weights, a.policy)));
            urls.forEach(b::urlConfig);
            return b.build();
        }
    }

    private static final class VersionState {
        final String version;
        final String arn;
        final String roleArn;
        volatile PolicyText policy;

        VersionState(String version, String arn, String roleArn) {
            this.version = version;
            this.arn = arn;
            this.roleArn = roleArn;
        }
    }

    private static final class AliasState {
        final String name;
        final String arn;
        final String functionVersion;
        final Map<String, Double> weights;
        volatile PolicyText policy;

        AliasState(AliasConfiguration alias) {
            this.name = alias.name();
            this.arn = alias.aliasArn();
            this.functionVersion = alias.functionVersion();
            this.weights = alias.routingConfig() == null ? Map.of()
                    : alias.routingConfig().additionalVersionWeights();
        }
    }

    private static long versionNumber(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
