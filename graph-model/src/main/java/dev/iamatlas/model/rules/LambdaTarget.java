package dev.iamatlas.model.rules;

import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda function, alias or version an integration or authorizer invokes in one stage: the URI parsed
 * ({@code arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FUNCTION_ARN/invocations}, or for HTTP APIs the
 * plain function ARN), {@code ${stageVariables.x}} replaced by the stage's values, and the target looked up in the
 * snapshot together with the resource policy that governs invoking it: an alias's or version's own policy for a
 * qualified ARN, the function's for an unqualified one (and for {@code $LATEST}).
 *
 * @param configured the function ARN as configured, variables included
 * @param resolved the ARN after substituting stage variables, or null when a variable is not set
 * @param unresolvedVariables the stage variables the URI uses that the stage does not set
 * @param arn the parsed ARN, or null when unresolved or not a function ARN
 * @param function the function, or null when not in the snapshot
 * @param alias the alias named by the qualifier, or null
 * @param version the version named by the qualifier, or null
 * @param nodeId the id of the node the edge points at (the qualified ARN; for {@code $LATEST} the function's)
 * @param kind the kind of that node
 * @param resourcePolicy the policy that governs invoking the target, or null when it has none
 * @param problem why the target cannot be invoked whatever the policies say (not found, unresolved), or null
 * @param sameAccount whether the function is in the analysed account
 */
public record LambdaTarget(String configured, String resolved, List<String> unresolvedVariables,
        LambdaArns.FunctionArn arn, LambdaFunction function, FunctionAlias alias, FunctionVersion version,
        String nodeId, NodeKind kind, PolicyText resourcePolicy, String problem, boolean sameAccount) {

    private static final Pattern INVOCATION = Pattern.compile(
            "^arn:[^:]+:apigateway:[^:]+:lambda:path/[0-9-]+/functions/(.+)/invocations$");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_.-]+)}");

    /**
     * The function ARN an integration or authorizer URI names (variables not substituted), or null when the URI
     * does not invoke Lambda.
     */
    public static String functionArnOf(String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = INVOCATION.matcher(uri.trim());
        if (m.matches()) {
            return m.group(1);
        }
        if (uri.startsWith("arn:") && uri.contains(":lambda:") && uri.contains(":function:")) {
            return uri.trim();
        }
        return null;
    }

    /** Whether a URI uses stage variables. */
    public static boolean usesStageVariables(String uri) {
        return uri != null && STAGE_VARIABLE.matcher(uri).find();
    }

    /** Whether an integration type can invoke Lambda (AWS_PROXY or AWS). */
    public static boolean lambdaIntegrationType(String type) {
        return "AWS_PROXY".equalsIgnoreCase(type) || "AWS".equalsIgnoreCase(type);
    }

    /**
     * Resolves a Lambda URI for one stage and looks the target up; the function read is recorded in {@code ctx}.
     *
     * @return the target, or null when the URI does not invoke Lambda
     */
    public static LambdaTarget resolve(String uri, Map<String, String> stageVariables, UnitContext ctx) {
        String configured = functionArnOf(uri);
        if (configured == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        Matcher m = STAGE_VARIABLE.matcher(configured);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = stageVariables.get(m.group(1));
            if (value == null || value.isEmpty()) {
                missing.add(m.group(1));
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group(0)));
            } else {
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(sb);
        String substituted = sb.toString();
        if (!missing.isEmpty()) {
            LambdaArns.FunctionArn partial = LambdaArns.parse(substituted);
            String node = substituted;
            NodeKind kind = NodeKind.LAMBDA_FUNCTION;
            LambdaFunction function = null;
            if (partial != null && !partial.name().contains("${")) {
                function = ctx.function(partial.unqualified());
                node = partial.unqualified();
            }
            return new LambdaTarget(configured, null, missing, null, function, null, null, node, kind, null,
                    "stage variable " + String.join(", ", missing) + " is not set in this stage, so the URI names no function",
                    partial == null || ctx.account().equals(partial.account()));
        }
        LambdaArns.FunctionArn arn = LambdaArns.parse(substituted);
        if (arn == null) {
            return new LambdaTarget(configured, substituted, List.of(), null, null, null, null, substituted,
                    NodeKind.LAMBDA_FUNCTION, null, "the URI does not name a Lambda function ARN", true);
        }
        boolean sameAccount = ctx.account().equals(arn.account());
        LambdaFunction function = ctx.function(arn.unqualified());
        String qualifier = arn.qualifier();
        if (qualifier == null || qualifier.equals("$LATEST")) {
            String problem = function == null ? notFound(ctx, arn, "function " + arn.name()) : null;
            return new LambdaTarget(configured, substituted, List.of(), arn, function, null, null, arn.unqualified(),
                    NodeKind.LAMBDA_FUNCTION, function == null ? null : function.resourcePolicy(), problem, sameAccount);
        }
        if (function == null) {
            return new LambdaTarget(configured, substituted, List.of(), arn, null, null, null, arn.arn(),
                    arn.isVersion() ? NodeKind.LAMBDA_VERSION : NodeKind.LAMBDA_ALIAS, null,
                    notFound(ctx, arn, "function " + arn.name()), sameAccount);
        }
        SnapshotIndex index = ctx.run().index();
        if (arn.isVersion()) {
            FunctionVersion v = index.version(function, qualifier);
            return new LambdaTarget(configured, substituted, List.of(), arn, function, null, v, arn.arn(),
                    NodeKind.LAMBDA_VERSION, v == null ? null : v.resourcePolicy(),
                    v == null ? "version " + qualifier + " of " + arn.name() + " does not exist" : null, sameAccount);
        }
        FunctionAlias a = index.alias(function, qualifier);
        return new LambdaTarget(configured, substituted, List.of(), arn, function, a, null, arn.arn(),
                NodeKind.LAMBDA_ALIAS, a == null ? null : a.resourcePolicy(),
                a == null ? "alias " + qualifier + " of " + arn.name() + " does not exist" : null, sameAccount);
    }

    private static String notFound(UnitContext ctx, LambdaArns.FunctionArn arn, String what) {
        if (!ctx.account().equals(arn.account())) {
            return null;
        }
        List<String> regions = ctx.run().index().snapshot().metadata().regions();
        if (!regions.isEmpty() && !regions.contains(arn.region())) {
            return null;
        }
        return what + " does not exist in " + arn.region();
    }

    /**
     * Whether the target's permission cannot be decided from the snapshot: a function in another account, or in a
     * region the scan did not cover.
     */
    public boolean outsideSnapshot() {
        return problem == null && function == null && arn != null;
    }

    /** The ARN API Gateway invokes: the qualified ARN as resolved ({@code $LATEST} counts as unqualified). */
    public String invokedArn() {
        if (arn == null) {
            return resolved != null ? resolved : configured;
        }
        return "$LATEST".equals(arn.qualifier()) ? arn.unqualified() : arn.arn();
    }

    /** How evidence names the governing policy: "function orders resource policy", "alias orders:live resource policy". */
    public String policyLabel() {
        if (alias != null) {
            return "alias " + arn.name() + ":" + alias.name() + " resource policy";
        }
        if (version != null) {
            return "version " + arn.name() + ":" + version.version() + " resource policy";
        }
        return "function " + (arn == null ? configured : arn.name()) + " resource policy";
    }
}
