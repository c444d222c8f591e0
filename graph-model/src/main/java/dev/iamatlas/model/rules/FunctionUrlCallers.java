package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * CALLS_FUNCTION_URL and RESOLVES_TO for function URLs. A URL resolves to the function or alias it is configured
 * on. Its callers:
 * <ul>
 *   <li>AuthType NONE: the Internet, when the target's resource policy lets {@code "*"} call
 *       {@code lambda:InvokeFunctionUrl} (context {@code lambda:FunctionUrlAuthType = NONE}); Lambda performs no
 *       authentication, but the policy is always in effect;</li>
 *   <li>AuthType AWS_IAM: principals of this account whose identity policies allow it, any AWS principal when the
 *       policy admits others, and the accounts and principals the policy names.</li>
 * </ul>
 * Since October 2025 new function URLs need {@code lambda:InvokeFunction} as well (with
 * {@code lambda:InvokedViaFunctionUrl}); older URLs work with {@code lambda:InvokeFunctionUrl} alone until AWS moves
 * them to the new model. When the policy grants only {@code lambda:InvokeFunctionUrl}, whether the URL answers
 * depends on which model AWS applies to it, which no snapshot shows: the edge is CONDITIONAL and carries
 * {@link #INVOKE_FUNCTION_URL_ONLY}, so the reach summary and {@code LAMBDA_PUBLIC_INVOKE} still treat such a URL as
 * open to the Internet ({@link #opensToInternet}): a URL that may be public must not be hidden, and is never shown as
 * certainly working either.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Control access to Lambda function URLs</a>
 */
public final class FunctionUrlCallers extends BaseFunctionRule {

    /**
     * Edge attribute on a CALLS_FUNCTION_URL edge: {@code "true"} when the policy lets the caller call
     * {@code lambda:InvokeFunctionUrl} outright (no condition limits it) but does not grant
     * {@code lambda:InvokeFunction} through the URL, so the edge is CONDITIONAL only because of the permission
     * model AWS applies to the URL.
     */
    public static final String INVOKE_FUNCTION_URL_ONLY = "invokeFunctionUrlOnly";

    /**
     * Whether {@code edge} opens a function URL to anyone on the Internet: the Internet's CALLS_FUNCTION_URL edge is
     * ALLOWED, or CONDITIONAL only because the policy grants {@code lambda:InvokeFunctionUrl} without
     * {@code lambda:InvokeFunction} ({@link #INVOKE_FUNCTION_URL_ONLY}). A URL whose public statement is limited by
     * a condition (such as {@code aws:SourceIp}) does not open it.
     */
    public static boolean opensToInternet(AccessEdge edge) {
        Objects.requireNonNull(edge, "edge");
        if (edge.type() != EdgeType.CALLS_FUNCTION_URL || !edge.sourceId().equals(NodeIds.INTERNET)) {
            return false;
        }
        return edge.status() == EdgeStatus.ALLOWED
                || (edge.status() == EdgeStatus.CONDITIONAL && "true".equals(edge.attribute(INVOKE_FUNCTION_URL_ONLY)));
    }

    @Override
    public String name() {
        return "FunctionUrlCallers";
    }

    @Override
    boolean concerns(LambdaFunction f) {
        return !f.urlConfigs().isEmpty();
    }

    @Override
    void compute(LambdaFunction f, UnitContext ctx) {
        List<String> gaps = ctx.gapNotes(EntityKey.function(f.arn()));
        for (FunctionUrlConfig url : f.urlConfigs()) {
            Node urlNode = Nodes.url(f, url, ctx.account());
            ctx.node(urlNode);
            FunctionAlias alias = url.qualifier() == null ? null : ctx.run().index().alias(f, url.qualifier());
            Node target;
            PolicyText policyText;
            String label;
            String resource;
            if (url.qualifier() == null) {
                target = Nodes.function(f, ctx.account());
                policyText = f.resourcePolicy();
                label = "function " + f.name() + " resource policy";
                resource = f.arn();
            } else if (alias != null) {
                target = Nodes.alias(f, alias, ctx.account());
                policyText = alias.resourcePolicy();
                label = "alias " + f.name() + ":" + alias.name() + " resource policy";
                resource = alias.arn();
            } else {
                String arn = f.arn() + ":" + url.qualifier();
                String why = "alias " + url.qualifier() + " of " + f.name() + " does not exist";
                ctx.reference(Nodes.missingFunction(arn, dev.iamatlas.model.graph.NodeKind.LAMBDA_ALIAS, why));
                ctx.edge(Edges.structural(EdgeType.RESOLVES_TO, urlNode.id(), arn, EdgeStatus.DENIED,
                        urlNode.label() + " resolves to " + url.qualifier() + " — " + why, List.of(why))
                        .attribute(AccessEdge.BROKEN_BECAUSE, why).build());
                continue;
            }
            ctx.reference(target);
            ctx.edge(Edges.structural(EdgeType.RESOLVES_TO, urlNode.id(), target.id(), EdgeStatus.ALLOWED,
                    urlNode.label() + " invokes " + target.label(), List.of()).build());
            PolicySource policy = policyText == null ? null : ctx.source(label, PolicyType.RESOURCE, resource, policyText);
            String authType = url.authType().toUpperCase(Locale.ROOT);
            Site site = new Site(ctx, urlNode, resource, authType, policy, gaps);
            if (authType.equals("NONE")) {
                site.caller(Nodes.internet(), b -> b.principal("anonymous").absent(Callers.INTERNET_ABSENT), false);
            } else {
                site.caller(Nodes.account(ctx.partition(), ctx.account(), true),
                        b -> Callers.ownAccountPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT), true);
                site.callerIfAdmitted(Nodes.anyPrincipal(), b -> Callers.anyPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT));
                for (FunctionTargets.Named named : FunctionTargets.principals(policy == null ? null : policy.parsed(),
                        "lambda:InvokeFunctionUrl", ctx.partition())) {
                    site.named(named);
                }
            }
        }
    }

    /** The callers of one URL. */
    private static final class Site {
        private final UnitContext ctx;
        private final Node url;
        private final String resource;
        private final String authType;
        private final PolicySource policy;
        private final List<String> gaps;

        Site(UnitContext ctx, Node url, String resource, String authType, PolicySource policy, List<String> gaps) {
            this.ctx = ctx;
            this.url = url;
            this.resource = resource;
            this.authType = authType;
            this.policy = policy;
            this.gaps = gaps;
        }

        void named(FunctionTargets.Named named) {
            if (named.kind() == FunctionTargets.Kind.EVERYONE || named.kind() == FunctionTargets.Kind.SERVICE) {
                return;
            }
            String id = named.id();
            String account = id.split(":", 6)[4];
            boolean own = account.equals(ctx.account());
            if (named.kind() == FunctionTargets.Kind.ACCOUNT) {
                if (!own) {
                    caller(Nodes.account(ctx.partition(), account, false),
                            b -> Callers.otherAccountPrincipal(ctx, account, b).absent(Callers.PRINCIPAL_ABSENT), true);
                }
                return;
            }
            Identity identity = own ? ctx.identity(id) : null;
            if (identity != null) {
                caller(Nodes.principalReference(id, ctx.account()), b -> identity.applyTo(b).absent(Callers.PRINCIPAL_ABSENT),
                        false);
            } else {
                caller(Nodes.principalReference(id, ctx.account()),
                        b -> Callers.externalPrincipal(ctx, id, b).absent(Callers.PRINCIPAL_ABSENT), true);
            }
        }

        void callerIfAdmitted(Node caller, UnaryOperator<Check.Builder> who) {
            List<Check> checks = checks(who);
            if (checks.get(0).status() != EdgeStatus.DENIED) {
                emit(caller, checks, true);
            }
        }

        void caller(Node caller, UnaryOperator<Check.Builder> who, boolean standIn) {
            emit(caller, checks(who), standIn);
        }

        private List<Check> checks(UnaryOperator<Check.Builder> who) {
            Check url = who.apply(Check.request("the policy lets the caller call the function URL"))
                    .action("lambda:InvokeFunctionUrl").resource(resource).context("lambda:FunctionUrlAuthType", authType)
                    .resourcePolicy(policy).uncertainties(gaps).evaluate();
            Check invoke = who.apply(Check.request("the policy lets the caller invoke the function through the URL"))
                    .action("lambda:InvokeFunction").resource(resource).context("lambda:FunctionUrlAuthType", authType)
                    .context("lambda:InvokedViaFunctionUrl", "true").resourcePolicy(policy).uncertainties(gaps).evaluate();
            return List.of(url, invoke);
        }

        private void emit(Node caller, List<Check> checks, boolean standIn) {
            EdgeStatus status = checks.get(0).status();
            List<String> notes = new ArrayList<>();
            boolean urlPermissionOnly = false;
            if (status != EdgeStatus.DENIED && checks.get(1).status() != EdgeStatus.ALLOWED) {
                urlPermissionOnly = status == EdgeStatus.ALLOWED;
                status = Callers.atMostConditional(status);
                notes.add("function URLs created since October 2025 also need lambda:InvokeFunction, which is not granted"
                        + " to this caller; older URLs work without it until AWS moves them to the new model, and the"
                        + " snapshot cannot tell which model applies: the URL may answer, or may answer 403 Forbidden");
            }
            if (standIn) {
                status = Callers.atMostConditional(status);
                notes.add("AWS_IAM: the caller's own identity policies must allow lambda:InvokeFunctionUrl too");
            }
            ctx.reference(caller);
            String lead = caller.label() + " can call " + url.label() + " (AuthType " + authType + ")";
            AccessEdge.Builder b = Edges.checked(EdgeType.CALLS_FUNCTION_URL, caller.id(), url.id(), () -> lead, checks,
                    notes).status(status);
            if (standIn) {
                b.attribute(AccessEdge.RESOURCE_SIDE, checks.get(0).status().name());
            }
            if (urlPermissionOnly) {
                b.attribute(INVOKE_FUNCTION_URL_ONLY, "true");
            }
            ctx.edge(b.build());
        }
    }
}
