package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code LAMBDA_CROSS_ACCOUNT_INVOKE}: an account other than the function's own, or a principal of one, may invoke
 * the function, alias or version — the resource side lets it in (its CAN_INVOKE edge's resource side is ALLOWED,
 * MEDIUM, or CONDITIONAL on conditions such as {@code aws:PrincipalOrgID}, LOW).
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html">Granting function access to other accounts</a>
 */
public final class CrossAccountInvoke extends BaseFunctionDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.LAMBDA_CROSS_ACCOUNT_INVOKE;
    }

    @Override
    void detect(LambdaFunction f, FindingContext ctx) {
        for (LambdaPolicies.Target t : LambdaPolicies.targets(f)) {
            for (AccessEdge e : ctx.incoming(t.arn())) {
                if (e.type() != EdgeType.CAN_INVOKE) {
                    continue;
                }
                Node caller = ctx.node(e.sourceId()).orElse(null);
                if (caller == null || caller.account() == null || caller.account().equals(ctx.account())) {
                    continue;
                }
                String side = e.attribute(AccessEdge.RESOURCE_SIDE);
                EdgeStatus resourceSide = side == null ? e.status() : EdgeStatus.valueOf(side);
                if (resourceSide == EdgeStatus.DENIED) {
                    continue;
                }
                Severity severity = resourceSide == EdgeStatus.ALLOWED ? Severity.MEDIUM : Severity.LOW;
                String sids = e.attribute(AccessEdge.STATEMENT_IDS) == null ? "" : e.attribute(AccessEdge.STATEMENT_IDS);
                List<String> commands = new ArrayList<>();
                for (String sid : sids.split(",")) {
                    if (!sid.isEmpty() && !sid.startsWith("#")) {
                        commands.add(Fixes.removePermission(t.arn(), sid));
                    }
                }
                String who = caller.kind() == dev.iamatlas.model.graph.NodeKind.AWS_ACCOUNT ? "Account " + caller.account()
                        : caller.label() + " (account " + caller.account() + ")";
                ctx.report(finding(sids, severity, who + " may invoke "
                        + t.name() + " (statement " + sids + ")" + (resourceSide == EdgeStatus.CONDITIONAL
                                ? ", under conditions the snapshot cannot decide" : "") + ".", t.arn(), caller.id(),
                        List.of(e), List.of(e.explanation()), new Fix("If this access is not intended, remove the"
                                + " statement; otherwise keep it to one principal and add an aws:PrincipalOrgID condition",
                                commands, null, RuleCatalogue.require(ruleId()).documentation())));
            }
        }
    }
}
