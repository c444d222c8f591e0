package dev.iamatlas.app.scan;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The {@link AwsScanner} over the AWS SDK for Java v2. It identifies the account (STS {@code GetCallerIdentity}),
 * then runs every collector at once, IAM and Organizations once, Lambda, REST APIs and HTTP/WebSocket APIs per
 * region, each call paced by its quota's token bucket ({@link RateLimits}), retried by {@link RetryPolicy}, counted
 * and guarded read-only by {@link ScanInterceptor}. When everything has finished (or the scan is cancelled) it
 * assembles the snapshot from what the collectors gathered.
 */
final class SdkAwsScanner implements AwsScanner {
    private static final System.Logger LOG = System.getLogger(SdkAwsScanner.class.getName());
    private static final Duration REPORT_EVERY = Duration.ofMillis(250);

    @Override
    public AccountSnapshot scan(ScanRequest request, ScanListener listener, CancellationToken cancellation) {
        Objects.requireNonNull(request, "request");
        ScanListener safeListener = safe(listener == null ? ScanListener.NONE : listener);
        CancellationToken token = cancellation == null ? CancellationToken.create() : cancellation;
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        ApiCallCounter counter = new ApiCallCounter();
        Pacer pacer = new Pacer(request.tuning().rateScale());
        ScanInterceptor interceptor = new ScanInterceptor(pacer, counter, token);

        try (ClientFactory clients = new ClientFactory(request, interceptor)) {
            String configuredRegion = AwsProfiles.defaultRegion(request.profile()).orElse(null);
            Region home = Region.of(!request.regions().isEmpty() ? request.regions().get(0)
                    : configuredRegion != null ? configuredRegion : "us-east-1");
            AwsCredentialsProvider credentials = Credentials.resolve(request, clients::stsWith, home);
            clients.credentials(credentials);
            GetCallerIdentityResponse identity = identify(clients, credentials, home);
            String partition = partitionOf(identity.arn());
            List<String> regions = regions(request, configuredRegion, partition);
            LOG.log(Level.DEBUG, "scanning account {0} in {1}", identity.account(), regions);

            ScanContext ctx = new ScanContext(token, counter, safeListener, request.tuning().threadsPerLane());
            ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "iam-atlas-scan-progress");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Run run = new Run(ctx, identity, partition, regions, startedAt, startNanos);
                run.collectors(request, clients, credentials, pacer);
                reporter.scheduleWithFixedDelay(() -> safeListener.progress(run.progress(false, false)),
                        0, REPORT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                boolean complete = run.execute();
                reporter.shutdownNow();
                awaitQuietly(reporter);
                AccountSnapshot snapshot = run.snapshot(complete);
                safeListener.progress(run.progress(true, complete));
                LOG.log(Level.DEBUG, "scan of {0} {1}: {2} calls {3}, {4} throttled answers, {5} gaps",
                        identity.account(), complete ? "finished" : "cancelled", counter.total(),
                        counter.byOperation(), pacer.throttles(), ctx.gapCount());
                return snapshot;
            } finally {
                reporter.shutdownNow();
                ctx.stop(Duration.ZERO);
            }
        }
    }

    /** One scan once the account is known: its collectors, how to run them and how to assemble the snapshot. */
    private static final class Run {
        private final ScanContext ctx;
        private final GetCallerIdentityResponse identity;
        private final String partition;
        private final List<String> regions;
        private final Instant startedAt;
        private final long startNanos;
        private IamCollector iam;
        private OrganizationsCollector organizations;
        private final List<LambdaCollector> lambdas = new ArrayList<>();
        private final List<RestApiCollector> restApis = new ArrayList<>();
        private final List<HttpApiCollector> httpApis = new ArrayList<>();

        Run(ScanContext ctx, GetCallerIdentityResponse identity, String partition, List<String> regions,
                Instant startedAt, long startNanos) {
            this.ctx = ctx;
            this.identity = identity;
            this.partition = partition;
            this.regions = regions;
            this.startedAt = startedAt;
            this.startNanos = startNanos;
        }

        void collectors(ScanRequest request, ClientFactory clients, AwsCredentialsProvider credentials, Pacer pacer) {
            ctx.progress.register("sts", "global");
            ctx.progress.stepAdded("sts", "global");
            ctx.progress.stepDone("sts", "global");
            iam = new IamCollector(ctx, clients.iam(globalRegion(partition)));
            Region orgRegion = organizationsRegion(partition);
            organizations = new OrganizationsCollector(ctx, new OrganizationsJsonClient(clients.http(), credentials,
                    clients.organizationsEndpoint(orgRegion), orgRegion.id(), pacer, ctx.counter, clients.retry(),
                    ctx.cancellation), identity.account());
            for (String region : regions) {
                lambdas.add(new LambdaCollector(ctx, clients.lambda(region), region, request.versionPolicies()));
                restApis.add(new RestApiCollector(ctx, clients.apiGateway(region), region));
                httpApis.add(new HttpApiCollector(ctx, clients.apiGatewayV2(region), region));
            }
        }

        /** Starts every collector and waits; true when all finished, false when cancelled. */
        boolean execute() {
            iam.start();
            organizations.start();
            for (int i = 0; i < regions.size(); i++) {
                lambdas.get(i).start();
                restApis.get(i).start();
                httpApis.get(i).start();
            }
            boolean complete;
            try {
                complete = ctx.awaitAll(REPORT_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ctx.cancellation.cancel();
                complete = false;
            }
            if (!complete) {
                ctx.stop(Duration.ofSeconds(5));
                for (ScanProgress.ServiceProgress unfinished : ctx.progress.unfinished()) {
                    ctx.gap(new ScanGap(unfinished.service(), unfinished.region(), "scan", null, "Cancelled",
                            "the scan was cancelled before this finished (" + unfinished.done() + " of "
                                    + unfinished.total() + " steps done)"));
                }
            }
            return complete;
        }

        ScanProgress progress(boolean finished, boolean complete) {
            return ctx.progress.report(ctx.counter.total(), ctx.gapCount(),
                    Duration.ofNanos(System.nanoTime() - startNanos), finished, complete);
        }

        AccountSnapshot snapshot(boolean complete) {
            AccountSnapshot.Builder snapshot = AccountSnapshot.builder(
                    ScanMetadata.of(identity.account(), "scan", regions));
            iam.contributeTo(snapshot);
            snapshot.organization(organizations.organization());
            lambdas.forEach(c -> c.contributeTo(snapshot));
            restApis.forEach(c -> c.contributeTo(snapshot));
            httpApis.forEach(c -> c.contributeTo(snapshot));
            ctx.gaps().forEach(snapshot::gap);
            snapshot.metadata(new ScanMetadata(identity.account(), iam.accountAlias(), partition, regions, "scan",
                    toolVersion(), identity.arn(), startedAt, Instant.now(), complete, ctx.counter.byService()));
            return snapshot.build();
        }
    }

    private static GetCallerIdentityResponse identify(ClientFactory clients, AwsCredentialsProvider credentials,
            Region home) {
        try {
            credentials.resolveCredentials();
        } catch (ScanException e) {
            throw e;
        } catch (SdkException | IllegalStateException | IllegalArgumentException e) {
            String why = firstLine(e.getMessage());
            if (why.startsWith("Unable to load credentials from any of the providers in the chain")) {
                why = "none found (tried the environment, web identity, the default profile, container and instance"
                        + " credentials)";
            } else if (why.length() > 200) {
                why = why.substring(0, 200) + "...";
            }
            throw new ScanException("no usable AWS credentials: " + why
                    + "; use --profile, AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", e);
        }
        try {
            return clients.sts(home).getCallerIdentity();
        } catch (SdkException e) {
            throw new ScanException("could not identify the account with these credentials: " + AwsErrors.code(e)
                    + (AwsErrors.message(e) == null ? "" : " (" + AwsErrors.message(e) + ")"), e);
        }
    }

    private static List<String> regions(ScanRequest request, String configuredRegion, String partition) {
        if (!request.regions().isEmpty()) {
            return request.regions().stream().distinct().toList();
        }
        if (request.allRegions()) {
            return LambdaClient.serviceMetadata().regions().stream()
                    .filter(r -> !r.isGlobalRegion() && r.metadata() != null
                            && partition.equals(r.metadata().partition().id()))
                    .map(Region::id)
                    .filter(id -> !id.contains("fips"))
                    .sorted(Comparator.naturalOrder())
                    .distinct()
                    .toList();
        }
        return List.of(configuredRegion != null ? configuredRegion : "us-east-1");
    }

    static String partitionOf(String arn) {
        if (arn != null && arn.startsWith("arn:")) {
            String[] parts = arn.split(":", 3);
            if (parts.length > 1 && !parts[1].isEmpty()) {
                return parts[1];
            }
        }
        return "aws";
    }

    private static Region globalRegion(String partition) {
        return switch (partition) {
            case "aws-cn" -> Region.AWS_CN_GLOBAL;
            case "aws-us-gov" -> Region.AWS_US_GOV_GLOBAL;
            default -> Region.AWS_GLOBAL;
        };
    }

    private static Region organizationsRegion(String partition) {
        return switch (partition) {
            case "aws-cn" -> Region.CN_NORTHWEST_1;
            case "aws-us-gov" -> Region.US_GOV_WEST_1;
            default -> Region.US_EAST_1;
        };
    }

    private static ScanListener safe(ScanListener listener) {
        return new ScanListener() {
            @Override
            public synchronized void progress(ScanProgress progress) {
                try {
                    listener.progress(progress);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the scan's progress listener failed", e);
                }
            }

            @Override
            public synchronized void gap(ScanGap gap) {
                try {
                    listener.gap(gap);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "the scan's gap listener failed", e);
                }
            }
        };
    }

    private static void awaitQuietly(ScheduledExecutorService reporter) {
        try {
            reporter.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String firstLine(String text) {
        return text == null ? "unknown error" : text.lines().findFirst().orElse(text);
    }

    static String toolVersion() {
        Properties properties = new Properties();
        try (InputStream in = SdkAwsScanner.class.getResourceAsStream("/dev/iamatlas/app/version.properties")) {
            if (in == null) {
                return null;
            }
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }
}
