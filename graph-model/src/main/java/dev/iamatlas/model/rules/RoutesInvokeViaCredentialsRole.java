package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.IamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * USES_CREDENTIALS_ROLE and INVOKES_VIA_ROLE: an integration (or Lambda authorizer) that names a credentials role.
 * API Gateway assumes the role — its trust policy must let {@code apigateway.amazonaws.com} call
 * {@code sts:AssumeRole} — and calls Lambda with the role's credentials, so the role must be allowed
 * {@code lambda:InvokeFunction} on the function (identity policies, boundary, SCPs, and the function's policy for
 * denies). The function's resource policy need not name API Gateway on this path. Credentials
 * {@code arn:aws:iam::*:user/*} pass the caller's own credentials: the caller needs the permission (CONDITIONAL).
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-lambda.html">API Gateway: Lambda integration with an IAM role</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html">IAM roles: trust policies</a>
 */
public final class RoutesInvokeViaCredentialsRole extends BaseApiRule {

    @Override
    public String name() {
        return "RoutesInvokeViaCredentialsRole";
    }

    @Override
    void compute(ApiSubjects.Api api, UnitContext ctx) {
        for (ApiRoutes.Route route : api.routes()) {
            ApiRoutes.Integration i = route.integration();
            if (!LambdaInvocations.invokesLambda(i)
                    || !(LambdaInvocations.usesRole(i.credentials()) || LambdaInvocations.isCallerPassthrough(i.credentials()))) {
                continue;
            }
            ctx.node(Nodes.route(route, ctx.partition(), ctx.account()));
            LambdaTarget target = LambdaTarget.resolve(i.uri(), route.stageVariables(), ctx);
            String what = "for " + route.displayName() + " in stage " + route.stage();
            // The trust policy sees the same aws:SourceArn as a Lambda permission would (ANY kept for REST); no AWS
            // page says it moves to the function's region, so it stays in the API's.
            emit(ctx, route.arn(), i.credentials(), target, route.lambdaSourceArns(), route, what, null, route.stage());
        }
        for (ApiRoutes.Authorizer a : api.authorizers()) {
            if (!a.lambda() || LambdaTarget.functionArnOf(a.uri()) == null || !LambdaInvocations.usesRole(a.credentials())) {
                continue;
            }
            ctx.node(Nodes.authorizer(a, api.v2(), ctx.partition(), ctx.account(), api.region()));
            String name = a.name() != null ? a.name() : a.id();
            for (ApiSubjects.StagedTarget t : api.authorizerTargets(a, ctx)) {
                emit(ctx, a.arn(), a.credentials(), t.target(), Map.of("", a.arn()), null, "as Lambda authorizer " + name
                        + (t.stage() == null ? "" : " in stage " + t.stage()), t.stage(), t.stage());
            }
        }
    }

    private static void emit(UnitContext ctx, String from, String credentials, LambdaTarget target,
            Map<String, String> sourceArns, ApiRoutes.Route route, String what, String discriminator, String stage) {
        LambdaInvocations.targetNode(ctx, target);
        String targetName = LambdaInvocations.targetName(target);
        String functionArn = target.resolved() != null ? target.resolved() : target.configured();
        if (LambdaInvocations.isCallerPassthrough(credentials)) {
            String note = "API Gateway calls Lambda with the caller's own credentials (" + credentials
                    + "): each caller needs lambda:InvokeFunction on " + target.invokedArn() + " in its own policies";
            AccessEdge.Builder b = target.problem() != null
                    ? LambdaInvocations.unresolvable(EdgeType.INVOKES_VIA_ROLE, from, target,
                            "API Gateway invokes " + targetName + " " + what + " with the caller's credentials")
                    : Edges.structural(EdgeType.INVOKES_VIA_ROLE, from, target.nodeId(), EdgeStatus.CONDITIONAL,
                            "API Gateway invokes " + targetName + " " + what + " with the caller's own credentials — "
                                    + "allowed only for callers whose policies allow lambda:InvokeFunction", List.of(note));
            ctx.edge(b.discriminator(discriminator).attribute(AccessEdge.STAGE, stage)
                    .attribute(AccessEdge.CREDENTIALS_ROLE, credentials).attribute(AccessEdge.FUNCTION_ARN, functionArn)
                    .build());
            return;
        }
        String roleArn = credentials;
        ctx.reference(Nodes.principalReference(roleArn, ctx.account()));
        IamRole role = ctx.role(roleArn);
        String roleAccount = roleArn.split(":", 6).length == 6 ? roleArn.split(":", 6)[4] : "";
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);

        // 1. API Gateway assumes the role.
        List<Check> assume = new ArrayList<>();
        AccessEdge.Builder uses;
        String usesLead = "API Gateway assumes " + roleName + " to invoke " + targetName + " " + what;
        if (role == null) {
            boolean own = roleAccount.equals(ctx.account());
            String why = own ? "role " + roleArn + " does not exist" : "role " + roleArn
                    + " is in another account, so its trust policy is not in this snapshot";
            uses = Edges.structural(EdgeType.USES_CREDENTIALS_ROLE, from, roleArn,
                    own ? EdgeStatus.DENIED : EdgeStatus.CONDITIONAL, usesLead + " — " + why, List.of(why));
            if (own) {
                uses.attribute(AccessEdge.BROKEN_BECAUSE, why);
            }
        } else {
            PolicySource trust = role.trustPolicy() == null ? null
                    : ctx.source("role " + role.name() + " trust policy", PolicyType.RESOURCE, role.arn(), role.trustPolicy());
            List<String> gaps = ctx.gapNotes(EntityKey.role(role.arn()));
            for (Map.Entry<String, String> e : sourceArns.entrySet()) {
                Check.Builder b = Check.request(sourceArns.size() > 1
                                ? "the role trusts API Gateway (" + e.getKey() + ")" : "the role trusts API Gateway")
                        .principal(LambdaInvocations.API_GATEWAY).action("sts:AssumeRole").resource(role.arn())
                        .context("aws:SourceArn", e.getValue()).context("aws:SourceAccount", ctx.account())
                        .absent(Callers.SERVICE_ABSENT).resourcePolicy(trust).rcps(ctx.rcpsFor("sts:AssumeRole"))
                        .uncertainties(gaps);
                if (trust == null) {
                    b.uncertainty("the role's trust policy is not in the snapshot");
                }
                LambdaInvocations.orgSource(ctx, b);
                assume.add(b.evaluate());
            }
            uses = Edges.checked(EdgeType.USES_CREDENTIALS_ROLE, from, role.arn(), () -> usesLead, assume, List.of());
            if (route != null) {
                MethodStatus ms = MethodStatus.of(sourceArns.keySet(), assume);
                uses.status(ms.status);
                ms.annotate(uses);
            }
        }
        AccessEdge usesEdge = uses.discriminator(discriminator).attribute(AccessEdge.STAGE, stage).build();
        ctx.edge(usesEdge);

        // 2. The role invokes the function.
        String invokeLead = "API Gateway invokes " + targetName + " " + what + " through credentials role " + roleName;
        AccessEdge.Builder via;
        if (target.problem() != null || target.outsideSnapshot()) {
            via = LambdaInvocations.unresolvable(EdgeType.INVOKES_VIA_ROLE, from, target, invokeLead);
            via.status(Check.weakest(usesEdge.status(), via.build().status()));
        } else if (role == null) {
            via = Edges.structural(EdgeType.INVOKES_VIA_ROLE, from, target.nodeId(), usesEdge.status(),
                    invokeLead + " — " + usesEdge.explanation(), usesEdge.evidence().notes());
        } else {
            Identity identity = ctx.identity(role.arn());
            Check.Builder b = identity.applyTo(Check.request("the role may invoke the function"))
                    .action("lambda:InvokeFunction").resource(target.invokedArn())
                    .resourcePolicy(LambdaInvocations.policy(ctx, target)).absent(Callers.PRINCIPAL_ABSENT)
                    .uncertainties(LambdaInvocations.gaps(ctx, target));
            List<Check> all = new ArrayList<>(assume);
            all.add(b.evaluate());
            via = Edges.checked(EdgeType.INVOKES_VIA_ROLE, from, target.nodeId(), () -> invokeLead, all, List.of());
            via.status(Check.weakest(usesEdge.status(), all.get(all.size() - 1).status()));
        }
        ctx.edge(via.discriminator(discriminator).attribute(AccessEdge.STAGE, stage)
                .attribute(AccessEdge.CREDENTIALS_ROLE, roleArn).attribute(AccessEdge.FUNCTION_ARN, functionArn).build());
    }
}
