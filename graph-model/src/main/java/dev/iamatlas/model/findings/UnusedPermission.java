package dev.iamatlas.model.findings;

import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code UNUSED_LAMBDA_PERMISSION}: a statement lets API Gateway invoke from a source that is not in the account —
 * its {@code aws:SourceArn} names an API id that does not exist, or no stage, method, route or authorizer of that
 * API matches it (asked of the policy evaluator, one source ARN at a time). Sources in other accounts, or in regions
 * the scan did not cover, are left alone.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html">Lambda resource-based policies</a>
 */
public final class UnusedPermission extends BaseFunctionDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.UNUSED_LAMBDA_PERMISSION;
    }

    @Override
    void detect(LambdaFunction f, FindingContext ctx) {
        List<String> regions = ctx.run().index().snapshot().metadata().regions();
        for (LambdaPolicies.Target t : LambdaPolicies.targets(f)) {
            ParsedPolicy policy = ctx.parse(t.policy());
            for (Statement s : LambdaPolicies.serviceInvokeStatements(policy, "apigateway.amazonaws.com")) {
                List<String> patterns = LambdaPolicies.sourceArnPatterns(s);
                if (patterns.isEmpty()) {
                    continue;
                }
                List<String> dead = new ArrayList<>();
                boolean live = false;
                Admission admission = new Admission(policy.document(), s);
                for (String pattern : patterns) {
                    LambdaPolicies.ExecuteApiPattern p = LambdaPolicies.ExecuteApiPattern.parse(pattern);
                    if (p == null || p.anyApi() || !p.account().equals(ctx.account())
                            || (!regions.isEmpty() && !LambdaPolicies.ExecuteApiPattern.wild(p.region())
                                    && !regions.contains(p.region()))) {
                        live = true;
                        continue;
                    }
                    if (!apiExists(p.apiId(), ctx)) {
                        dead.add(pattern + " (API " + p.apiId() + " does not exist)");
                        continue;
                    }
                    boolean matched = false;
                    for (String candidate : sourceArns(p.apiId(), region(t.arn()), ctx)) {
                        if (admits(admission, t.arn(), candidate, ctx.account())) {
                            matched = true;
                            break;
                        }
                    }
                    if (matched) {
                        live = true;
                    } else {
                        dead.add(pattern + " (no stage, method or route of API " + p.apiId() + " matches)");
                    }
                }
                if (live || dead.isEmpty()) {
                    continue;
                }
                String sid = LambdaPolicies.sid(s);
                String message = "Statement " + sid + " of " + t.name() + "'s policy lets API Gateway invoke it from "
                        + String.join("; ", dead) + ": nothing in the account can use it.";
                List<String> commands = LambdaPolicies.hasSid(s) ? List.of(Fixes.removePermission(t.arn(), sid)) : List.of();
                ctx.report(finding(sid, Severity.LOW, message, t.arn(), "apigateway.amazonaws.com", List.of(),
                        List.of(s.json()), new Fix("Remove the unused statement " + sid, commands, null,
                                RuleCatalogue.require(ruleId()).documentation())));
            }
        }
    }
}
