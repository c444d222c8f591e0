package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.List;

/**
 * RUNS_AS: a function ({@code $LATEST}) and each published version run with their own execution role (a version's
 * configuration, role included, is frozen when it is published). Lambda assumes the role, so its trust policy must
 * let {@code lambda.amazonaws.com} call {@code sts:AssumeRole}; a role that does not exist, or does not trust Lambda,
 * gives a DENIED edge (the function cannot run). This rule is the authority for function and version nodes.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html">Lambda execution role</a>
 */
public final class FunctionsRunAsRoles extends BaseFunctionRule {

    @Override
    public String name() {
        return "FunctionsRunAsRoles";
    }

    @Override
    void compute(LambdaFunction f, UnitContext ctx) {
        ctx.node(Nodes.function(f, ctx.account()));
        runsAs(ctx, f.arn(), f.name(), f.roleArn(), null);
        for (FunctionVersion v : f.versions()) {
            ctx.node(Nodes.version(f, v, ctx.account()));
            runsAs(ctx, v.arn(), f.name() + ":" + v.version(), v.roleArn(), v.version());
        }
    }

    private static void runsAs(UnitContext ctx, String from, String name, String roleArn, String version) {
        if (roleArn == null || roleArn.isBlank()) {
            return;
        }
        ctx.reference(Nodes.principalReference(roleArn, ctx.account()));
        IamRole role = ctx.role(roleArn);
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        java.util.function.Supplier<String> lead = () -> name + " runs as " + roleName;
        if (role == null) {
            String[] p = roleArn.split(":", 6);
            boolean own = p.length == 6 && p[4].equals(ctx.account());
            String why = own ? "the execution role " + roleArn + " does not exist, so the function cannot run"
                    : "the execution role " + roleArn + " is not in this snapshot";
            AccessEdge.Builder b = Edges.structural(EdgeType.RUNS_AS, from, roleArn,
                    own ? EdgeStatus.DENIED : EdgeStatus.CONDITIONAL, lead.get() + " — " + why, List.of(why));
            if (own) {
                b.attribute(AccessEdge.BROKEN_BECAUSE, "execution role does not exist");
            }
            ctx.edge(b.build());
            return;
        }
        PolicySource trust = role.trustPolicy() == null ? null
                : ctx.source("role " + role.name() + " trust policy", PolicyType.RESOURCE, role.arn(), role.trustPolicy());
        Check.Builder b = Check.request("the role trusts Lambda").principal("lambda.amazonaws.com")
                .action("sts:AssumeRole").resource(role.arn()).context("aws:SourceAccount", ctx.account())
                .absent(Callers.SERVICE_ABSENT).resourcePolicy(trust).rcps(ctx.rcpsFor("sts:AssumeRole"))
                .uncertainties(ctx.gapNotes(EntityKey.role(role.arn())));
        if (trust == null) {
            b.uncertainty("the role's trust policy is not in the snapshot");
        }
        Check check = b.evaluate();
        ctx.edge(Edges.checked(EdgeType.RUNS_AS, from, role.arn(), lead, List.of(check), List.of()).build());
    }
}
