package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code LAMBDA_PERMISSION_NO_SOURCE}: a service principal may invoke a function, alias or version with no
 * {@code aws:SourceArn}, {@code aws:SourceAccount} or {@code aws:SourceOrgID} condition — the evaluator allows the
 * service (the CAN_INVOKE edge is ALLOWED) and the allowing statement names no source. Any resource of that service
 * in any account can then invoke the function: a confused deputy. The fix replaces the statement with one that
 * names the source: for API Gateway, the routes that integrate with the target.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html">The confused deputy problem</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions">Lambda: Granting API Gateway access</a>
 */
public final class PermissionWithoutSource extends BaseFunctionDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.LAMBDA_PERMISSION_NO_SOURCE;
    }

    @Override
    void detect(LambdaFunction f, FindingContext ctx) {
        for (LambdaPolicies.Target t : LambdaPolicies.targets(f)) {
            ParsedPolicy policy = ctx.parse(t.policy());
            for (AccessEdge e : ctx.incoming(t.arn())) {
                if (e.type() != EdgeType.CAN_INVOKE || e.status() != EdgeStatus.ALLOWED || !e.sourceId().contains(".")
                        || e.sourceId().startsWith("arn:")) {
                    continue;
                }
                String service = e.sourceId();
                Set<String> sids = Set.of(e.attribute(AccessEdge.STATEMENT_IDS) == null ? new String[0]
                        : e.attribute(AccessEdge.STATEMENT_IDS).split(","));
                for (Statement s : LambdaPolicies.serviceInvokeStatements(policy, service)) {
                    if (!sids.contains(LambdaPolicies.sid(s)) || LambdaPolicies.hasSourceCondition(s)) {
                        continue;
                    }
                    report(ctx, t, service, s, e);
                }
            }
        }
    }

    private void report(FindingContext ctx, LambdaPolicies.Target t, String service, Statement s, AccessEdge e) {
        String sid = LambdaPolicies.sid(s);
        boolean apiGateway = service.toLowerCase(Locale.ROOT).equals("apigateway.amazonaws.com");
        String message = "Statement " + sid + " lets " + service + " invoke " + t.name() + " with no aws:SourceArn or"
                + " aws:SourceAccount condition: " + (apiGateway ? "any API in any AWS account" : "any resource of that"
                        + " service in any AWS account") + " can be set up to invoke it.";
        List<String> commands = new ArrayList<>();
        if (LambdaPolicies.hasSid(s)) {
            commands.add(Fixes.removePermission(t.arn(), sid));
        }
        String summary;
        if (apiGateway) {
            List<String> sources = new ArrayList<>(integratingSourceArns(t.arn(), ctx));
            if (sources.isEmpty()) {
                summary = "Remove the statement: no route of this account integrates with " + t.name();
            } else {
                summary = "Replace the statement with one permission per route that integrates with " + t.name();
                int n = 0;
                for (String source : sources) {
                    if (n++ == 10) {
                        break;
                    }
                    commands.add(Fixes.addPermission(t.arn(), Fixes.statementId(sid, "route", String.valueOf(n)), service,
                            source, ctx.account()));
                }
            }
        } else {
            summary = "Replace the statement with one limited to this account (and, better, to the source resource's"
                    + " ARN with --source-arn)";
            commands.add(Fixes.addPermission(t.arn(), sid, service, null, ctx.account()));
        }
        ctx.report(finding(sid, Severity.HIGH, message, t.arn(), service, List.of(e), List.of(s.json()),
                new Fix(summary, commands, null, RuleCatalogue.require(ruleId()).documentation())));
    }
}
