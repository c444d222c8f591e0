package dev.iamatlas.app.cli;

import dev.iamatlas.model.evaluation.Decision;
import dev.iamatlas.model.evaluation.DefaultPolicyEvaluator;
import dev.iamatlas.model.evaluation.EvaluationRequest;
import dev.iamatlas.model.evaluation.NamedPolicy;
import dev.iamatlas.model.evaluation.Outcome;
import dev.iamatlas.model.evaluation.PolicyEvaluator;
import dev.iamatlas.model.policy.PolicyParser;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas bench evaluator}: evaluations per second on one thread, for a simple request
 * and for a condition-heavy one. Figures are recorded in {@code docs/performance.md}.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Micro-benchmarks. 'bench evaluator' measures policy evaluations per second on one thread.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "What to measure: evaluator.")
    String what;

    @Option(names = "--seconds", description = "Measurement time per scenario (default: ${DEFAULT-VALUE}).", defaultValue = "3")
    double seconds;

    private static final String ACCOUNT = "111122223333";

    @Override
    public Integer call() {
        if (!what.equals("evaluator")) {
            throw new IllegalArgumentException("bench: unknown benchmark '" + what + "' (known: evaluator)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PolicyEvaluator evaluator = new DefaultPolicyEvaluator();
        out.printf(Locale.ROOT, "java %s, %s %s, %d cores available%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        report(out, "simple (identity + resource policy, 4 statements)", evaluator, simple());
        report(out, "condition-heavy (12 conditions, variables, SCPs)", evaluator, conditionHeavy());
        out.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private void report(PrintWriter out, String name, PolicyEvaluator evaluator, EvaluationRequest request) {
        Outcome expected = evaluator.evaluate(request).outcome();
        long nanos = (long) (seconds * 1e9);
        run(evaluator, request, Math.max(nanos / 3, 300_000_000L)); // warm-up: let the JIT compile the hot path
        long start = System.nanoTime();
        long count = run(evaluator, request, nanos);
        double elapsed = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%-52s %,14.0f evaluations/s  (%s)%n", name, count / elapsed, expected);
        out.flush();
    }

    private static long run(PolicyEvaluator evaluator, EvaluationRequest request, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        int allows = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                Decision d = evaluator.evaluate(request);
                if (d.outcome() == Outcome.ALLOW) {
                    allows++;
                }
            }
            count += 10_000;
        }
        if (allows == -1) {
            throw new IllegalStateException(); // keeps the JIT from discarding the loop
        }
        return count;
    }

    private static NamedPolicy policy(String label, String json) {
        return new NamedPolicy(label, PolicyParser.parse(json));
    }

    static EvaluationRequest simple() {
        return EvaluationRequest.builder()
                .principal("arn:aws:sts::" + ACCOUNT + ":assumed-role/app/session")
                .action("lambda:InvokeFunction")
                .resource("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders")
                .identityPolicy(policy("role/app inline", "{\"Version\":\"2012-10-17\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::bucket/*\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}"))
                .resourcePolicy(policy("function orders", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"apigw\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\","
                        + "\"Resource\":\"arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders\"}]}"))
                .build();
    }

    static EvaluationRequest conditionHeavy() {
        String conditions = "\"Condition\":{"
                + "\"StringEquals\":{\"aws:PrincipalAccount\":\"" + ACCOUNT + "\",\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]},"
                + "\"StringLike\":{\"aws:PrincipalTag/team\":[\"pay*\",\"ord?rs\"]},"
                + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:execute-api:us-east-1:" + ACCOUNT + ":*/prod/*/orders\"},"
                + "\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\"]},"
                + "\"NumericLessThan\":{\"s3:max-keys\":\"100\"},"
                + "\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"},"
                + "\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                + "\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\",\"env\",\"owner\"]},"
                + "\"StringEqualsIfExists\":{\"aws:ResourceTag/owner\":\"${aws:username}\"},"
                + "\"Null\":{\"aws:TokenIssueTime\":\"false\"}}";
        List<List<NamedPolicy>> scps = List.of(
                List.of(policy("FullAWSAccess", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")),
                List.of(policy("ou guardrail", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":[\"us-east-1\",\"eu-west-1\"]}}}]}")));
        return EvaluationRequest.builder()
                .principal("arn:aws:iam::" + ACCOUNT + ":user/alice")
                .action("s3:ListBucket")
                .resource("arn:aws:s3:::bucket-alice")
                .context("aws:PrincipalAccount", ACCOUNT)
                .context("aws:RequestedRegion", "us-east-1")
                .context("aws:PrincipalTag/team", "payments")
                .context("aws:SourceArn", "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":abc123/prod/GET/orders")
                .context("aws:SourceIp", "10.1.2.3")
                .context("s3:max-keys", "50")
                .context("aws:CurrentTime", "2024-06-01T12:00:00Z")
                .context("aws:SecureTransport", "true")
                .context("aws:TagKeys", "team", "env")
                .context("aws:username", "alice")
                .context("aws:TokenIssueTime", "2024-06-01T11:00:00Z")
                .identityPolicy(policy("user/alice inline", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"s3:List*\",\"s3:Get*\"],\"Resource\":\"arn:aws:s3:::bucket-${aws:username}\"," + conditions + "}]}"))
                .scps(scps)
                .build();
    }
}
