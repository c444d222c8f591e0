package dev.iamatlas.model.rules;

import dev.iamatlas.model.evaluation.Outcome;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * CALLS_ROUTE: who can call each route (REST method or HTTP/WebSocket route, in each stage). The callers follow
 * from the route's authorization and the API's endpoint type, and the API's own resource policy is evaluated for
 * each kind of caller ({@code execute-api:Invoke} on the route's ARN):
 * <ul>
 *   <li>public API, authorization NONE: the Internet (anonymous); without a resource policy nothing restricts it,
 *       with one the policy must allow the anonymous caller;</li>
 *   <li>authorization AWS_IAM: principals of this account whose identity policies allow it; any AWS principal and
 *       the accounts and principals the resource policy names, when it admits them (cross-account calls need both
 *       sides);</li>
 *   <li>Lambda, Cognito or JWT authorizer: the callers the authorizer accepts (CONDITIONAL: the authorizer decides),
 *       still subject to the resource policy;</li>
 *   <li>private API: only VPC endpoints — those associated with the API, those its policy names in
 *       {@code aws:SourceVpce}, and any endpoint when the policy admits one without naming it — and only with a
 *       resource policy that allows them.</li>
 * </ul>
 * A disabled default endpoint makes a caller edge CONDITIONAL (a custom domain name may still serve the API); an
 * API key does not (it identifies clients; it is not authorization), and is noted.
 *
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html">How API Gateway resource policies affect authorization workflow</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html">Control access to a REST API with IAM permissions</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html">Private REST APIs</a>
 * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html">Usage plans and API keys: "Don't use API keys for authentication or authorization"</a>
 */
public final class CallersReachRoutes implements AccessRule {
    /** The endpoint id that stands for "a VPC endpoint the policy does not name". */
    static final String OTHER_ENDPOINT = "vpce-00000000000000000";

    @Override
    public String name() {
        return "CallersReachRoutes";
    }

    @Override
    public java.util.Set<EntityKey.Kind> subjectKinds() {
        return EntityKey.API_LISTS;
    }

    @Override
    public List<String> subjects(SnapshotIndex index) {
        return ApiSubjects.of(index);
    }

    @Override
    public void compute(String subject, UnitContext ctx) {
        if (ApiSubjects.isV2(subject)) {
            computeV2(ApiSubjects.id(subject), ctx);
        } else {
            computeRest(ApiSubjects.id(subject), ctx);
        }
    }

    private void computeRest(String id, UnitContext ctx) {
        RestApi api = ctx.restApi(id);
        if (api == null) {
            return;
        }
        Node apiNode = Nodes.restApi(api, ctx.partition(), ctx.account());
        ctx.node(apiNode);
        String name = api.name() != null ? api.name() : api.id();
        PolicySource policy = api.policy() == null ? null
                : ctx.source("REST API " + name + " resource policy", PolicyType.RESOURCE, apiNode.id(), api.policy());
        List<String> gaps = ctx.gapNotes(EntityKey.restApi(id));
        Map<String, ApiRoutes.Authorizer> authorizers = new LinkedHashMap<>();
        for (ApiRoutes.Authorizer a : ApiRoutes.authorizers(api, ctx.partition(), ctx.account())) {
            authorizers.put(a.id(), a);
        }
        Site site = new Site(ctx, policy, gaps, api.disableExecuteApiEndpoint(), authorizers, api.vpcEndpointIds());
        for (ApiRoutes.Route route : ctx.run().routes("rest:" + id)) {
            ctx.node(Nodes.route(route, ctx.partition(), ctx.account()));
            if ("PRIVATE".equals(route.endpointType())) {
                site.privateCallers(route);
            } else {
                site.publicCallers(route);
            }
        }
    }

    private void computeV2(String id, UnitContext ctx) {
        ApiV2 api = ctx.apiV2(id);
        if (api == null) {
            return;
        }
        ctx.node(Nodes.apiV2(api, ctx.partition(), ctx.account()));
        List<String> gaps = ctx.gapNotes(EntityKey.apiV2(id));
        Map<String, ApiRoutes.Authorizer> authorizers = new LinkedHashMap<>();
        for (ApiRoutes.Authorizer a : ApiRoutes.authorizers(api, ctx.partition(), ctx.account())) {
            authorizers.put(a.id(), a);
        }
        Site site = new Site(ctx, null, gaps, api.disableExecuteApiEndpoint(), authorizers, List.of());
        for (ApiRoutes.Route route : ctx.run().routes("v2:" + id)) {
            ctx.node(Nodes.route(route, ctx.partition(), ctx.account()));
            site.publicCallers(route);
        }
    }

    /** One API's callers: its policy, gaps and authorizers. */
    private static final class Site {
        private final UnitContext ctx;
        private final PolicySource policy;
        private final List<String> gaps;
        private final boolean defaultEndpointDisabled;
        private final Map<String, ApiRoutes.Authorizer> authorizers;
        private final List<String> associatedEndpoints;

        Site(UnitContext ctx, PolicySource policy, List<String> gaps, boolean defaultEndpointDisabled,
                Map<String, ApiRoutes.Authorizer> authorizers, List<String> associatedEndpoints) {
            this.ctx = ctx;
            this.policy = policy;
            this.gaps = gaps;
            this.defaultEndpointDisabled = defaultEndpointDisabled;
            this.authorizers = authorizers;
            this.associatedEndpoints = associatedEndpoints;
        }

        void publicCallers(ApiRoutes.Route route) {
            String auth = route.authorizationType();
            switch (auth) {
                case "NONE":
                    emit(route, Nodes.internet(), b -> b.principal("anonymous").absent(Callers.INTERNET_ABSENT), false,
                            () -> "anyone on the Internet calls " + route.displayName() + " in stage " + route.stage());
                    break;
                case "AWS_IAM":
                    emit(route, Nodes.account(ctx.partition(), ctx.account(), true),
                            b -> Callers.ownAccountPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT), true,
                            () -> "principals of this account whose identity policies allow execute-api:Invoke call "
                                    + route.displayName() + " in stage " + route.stage());
                    if (policy != null) {
                        namedAndAnyPrincipals(route);
                    }
                    break;
                default:
                    ApiRoutes.Authorizer a = route.authorizerId() == null ? null : authorizers.get(route.authorizerId());
                    Node callers = Nodes.authorizedCallers(a, route.arn(), route.v2(), ctx.partition(), ctx.account(),
                            route.region(), route.apiId());
                    emit(route, callers, b -> b.principal("anonymous").absent(Callers.INTERNET_ABSENT), true,
                            () -> "callers that " + (a == null ? "an unknown authorizer" : "authorizer " + (a.name() != null ? a.name() : a.id()))
                                    + " accepts (" + auth + ") call " + route.displayName() + " in stage " + route.stage());
                    break;
            }
        }

        private void namedAndAnyPrincipals(ApiRoutes.Route route) {
            Asked any = methodChecks(route, b -> Callers.anyPrincipal(ctx, b).absent(Callers.PRINCIPAL_ABSENT));
            if (any.status(route).status != EdgeStatus.DENIED) {
                emitChecks(route, Nodes.anyPrincipal(), any, true,
                        () -> "any AWS principal whose own policies allow execute-api:Invoke calls " + route.displayName()
                                + " in stage " + route.stage());
            }
            Set<String> named = new TreeSet<>();
            for (Statement s : policy.parsed().valid() ? policy.parsed().document().statements() : List.<Statement>of()) {
                if (s.effect() != Effect.ALLOW || s.principal() == null) {
                    continue;
                }
                for (AwsPrincipal p : s.principal().aws()) {
                    if (p.kind() == AwsPrincipal.Kind.ACCOUNT || p.kind() == AwsPrincipal.Kind.ROLE
                            || p.kind() == AwsPrincipal.Kind.USER) {
                        named.add(p.kind() == AwsPrincipal.Kind.ACCOUNT
                                ? NodeIds.accountRoot(p.partition() == null ? ctx.partition() : p.partition(), p.account())
                                : p.text());
                    }
                }
            }
            for (String principal : named) {
                String account = principal.split(":", 6)[4];
                boolean own = account.equals(ctx.account());
                if (principal.endsWith(":root")) {
                    if (!own) {
                        emit(route, Nodes.account(ctx.partition(), account, false),
                                b -> Callers.otherAccountPrincipal(ctx, account, b).absent(Callers.PRINCIPAL_ABSENT), true,
                                () -> "principals of account " + account + " call " + route.displayName() + " in stage "
                                        + route.stage());
                    }
                    continue;
                }
                Identity identity = own ? ctx.identity(principal) : null;
                if (identity != null) {
                    emit(route, Nodes.principalReference(principal, ctx.account()),
                            b -> identity.applyTo(b).absent(Callers.PRINCIPAL_ABSENT), false,
                            () -> principal + " calls " + route.displayName() + " in stage " + route.stage());
                } else {
                    emit(route, Nodes.principalReference(principal, ctx.account()),
                            b -> Callers.externalPrincipal(ctx, principal, b).absent(Callers.PRINCIPAL_ABSENT), true,
                            () -> principal + " calls " + route.displayName() + " in stage " + route.stage());
                }
            }
        }

        void privateCallers(ApiRoutes.Route route) {
            Set<String> endpoints = new TreeSet<>(associatedEndpoints);
            endpoints.addAll(endpointsNamedInPolicy());
            boolean iam = route.authorizationType().equals("AWS_IAM");
            boolean gated = !route.authorizationType().equals("NONE");
            for (String vpce : endpoints) {
                if (policy == null) {
                    AccessEdge edge = Edges.structural(EdgeType.CALLS_ROUTE, vpce, route.arn(), EdgeStatus.DENIED,
                            "callers through " + vpce + " cannot call " + route.displayName() + " in stage "
                                    + route.stage() + ": a private API needs a resource policy that allows its VPC endpoints",
                            List.of("a private API without a resource policy rejects every call"))
                            .attribute(AccessEdge.BROKEN_BECAUSE, "private API without a resource policy")
                            .attribute(AccessEdge.STAGE, route.stage()).build();
                    ctx.reference(Nodes.vpcEndpoint(vpce));
                    ctx.edge(edge);
                    continue;
                }
                UnaryOperator<Check.Builder> who = iam
                        ? b -> Callers.ownAccountPrincipal(ctx, b).context("aws:SourceVpce", vpce).absent(ContextKeys.SOURCE)
                        : b -> b.principal("anonymous").context("aws:SourceVpce", vpce).absent(Callers.ANONYMOUS_ABSENT);
                emit(route, Nodes.vpcEndpoint(vpce), who, gated,
                        () -> "callers through VPC endpoint " + vpce + " call " + route.displayName() + " in stage " + route.stage());
            }
            if (policy != null) {
                // "Any other endpoint": one the policy does not name, of any account.
                UnaryOperator<Check.Builder> who = iam
                        ? b -> Callers.anyPrincipal(ctx, b).context("aws:SourceVpce", OTHER_ENDPOINT).absent(ContextKeys.SOURCE)
                        : b -> b.principal("anonymous").context("aws:SourceVpce", OTHER_ENDPOINT)
                                .absent(Callers.ANONYMOUS_ABSENT);
                Asked checks = methodChecks(route, who);
                if (checks.status(route).status != EdgeStatus.DENIED) {
                    emitChecks(route, Nodes.vpcEndpoint(NodeIds.ANY_VPC_ENDPOINT), checks, gated,
                            () -> "callers through any other VPC endpoint (of any account) call " + route.displayName() + " in stage "
                                    + route.stage());
                }
            }
        }

        private Set<String> endpointsNamedInPolicy() {
            Set<String> out = new TreeSet<>();
            if (policy == null || !policy.parsed().valid()) {
                return out;
            }
            for (Statement s : policy.parsed().document().statements()) {
                for (Condition c : s.conditions()) {
                    if (c.lowerCaseKey().equals("aws:sourcevpce")) {
                        for (String v : c.values()) {
                            if (v.startsWith("vpce-") && !v.contains("*") && !v.contains("?")) {
                                out.add(v);
                            }
                        }
                    }
                }
            }
            return out;
        }

        /**
         * The resource policy asked about the caller, once per method ({@code execute-api:Invoke} carries the
         * concrete method of an ANY route). A templated path ({@code /{proxy+}}, {@code /items/{id}}) is asked about
         * too for request paths the policy's own resource patterns name: the Invoke resource is the request's
         * actual path, so a policy for {@code /public/*} decides some requests to {@code /{proxy+}} and not others.
         *
         * @see <a href="https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors">API Gateway proxy resource with a Lambda authorizer returning 403: other paths "don't match the explicit API Gateway API Resource element"</a>
         */
        private Asked methodChecks(ApiRoutes.Route route, UnaryOperator<Check.Builder> who) {
            List<Check> checks = new ArrayList<>();
            List<List<Check>> byMethod = new ArrayList<>();
            for (Map.Entry<String, String> m : route.arnsByMethod().entrySet()) {
                String purpose = route.arnsByMethod().size() > 1
                        ? "the API's resource policy allows the caller (" + m.getKey() + ")"
                        : "the API's resource policy allows the caller";
                List<Check> here = new ArrayList<>();
                here.add(who.apply(Check.request(purpose)).action("execute-api:Invoke").resource(m.getValue())
                        .resourcePolicy(policy).uncertainties(gaps).evaluate());
                if (route.templated()) {
                    for (String instance : RequestPaths.instances(m.getValue(), policy)) {
                        String path = instance.substring(instance.indexOf('/' + m.getKey() + '/') + m.getKey().length() + 1);
                        here.add(who.apply(Check.request(purpose + " for request path " + path))
                                .action("execute-api:Invoke").resource(instance).resourcePolicy(policy)
                                .uncertainties(gaps).evaluate());
                    }
                }
                checks.addAll(here);
                byMethod.add(here);
            }
            return new Asked(checks, byMethod);
        }

        /**
         * The checks of one route: all of them (evidence), and per method the request on the route's ARN followed by
         * those on request paths of a templated route.
         */
        private record Asked(List<Check> checks, List<List<Check>> byMethod) {
            /** One status per method: the common one of its requests, CONDITIONAL when paths decide differently. */
            MethodStatus status(ApiRoutes.Route route) {
                List<EdgeStatus> statuses = new ArrayList<>();
                for (List<Check> method : byMethod) {
                    EdgeStatus first = null;
                    for (Check c : method) {
                        EdgeStatus each = effective(route, c);
                        first = first == null || first == each ? each : EdgeStatus.CONDITIONAL;
                    }
                    statuses.add(first);
                }
                return MethodStatus.ofStatuses(route, statuses);
            }

            /** Whether some method's requests came out differently for different request paths. */
            boolean pathDependent(ApiRoutes.Route route) {
                for (List<Check> method : byMethod) {
                    for (Check c : method) {
                        if (effective(route, c) != effective(route, method.get(0))) {
                            return true;
                        }
                    }
                }
                return false;
            }

            /** Whether a request was refused only because no statement allowed it (no explicit Deny). */
            boolean silent(ApiRoutes.Route route) {
                for (Check c : checks) {
                    if (c.status() == EdgeStatus.DENIED && !explicitDeny(c)) {
                        return true;
                    }
                }
                return false;
            }
        }

        /**
         * A request's status for the route. With a Lambda authorizer (CUSTOM) API Gateway checks only explicit
         * denies of the resource policy before the authorizer, then "Allow (authorizer) / Neither Allow nor Deny
         * (resource policy) = Allow" (Table A): only an explicit Deny refuses; anything else leaves it to the
         * authorizer (CONDITIONAL). Cognito user pools need an explicit Allow (Table B), as do the other types.
         *
         * @see <a href="https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-authorization-flow.html">How API Gateway resource policies affect authorization workflow</a>
         */
        private static EdgeStatus effective(ApiRoutes.Route route, Check c) {
            if (!lambdaAuthorizer(route)) {
                return c.status();
            }
            return explicitDeny(c) ? EdgeStatus.DENIED : EdgeStatus.CONDITIONAL;
        }

        private static boolean lambdaAuthorizer(ApiRoutes.Route route) {
            return !route.v2() && "CUSTOM".equals(route.authorizationType());
        }

        /** Refused by a Deny statement whatever the unknown keys turn out to be. */
        private static boolean explicitDeny(Check c) {
            return c.status() == EdgeStatus.DENIED && c.decision().mostPermissive() == Outcome.EXPLICIT_DENY;
        }

        private void emit(ApiRoutes.Route route, Node caller, UnaryOperator<Check.Builder> who, boolean gated,
                java.util.function.Supplier<String> lead) {
            if (policy == null) {
                List<String> notes = new ArrayList<>(gaps);
                String why;
                EdgeStatus status;
                if (route.v2()) {
                    why = "HTTP and WebSocket APIs have no resource policy";
                } else {
                    why = "the API has no resource policy";
                }
                if (route.authorizationType().equals("AWS_IAM")) {
                    emitChecks(route, caller, methodChecks(route, who), gated, lead);
                    return;
                }
                status = gated ? EdgeStatus.CONDITIONAL : EdgeStatus.ALLOWED;
                notes.add(0, why + "; " + (gated ? "the authorizer decides who may call" : "the route needs no authorization"));
                status = adjust(route, status, notes);
                if (!gaps.isEmpty() && status == EdgeStatus.ALLOWED) {
                    status = EdgeStatus.CONDITIONAL;
                }
                ctx.reference(caller);
                ctx.edge(Edges.structural(EdgeType.CALLS_ROUTE, caller.id(), route.arn(), status, lead.get() + " — " + notes.get(0),
                        notes).attribute(AccessEdge.STAGE, route.stage()).build());
                return;
            }
            emitChecks(route, caller, methodChecks(route, who), gated, lead);
        }

        private void emitChecks(ApiRoutes.Route route, Node caller, Asked asked, boolean gated,
                java.util.function.Supplier<String> lead) {
            MethodStatus ms = asked.status(route);
            List<String> notes = new ArrayList<>();
            EdgeStatus status = ms.status;
            List<Check> checks = asked.checks();
            if (asked.pathDependent(route)) {
                notes.add("depends on the request path: the resource policy is checked against the path of each request"
                        + " to " + route.path() + ", and it decides some paths differently from others");
            }
            if (lambdaAuthorizer(route) && asked.silent(route)) {
                notes.add("the resource policy neither allows nor denies these callers: with a Lambda authorizer that is"
                        + " enough, the authorizer's Allow decides (only an explicit Deny blocks them)");
            }
            if (gated) {
                status = Callers.atMostConditional(status);
                if (route.authorizationType().equals("AWS_IAM")) {
                    notes.add("IAM authorization: the caller's own identity policies must allow execute-api:Invoke"
                            + " (and the resource policy too, for another account's caller)");
                } else if (!route.authorizationType().equals("NONE")) {
                    notes.add("the " + route.authorizationType() + " authorizer decides which callers it accepts");
                }
            }
            status = adjust(route, status, notes);
            ctx.reference(caller);
            AccessEdge.Builder b = Edges.checked(EdgeType.CALLS_ROUTE, caller.id(), route.arn(), lead, checks, notes)
                    .status(status).attribute(AccessEdge.STAGE, route.stage());
            ms.annotate(b);
            ctx.edge(b.build());
        }

        private EdgeStatus adjust(ApiRoutes.Route route, EdgeStatus status, List<String> notes) {
            if (route.apiKeyRequired()) {
                // API keys identify clients; AWS says not to use them for authorization, so they do not gate reach.
                notes.add("the route requires an API key: it identifies clients (for usage plans) but is not"
                        + " authorization, so it does not restrict who can call");
            }
            if (defaultEndpointDisabled) {
                notes.add("the API's default execute-api endpoint is disabled: it is reachable only through a custom"
                        + " domain name, if one is configured");
                status = Callers.atMostConditional(status);
            }
            return status;
        }
    }
}
