package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.FunctionUrlCallers;
import dev.iamatlas.model.rules.Nodes;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code LAMBDA_PUBLIC_INVOKE}: anyone may invoke — the resource policy lets {@code "*"} invoke with no condition
 * that limits who (the evaluator, asked as any principal of any account, allows it outright), or a function URL has
 * AuthType NONE and a policy that lets the Internet call it with no condition that limits who — including a policy
 * that grants only {@code lambda:InvokeFunctionUrl}, whose URL may still answer ({@link FunctionUrlCallers#opensToInternet}).
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Control access to Lambda function URLs</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html">Lambda resource-based policies</a>
 */
public final class PublicInvoke extends BaseFunctionDetector {

    @Override
    public String ruleId() {
        return RuleCatalogue.LAMBDA_PUBLIC_INVOKE;
    }

    @Override
    void detect(LambdaFunction f, FindingContext ctx) {
        for (LambdaPolicies.Target t : LambdaPolicies.targets(f)) {
            for (AccessEdge e : ctx.incoming(t.arn())) {
                if (e.type() == EdgeType.CAN_INVOKE && e.sourceId().equals(NodeIds.ANY_AWS_PRINCIPAL)
                        && "ALLOWED".equals(e.attribute(AccessEdge.RESOURCE_SIDE))) {
                    String sids = e.attribute(AccessEdge.STATEMENT_IDS) == null ? "" : e.attribute(AccessEdge.STATEMENT_IDS);
                    List<String> commands = new ArrayList<>();
                    for (String sid : sids.split(",")) {
                        if (!sid.isEmpty() && !sid.startsWith("#")) {
                            commands.add(Fixes.removePermission(t.arn(), sid));
                        }
                    }
                    ctx.report(finding(sids, Severity.HIGH, "Statement " + sids + " of " + t.name() + "'s policy lets"
                            + " any AWS principal (\"*\") invoke it, with no condition that limits who.", t.arn(), "*",
                            List.of(e), List.of(e.explanation()), new Fix("Remove the public statement (or limit it to"
                                    + " named principals with aws:PrincipalOrgID)", commands, null,
                                    "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html")));
                }
            }
        }
        for (FunctionUrlConfig url : f.urlConfigs()) {
            if (!"NONE".equalsIgnoreCase(url.authType())) {
                continue;
            }
            String urlId = Nodes.urlId(url);
            for (AccessEdge e : ctx.incoming(urlId)) {
                if (!FunctionUrlCallers.opensToInternet(e)) {
                    continue;
                }
                String target = url.qualifier() == null ? f.arn() : f.arn() + ":" + url.qualifier();
                List<String> commands = new ArrayList<>();
                commands.add("aws lambda update-function-url-config --function-name " + Fixes.q(f.arn())
                        + (url.qualifier() == null ? "" : " --qualifier " + Fixes.q(url.qualifier()))
                        + " --auth-type AWS_IAM --region " + f.region());
                for (String sid : publicUrlStatements(ctx, f, url)) {
                    commands.add(Fixes.removePermission(target, sid));
                }
                String name = ctx.node(urlId).map(Node::label).orElse(urlId);
                ctx.report(finding("url", Severity.HIGH, name + " (" + (url.functionUrl() == null ? target : url.functionUrl())
                        + ") has AuthType NONE and its policy lets anyone call it: the function runs for any caller on"
                        + " the Internet" + (e.status() == EdgeStatus.CONDITIONAL
                                ? " whenever AWS accepts the URL without lambda:InvokeFunction (" + e.evidence().notes().get(0)
                                        + ")"
                                : "") + ".", target, "*", List.of(e), List.of(e.explanation()),
                        new Fix("Require IAM authentication on the URL and remove the public permission", commands, null,
                                RuleCatalogue.require(ruleId()).documentation())));
            }
        }
    }

    private static List<String> publicUrlStatements(FindingContext ctx, LambdaFunction f, FunctionUrlConfig url) {
        PolicyText text = f.resourcePolicy();
        if (url.qualifier() != null) {
            for (FunctionAlias a : f.aliases()) {
                if (a.name().equals(url.qualifier())) {
                    text = a.resourcePolicy();
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        ParsedPolicy policy = ctx.parse(text);
        if (!policy.valid()) {
            return out;
        }
        for (Statement s : policy.document().statements()) {
            if (s.effect() == Effect.ALLOW && s.principal() != null && s.principal().isEveryone() && s.sid() != null
                    && (ParsedPolicy.mayAllowAction(s, "lambda:invokefunctionurl")
                            || ParsedPolicy.mayAllowAction(s, "lambda:invokefunction".toLowerCase(Locale.ROOT)))) {
                out.add(s.sid());
            }
        }
        return out;
    }
}
