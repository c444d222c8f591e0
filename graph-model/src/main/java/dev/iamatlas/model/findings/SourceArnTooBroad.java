package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code LAMBDA_PERMISSION_SOURCE_TOO_BROAD}: a permission for {@code apigateway.amazonaws.com} whose
 * {@code aws:SourceArn} pattern admits sources that do not integrate with the target. Severity grows with what it
 * admits: any API id, or an API id in any account when the statement would take a call from another account (HIGH:
 * APIs of other accounts can invoke; an {@code aws:SourceAccount} condition on this account prevents that), other
 * stages of the API (MEDIUM), other methods or routes (LOW). Which routes a statement admits is asked of the policy
 * evaluator, one route ARN at a time.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: Granting API Gateway access</a>
 */
public final class SourceArnTooBroad extends BaseFunctionDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.LAMBDA_PERMISSION_SOURCE_TOO_BROAD;
    }

    @Override
    void detect(LambdaFunction f, FindingContext ctx) {
        for (LambdaPolicies.Target t : LambdaPolicies.targets(f)) {
            ParsedPolicy policy = ctx.parse(t.policy());
            List<Statement> statements = LambdaPolicies.serviceInvokeStatements(policy, "apigateway.amazonaws.com");
            if (statements.isEmpty()) {
                continue;
            }
            Set<String> integrating = integratingSourceArns(t.arn(), ctx);
            java.util.Map<String, Boolean> memo = new java.util.HashMap<>();
            for (Statement s : statements) {
                check(ctx, t, policy, s, integrating, memo);
            }
        }
    }

    /**
     * Checks one statement. {@code memo} remembers, per condition set and source ARN, what the evaluator said:
     * statements of one policy that differ only in their Sid admit the same sources.
     */
    private void check(FindingContext ctx, LambdaPolicies.Target t, ParsedPolicy policy, Statement s, Set<String> integrating,
            java.util.Map<String, Boolean> memo) {
        String conditions = s.json().replaceFirst("\"Sid\":\"[^\"]*\",?", "");
        Severity worst = null;
        Admission admission = new Admission(policy.document(), s);
        Set<String> stageless = new java.util.HashSet<>();
        integrating.forEach(i -> stageless.add(stageless(i)));
        List<String> admitted = new ArrayList<>();
        Set<String> apis = new LinkedHashSet<>();
        for (String pattern : LambdaPolicies.sourceArnPatterns(s)) {
            LambdaPolicies.ExecuteApiPattern p = LambdaPolicies.ExecuteApiPattern.parse(pattern);
            if (p == null) {
                continue;
            }
            boolean anyAccount = LambdaPolicies.ExecuteApiPattern.wild(p.account());
            if (LambdaPolicies.ExecuteApiPattern.wild(p.apiId())) {
                worst = Severity.HIGH;
                admitted.add(pattern + " admits every API id" + (anyAccount ? " of every account" : " of account "
                        + p.account()));
                continue;
            }
            // A fixed API id under a wildcard account admits another account's API only if the statement lets such a
            // call through (an aws:SourceAccount condition, for one, does not): ask with another account as source.
            if (anyAccount && admits(admission, t.arn(), otherAccountSource(pattern), OTHER_ACCOUNT)) {
                worst = Severity.HIGH;
                admitted.add(pattern + " admits API id " + p.apiId() + " of every account");
                continue;
            }
            if ((!anyAccount && !p.account().equals(ctx.account())) || !apiExists(p.apiId(), ctx)) {
                continue;
            }
            apis.add(p.apiId());
            for (String candidate : sourceArns(p.apiId(), region(t.arn()), ctx)) {
                if (integrating.contains(candidate) || !memo.computeIfAbsent(conditions + "|" + candidate,
                        k -> admits(admission, t.arn(), candidate, ctx.account()))) {
                    continue;
                }
                Severity severity = stageless.contains(stageless(candidate)) ? Severity.MEDIUM : Severity.LOW;
                worst = worst == null || severity.isAtLeast(worst) ? severity : worst;
                if (admitted.size() < 10) {
                    admitted.add(candidate + (severity == Severity.MEDIUM ? " (another stage)" : " (another method or route)"));
                }
            }
        }
        if (worst == null) {
            return;
        }
        String sid = LambdaPolicies.sid(s);
        String message = "Statement " + sid + " of " + t.name() + "'s policy lets API Gateway invoke it from sources that"
                + " do not integrate with it: " + String.join("; ", admitted) + ".";
        List<String> commands = new ArrayList<>();
        if (LambdaPolicies.hasSid(s)) {
            commands.add(Fixes.removePermission(t.arn(), sid));
        }
        int n = 0;
        for (String source : integrating) {
            if (n++ == 10) {
                break;
            }
            commands.add(Fixes.addPermission(t.arn(), Fixes.statementId(sid, String.valueOf(n)), "apigateway.amazonaws.com",
                    source, ctx.account()));
        }
        List<AccessEdge> path = new ArrayList<>();
        for (AccessEdge e : ctx.incoming(t.arn())) {
            if (e.type() == EdgeType.CAN_INVOKE && e.sourceId().equals("apigateway.amazonaws.com")) {
                path.add(e);
            }
        }
        ctx.report(finding(sid, worst, message, t.arn(), "apigateway.amazonaws.com", path, List.of(s.json()),
                new Fix(integrating.isEmpty() ? "Remove the statement: no route integrates with " + t.name()
                        : "Narrow the permission to the routes that integrate with " + t.name(), commands, null,
                        RuleCatalogue.require(ruleId()).documentation())));
    }

    /** An account that is not the analysed one, as the source account of a call from another account's API. */
    static final String OTHER_ACCOUNT = "000000000000";

    /** A source ARN the pattern matches, in {@link #OTHER_ACCOUNT}: wildcards made concrete. */
    private static String otherAccountSource(String pattern) {
        String[] p = pattern.split(":", 6);
        p[4] = OTHER_ACCOUNT;
        return String.join(":", p).replace('*', 'x').replace('?', 'x');
    }

    /** A source ARN without its stage: two sources that differ only in their stage have the same. */
    private static String stageless(String sourceArn) {
        int first = sourceArn.indexOf('/');
        int second = first < 0 ? -1 : sourceArn.indexOf('/', first + 1);
        return second < 0 ? sourceArn : sourceArn.substring(0, first) + sourceArn.substring(second);
    }
}
