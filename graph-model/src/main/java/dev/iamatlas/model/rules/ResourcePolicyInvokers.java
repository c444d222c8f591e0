package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.snapshot.LambdaFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * CAN_INVOKE: principals that a function's, alias's or version's own resource policy names for
 * {@code lambda:InvokeFunction} — service principals (S3, SNS, API Gateway as a service, ...), accounts, IAM
 * principals, and {@code "*"} (any AWS principal: the Invoke API always needs signed requests, so "*" is not the
 * anonymous Internet) — each evaluated as that caller: a service with the source it acts for unknown (a
 * {@code aws:SourceArn} condition makes it CONDITIONAL; none makes it ALLOWED: the confused deputy), a principal of
 * this account exactly, a principal or account elsewhere with its own policies unknown (at most CONDITIONAL). These
 * are direct Invoke calls: {@code lambda:InvokedViaFunctionUrl} is absent (function URL callers are
 * {@link FunctionUrlCallers}'s).
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Control access to Lambda function URLs</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html">Lambda resource-based policies</a>
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html">Granting function access to other accounts</a>
 */
public final class ResourcePolicyInvokers extends BaseFunctionRule {
    /** Set (true) only on invocations made through a function URL. */
    static final String INVOKED_VIA_URL = "lambda:invokedviafunctionurl";

    @Override
    public String name() {
        return "ResourcePolicyInvokers";
    }

    @Override
    boolean concerns(LambdaFunction f) {
        boolean any = f.resourcePolicy() != null;
        for (var a : f.aliases()) {
            any |= a.resourcePolicy() != null;
        }
        for (var v : f.versions()) {
            any |= v.resourcePolicy() != null;
        }
        return any;
    }

    @Override
    void compute(LambdaFunction f, UnitContext ctx) {
        List<String> gaps = ctx.gapNotes(EntityKey.function(f.arn()));
        for (FunctionTargets.Target t : FunctionTargets.of(f, ctx.account())) {
            if (t.policy() == null) {
                continue;
            }
            PolicySource policy = ctx.source(t.label(), PolicyType.RESOURCE, t.arn(), t.policy());
            for (FunctionTargets.Named named : FunctionTargets.principals(policy.parsed(), "lambda:InvokeFunction",
                    ctx.partition())) {
                invoker(ctx, f, t, policy, named, gaps);
            }
        }
    }

    private static void invoker(UnitContext ctx, LambdaFunction f, FunctionTargets.Target t, PolicySource policy,
            FunctionTargets.Named named, List<String> gaps) {
        String targetName = t.node().label();
        Node caller;
        UnaryOperator<Check.Builder> who;
        boolean standIn = true;
        switch (named.kind()) {
            case EVERYONE:
                caller = Nodes.anyPrincipal();
                who = b -> Callers.anyPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT);
                break;
            case SERVICE:
                caller = Nodes.service(named.id());
                who = b -> b.principal(named.id()).absent(Callers.SERVICE_ABSENT);
                standIn = false;
                break;
            case ACCOUNT: {
                String account = named.id().split(":", 6)[4];
                boolean own = account.equals(ctx.account());
                caller = Nodes.account(ctx.partition(), account, own);
                who = own ? b -> Callers.ownAccountPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT)
                        : b -> Callers.otherAccountPrincipal(ctx, account, b).absent(Callers.PRINCIPAL_ABSENT);
                break;
            }
            default: {
                String arn = named.id();
                caller = Nodes.principalReference(arn, ctx.account());
                Identity identity = arn.split(":", 6)[4].equals(ctx.account()) ? ctx.identity(arn) : null;
                if (identity != null) {
                    who = b -> identity.applyTo(b).absent(Callers.PRINCIPAL_ABSENT);
                    standIn = false;
                } else {
                    who = b -> Callers.externalPrincipal(ctx, arn, b).absent(Callers.PRINCIPAL_ABSENT);
                }
                break;
            }
        }
        // These callers use the Invoke API directly, not a function URL, so lambda:InvokedViaFunctionUrl is not true:
        // the statement a public URL needs since October 2025 ("*" with that key true) admits none of them.
        // https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html
        Check check = who.apply(Check.request("the resource policy lets the caller invoke"))
                .action("lambda:InvokeFunction").resource(t.arn()).absent(INVOKED_VIA_URL).resourcePolicy(policy)
                .uncertainties(gaps).evaluate();
        ctx.reference(caller);
        ctx.reference(t.node());
        Node from = caller;
        java.util.function.Supplier<String> lead = () -> from.label() + " can invoke " + targetName + " (statement "
                + String.join(", ", named.sids()) + ")";
        List<String> notes = new ArrayList<>();
        if (standIn) {
            notes.add("the caller's own identity policies are not in this snapshot: it can invoke only if they allow"
                    + " lambda:InvokeFunction too");
        }
        AccessEdge.Builder b = Edges.checked(EdgeType.CAN_INVOKE, caller.id(), t.arn(), lead, List.of(check), notes)
                .attribute(AccessEdge.STATEMENT_IDS, String.join(",", named.sids()));
        if (standIn) {
            b.status(Callers.atMostConditional(check.status())).attribute(AccessEdge.RESOURCE_SIDE, check.status().name());
        }
        ctx.edge(b.build());
    }
}
