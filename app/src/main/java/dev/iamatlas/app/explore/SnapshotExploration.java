package dev.iamatlas.app.explore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.diagram.DiagramGroup;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.AuthorizerV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.IntegrationV2;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.RouteV2;
import dev.iamatlas.model.snapshot.StageV2;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * <b>Stand-in adapter, to be replaced by one built on the access graph.</b> Derives the diagram and the
 * inspector's details straight from the snapshot's <em>configuration</em>, without evaluating any policy:
 * callers → routes (per stage) → integrated functions (and aliases) → execution roles → what their policies
 * name. Every edge is {@link EdgeStatus#CONDITIONAL}, which here means "configured, not yet evaluated".
 *
 * <p>This is the only class that knows where the diagram comes from; everything else (layout, painting,
 * export, the desktop app) reads an {@link Exploration}. The access-graph adapter keeps node ids as they are
 * here (ARNs; execute-api ARNs for routes) so that the navigator's selections keep working.
 */
public final class SnapshotExploration {
    /** Id of the node for anyone on the Internet. */
    public static final String INTERNET = "caller:internet";
    /** Id of the node for callers that sign requests with AWS credentials (IAM authorization). */
    public static final String IAM_CALLERS = "caller:aws-iam";

    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([A-Za-z0-9_]+)}");
    private static final Pattern INVOCATION_URI = Pattern.compile("functions/(.+?)/invocations");

    private final AccountSnapshot snapshot;
    private final Diagram.Builder diagram = Diagram.builder();
    private final Map<String, Supplier<Inspection>> nodeDetails = new HashMap<>();
    private final Map<String, Supplier<Inspection>> edgeDetails = new HashMap<>();
    private final Map<String, LambdaFunction> functionsByArn = new HashMap<>();
    private final Map<String, IamRole> rolesByArn = new HashMap<>();
    private final Map<String, ManagedPolicy> policiesByArn = new HashMap<>();

    private SnapshotExploration(AccountSnapshot snapshot) {
        this.snapshot = snapshot;
        snapshot.functions().forEach(f -> functionsByArn.put(f.arn(), f));
        snapshot.iam().roles().forEach(r -> rolesByArn.put(r.arn(), r));
        snapshot.iam().managedPolicies().forEach(p -> policiesByArn.put(p.arn(), p));
    }

    /** The exploration of a snapshot's configuration: diagram and details, no findings, nothing evaluated. */
    public static Exploration of(AccountSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        SnapshotExploration builder = new SnapshotExploration(snapshot);
        builder.build();
        Map<String, Supplier<Inspection>> nodes = Map.copyOf(builder.nodeDetails);
        Map<String, Supplier<Inspection>> edges = Map.copyOf(builder.edgeDetails);
        InspectionSource source = new InspectionSource() {
            @Override
            public Optional<Inspection> node(String nodeId) {
                Supplier<Inspection> s = nodes.get(nodeId);
                return s == null ? Optional.empty() : Optional.of(s.get());
            }

            @Override
            public Optional<Inspection> edge(String edgeId) {
                Supplier<Inspection> s = edges.get(edgeId);
                return s == null ? Optional.empty() : Optional.of(s.get());
            }
        };
        return new Exploration(snapshot, builder.diagram.build(), source, List.of(), false);
    }

    private void build() {
        for (RestApi api : snapshot.restApis()) {
            restApi(api);
        }
        for (ApiV2 api : snapshot.apisV2()) {
            apiV2(api);
        }
        for (LambdaFunction function : snapshot.functions()) {
            function(function);
        }
        for (IamRole role : snapshot.iam().roles()) {
            role(role.arn());
        }
        for (IamGroup group : snapshot.iam().groups()) {
            group(group);
        }
        for (IamUser user : snapshot.iam().users()) {
            user(user);
        }
    }

    // ------------------------------------------------------------------------------------------------- callers

    private String internet() {
        if (!diagram.hasNode(INTERNET)) {
            diagram.node(new DiagramNode(INTERNET, NodeKind.INTERNET, "Internet", "anyone, unauthenticated", null));
            nodeDetails.put(INTERNET, () -> new Inspection("Internet", NodeKind.INTERNET.displayName(), null,
                    "Anyone on the Internet, without credentials.", List.of(), List.of(), null, List.of(), null));
        }
        return INTERNET;
    }

    private String iamCallers() {
        if (!diagram.hasNode(IAM_CALLERS)) {
            diagram.node(new DiagramNode(IAM_CALLERS, NodeKind.ANY_AWS_PRINCIPAL, "IAM-signed callers",
                    "AWS principals with permission", null));
            nodeDetails.put(IAM_CALLERS, () -> new Inspection("IAM-signed callers",
                    NodeKind.ANY_AWS_PRINCIPAL.displayName(), null, "Callers that sign requests with AWS credentials"
                    + " (SigV4). Which principals are allowed is decided by their identity policies and the"
                    + " resource's policy.", List.of(), List.of(), null, List.of(), null));
        }
        return IAM_CALLERS;
    }

    private String authorizedCallers(String authorizerNodeId, String authorizerName, String type) {
        String id = "caller:authorized:" + authorizerNodeId;
        if (!diagram.hasNode(id)) {
            String label = switch (type) {
                case "JWT" -> "Holders of a valid JWT";
                case "COGNITO_USER_POOLS" -> "Cognito users";
                default -> "Callers the authorizer accepts";
            };
            diagram.node(new DiagramNode(id, NodeKind.AUTHORIZED_CALLER, label,
                    "via " + (authorizerName == null ? "authorizer" : authorizerName), null));
            nodeDetails.put(id, () -> new Inspection(label, NodeKind.AUTHORIZED_CALLER.displayName(), null,
                    "Callers that pass the " + type + " authorizer " + authorizerName + ".", List.of(), List.of(),
                    null, List.of(), null));
        }
        return id;
    }

    // ------------------------------------------------------------------------------------------------- REST APIs

    private void restApi(RestApi api) {
        String group = Arns.apiGroup(api.id());
        String apiName = name(api.name(), api.id());
        diagram.group(new DiagramGroup(group, NodeKind.REST_API, apiName, "REST API · " + api.region()));
        nodeDetails.put(group, () -> apiInspection(api));
        Map<String, RestAuthorizer> authorizers = new HashMap<>();
        api.authorizers().forEach(a -> authorizers.put(a.id(), a));
        List<RestStage> stages = api.stages().isEmpty() ? List.of(new RestStage("(not deployed)", null, null, null))
                : api.stages();
        for (RestStage stage : stages) {
            for (RestResource resource : api.resources()) {
                for (RestMethod method : resource.methods()) {
                    String routeId = executeApiArn(api.region(), api.id(), stage.name(), method.httpMethod(),
                            resource.path());
                    diagram.node(new DiagramNode(routeId, NodeKind.API_ROUTE, method.httpMethod() + " "
                            + resource.path(), apiName + " · " + stage.name(), group));
                    nodeDetails.put(routeId, () -> restRouteInspection(api, stage, resource, method, routeId));
                    restCaller(api, method, authorizers, stage, routeId, group);
                    if (method.integration() != null && method.integration().uri() != null) {
                        String target = functionTarget(method.integration().uri(), stage.variables());
                        if (target != null) {
                            integrate(routeId, target, method.integration().credentials());
                        }
                    }
                }
            }
        }
    }

    private void restCaller(RestApi api, RestMethod method, Map<String, RestAuthorizer> authorizers, RestStage stage,
            String routeId, String group) {
        String caller;
        switch (method.authorizationType()) {
            case "NONE" -> caller = internet();
            case "AWS_IAM" -> caller = iamCallers();
            default -> {
                RestAuthorizer authorizer = authorizers.get(method.authorizerId());
                if (authorizer == null) {
                    caller = iamCallers();
                    break;
                }
                String authorizerId = "arn:aws:apigateway:" + api.region() + "::/restapis/" + api.id()
                        + "/authorizers/" + authorizer.id();
                restAuthorizer(api, authorizer, authorizerId, stage, group);
                caller = authorizedCallers(authorizerId, authorizer.name(), authorizer.type());
                edge(routeId, authorizerId, EdgeType.GUARDED_BY);
            }
        }
        edge(caller, routeId, EdgeType.CALLS_ROUTE);
    }

    private void restAuthorizer(RestApi api, RestAuthorizer authorizer, String id, RestStage stage, String group) {
        if (diagram.hasNode(id)) {
            return;
        }
        diagram.node(new DiagramNode(id, NodeKind.API_AUTHORIZER, name(authorizer.name(), authorizer.id()),
                authorizer.type() + " authorizer · " + name(api.name(), api.id()), group));
        nodeDetails.put(id, () -> new Inspection(name(authorizer.name(), authorizer.id()),
                NodeKind.API_AUTHORIZER.displayName(), id, "", List.of(
                        prop("Type", authorizer.type()), prop("API", name(api.name(), api.id())),
                        prop("Identity source", authorizer.identitySource()),
                        prop("Function URI", authorizer.authorizerUri()),
                        prop("Credentials role", authorizer.authorizerCredentials()),
                        prop("User pools", String.join(", ", authorizer.providerArns()))),
                List.of(), null, List.of(), null));
        if (authorizer.authorizerUri() != null) {
            String target = functionTarget(authorizer.authorizerUri(), stage.variables());
            if (target != null) {
                integrate(id, target, authorizer.authorizerCredentials());
            }
        }
    }

    private Inspection apiInspection(RestApi api) {
        List<PolicyExcerpt> policies = new ArrayList<>();
        if (api.policy() != null) {
            policies.add(PolicyExcerpt.of("API resource policy", "REST API " + name(api.name(), api.id()),
                    api.policy()));
        }
        int methods = api.resources().stream().mapToInt(r -> r.methods().size()).sum();
        return new Inspection(name(api.name(), api.id()), NodeKind.REST_API.displayName(),
                "arn:aws:apigateway:" + api.region() + "::/restapis/" + api.id(), "", List.of(
                        prop("API id", api.id()), prop("Region", api.region()),
                        prop("Endpoint", String.join(", ", api.endpointTypes())),
                        prop("VPC endpoints", String.join(", ", api.vpcEndpointIds())),
                        prop("Stages", String.join(", ", api.stages().stream().map(RestStage::name).toList())),
                        prop("Methods", Integer.toString(methods)),
                        prop("Default endpoint", api.disableExecuteApiEndpoint() ? "disabled" : "enabled")),
                policies, null, List.of(), null);
    }

    private Inspection restRouteInspection(RestApi api, RestStage stage, RestResource resource, RestMethod method,
            String arn) {
        List<Inspection.Property> props = new ArrayList<>(List.of(
                prop("API", name(api.name(), api.id()) + " (" + api.id() + ")"), prop("Stage", stage.name()),
                prop("Method", method.httpMethod()), prop("Path", resource.path()),
                prop("Authorization", method.authorizationType()), prop("Authorizer", method.authorizerId()),
                prop("API key required", Boolean.toString(method.apiKeyRequired())),
                prop("Endpoint", String.join(", ", api.endpointTypes()))));
        if (method.integration() != null) {
            props.add(prop("Integration", method.integration().type()));
            props.add(prop("Integration URI", method.integration().uri()));
            props.add(prop("Credentials role", method.integration().credentials()));
        }
        stage.variables().forEach((k, v) -> props.add(prop("Stage variable " + k, v)));
        List<PolicyExcerpt> policies = new ArrayList<>();
        if (api.policy() != null) {
            policies.add(PolicyExcerpt.of("API resource policy", "REST API " + name(api.name(), api.id()),
                    api.policy()));
        }
        return new Inspection(method.httpMethod() + " " + resource.path(), NodeKind.API_ROUTE.displayName(), arn,
                "", props, policies, null, List.of(), null);
    }

    // --------------------------------------------------------------------------------------- HTTP/WebSocket APIs

    private void apiV2(ApiV2 api) {
        String group = Arns.apiGroup(api.apiId());
        String apiName = name(api.name(), api.apiId());
        NodeKind kind = NodeKind.HTTP_API;
        diagram.group(new DiagramGroup(group, kind, apiName, api.protocolType() + " API · " + api.region()));
        nodeDetails.put(group, () -> new Inspection(apiName, kind.displayName(),
                "arn:aws:apigateway:" + api.region() + "::/apis/" + api.apiId(), "", List.of(
                        prop("API id", api.apiId()), prop("Protocol", api.protocolType()),
                        prop("Region", api.region()), prop("Endpoint", api.apiEndpoint()),
                        prop("Routes", Integer.toString(api.routes().size())),
                        prop("Stages", String.join(", ", api.stages().stream().map(StageV2::stageName).toList()))),
                List.of(), null, List.of(), null));
        Map<String, IntegrationV2> integrations = new HashMap<>();
        api.integrations().forEach(i -> integrations.put(i.integrationId(), i));
        Map<String, AuthorizerV2> authorizers = new HashMap<>();
        api.authorizers().forEach(a -> authorizers.put(a.authorizerId(), a));
        List<StageV2> stages = api.stages().isEmpty() ? List.of(new StageV2("(not deployed)", null, false, null))
                : api.stages();
        for (StageV2 stage : stages) {
            for (RouteV2 route : api.routes()) {
                String routeId = executeApiArnV2(api.region(), api.apiId(), stage.stageName(), route.routeKey());
                diagram.node(new DiagramNode(routeId, NodeKind.API_ROUTE, route.routeKey(),
                        apiName + " · " + stage.stageName(), group));
                IntegrationV2 integration = route.target() == null ? null
                        : integrations.get(route.target().replaceFirst("^integrations/", ""));
                nodeDetails.put(routeId, () -> routeV2Inspection(api, stage, route, integration, routeId));
                String caller;
                String type = route.authorizationType() == null ? "NONE" : route.authorizationType();
                if (type.equals("NONE")) {
                    caller = internet();
                } else if (type.equals("AWS_IAM") || authorizers.get(route.authorizerId()) == null) {
                    caller = iamCallers();
                } else {
                    AuthorizerV2 authorizer = authorizers.get(route.authorizerId());
                    String authorizerId = "arn:aws:apigateway:" + api.region() + "::/apis/" + api.apiId()
                            + "/authorizers/" + authorizer.authorizerId();
                    authorizerV2(api, authorizer, authorizerId, stage, group);
                    caller = authorizedCallers(authorizerId, authorizer.name(), authorizer.authorizerType());
                    edge(routeId, authorizerId, EdgeType.GUARDED_BY);
                }
                edge(caller, routeId, EdgeType.CALLS_ROUTE);
                if (integration != null && integration.integrationUri() != null) {
                    String target = functionTarget(integration.integrationUri(), stage.stageVariables());
                    if (target != null) {
                        integrate(routeId, target, integration.credentialsArn());
                    }
                }
            }
        }
    }

    private void authorizerV2(ApiV2 api, AuthorizerV2 authorizer, String id, StageV2 stage, String group) {
        if (diagram.hasNode(id)) {
            return;
        }
        diagram.node(new DiagramNode(id, NodeKind.API_AUTHORIZER, name(authorizer.name(), authorizer.authorizerId()),
                authorizer.authorizerType() + " authorizer · " + name(api.name(), api.apiId()), group));
        nodeDetails.put(id, () -> new Inspection(name(authorizer.name(), authorizer.authorizerId()),
                NodeKind.API_AUTHORIZER.displayName(), id, "", List.of(
                        prop("Type", authorizer.authorizerType()), prop("API", name(api.name(), api.apiId())),
                        prop("Identity source", String.join(", ", authorizer.identitySource())),
                        prop("Issuer", authorizer.jwtIssuer()),
                        prop("Audience", String.join(", ", authorizer.jwtAudience())),
                        prop("Function URI", authorizer.authorizerUri()),
                        prop("Credentials role", authorizer.authorizerCredentialsArn())),
                List.of(), null, List.of(), null));
        if (authorizer.authorizerUri() != null) {
            String target = functionTarget(authorizer.authorizerUri(), stage.stageVariables());
            if (target != null) {
                integrate(id, target, authorizer.authorizerCredentialsArn());
            }
        }
    }

    private Inspection routeV2Inspection(ApiV2 api, StageV2 stage, RouteV2 route, IntegrationV2 integration,
            String arn) {
        List<Inspection.Property> props = new ArrayList<>(List.of(
                prop("API", name(api.name(), api.apiId()) + " (" + api.apiId() + ")"),
                prop("Protocol", api.protocolType()), prop("Stage", stage.stageName()),
                prop("Route", route.routeKey()), prop("Authorization", route.authorizationType()),
                prop("Authorizer", route.authorizerId()),
                prop("Scopes", String.join(", ", route.authorizationScopes()))));
        if (integration != null) {
            props.add(prop("Integration", integration.integrationType()));
            props.add(prop("Integration URI", integration.integrationUri()));
            props.add(prop("Credentials role", integration.credentialsArn()));
        }
        stage.stageVariables().forEach((k, v) -> props.add(prop("Stage variable " + k, v)));
        return new Inspection(route.routeKey(), NodeKind.API_ROUTE.displayName(), arn, "", props, List.of(), null,
                List.of(), null);
    }

    // ------------------------------------------------------------------------------------------------- functions

    /**
     * Links a route or authorizer to the function it integrates with: directly, or through an alias or version
     * node when the URI is qualified; through the credentials role when there is one.
     */
    private void integrate(String fromId, String functionArn, String credentialsRole) {
        String target = functionNode(functionArn);
        boolean viaRole = credentialsRole != null && credentialsRole.startsWith("arn:") && !credentialsRole.contains(
                ":user/*");
        EdgeType type = viaRole ? EdgeType.INVOKES_VIA_ROLE : EdgeType.INVOKES;
        edge(fromId, target, type);
        if (viaRole) {
            edge(fromId, role(credentialsRole), EdgeType.USES_CREDENTIALS_ROLE);
        }
    }

    /** The node for a possibly qualified function ARN, added when missing. */
    private String functionNode(String arn) {
        String[] parts = arn.split(":");
        String unqualified = parts.length > 7 ? String.join(":", List.of(parts).subList(0, 7)) : arn;
        String qualifier = parts.length > 7 ? parts[7] : null;
        LambdaFunction function = functionsByArn.get(unqualified);
        if (function != null) {
            function(function);
        } else if (!diagram.hasNode(unqualified)) {
            String name = parts.length > 6 ? parts[6] : unqualified;
            diagram.node(new DiagramNode(unqualified, NodeKind.LAMBDA_FUNCTION, name, "not in this snapshot", null));
            nodeDetails.put(unqualified, () -> new Inspection(name, NodeKind.LAMBDA_FUNCTION.displayName(),
                    unqualified, "This function is named by an integration but is not in the snapshot (another"
                    + " account or region, deleted, or not readable).", List.of(prop("ARN", unqualified)), List.of(),
                    null, List.of(), null));
        }
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return unqualified;
        }
        String qualifiedId = unqualified + ":" + qualifier;
        if (!diagram.hasNode(qualifiedId)) {
            FunctionAlias alias = function == null ? null
                    : function.aliases().stream().filter(a -> a.name().equals(qualifier)).findFirst().orElse(null);
            FunctionVersion version = function == null ? null
                    : function.versions().stream().filter(v -> v.version().equals(qualifier)).findFirst().orElse(null);
            String fname = function == null ? unqualified.substring(unqualified.lastIndexOf(':') + 1)
                    : function.name();
            NodeKind kind = version != null || qualifier.matches("\\d+") ? NodeKind.LAMBDA_VERSION
                    : NodeKind.LAMBDA_ALIAS;
            String detail = alias != null ? "alias → version " + alias.functionVersion()
                    : version != null ? "version " + version.version() : "qualifier not found";
            diagram.node(new DiagramNode(qualifiedId, kind, fname + ":" + qualifier, detail, null));
            PolicyText policy = alias != null ? alias.resourcePolicy() : version != null ? version.resourcePolicy()
                    : null;
            nodeDetails.put(qualifiedId, () -> new Inspection(fname + ":" + qualifier, kind.displayName(),
                    qualifiedId, alias == null && version == null ? "No alias or version " + qualifier
                    + " in the snapshot." : "", List.of(prop("ARN", qualifiedId),
                    prop("Points to version", alias == null ? null : alias.functionVersion()),
                    prop("Execution role", version == null ? null : version.roleArn())),
                    policy == null ? List.of() : List.of(PolicyExcerpt.of("Resource policy",
                            kind.displayName().toLowerCase(java.util.Locale.ROOT) + " " + fname + ":" + qualifier,
                            policy)), null, List.of(), null));
            if (diagram.hasNode(unqualified)) {
                edge(qualifiedId, unqualified, EdgeType.RESOLVES_TO);
            }
        }
        return qualifiedId;
    }

    private void function(LambdaFunction function) {
        if (diagram.hasNode(function.arn())) {
            return;
        }
        String detail = (function.runtime() == null ? "container image" : function.runtime()) + " · "
                + function.region();
        diagram.node(new DiagramNode(function.arn(), NodeKind.LAMBDA_FUNCTION, function.name(), detail, null));
        nodeDetails.put(function.arn(), () -> functionInspection(function));
        if (function.roleArn() != null) {
            edge(function.arn(), role(function.roleArn()), EdgeType.RUNS_AS);
        }
        for (FunctionUrlConfig url : function.urlConfigs()) {
            String urlId = url.functionUrl() != null ? url.functionUrl() : url.functionArn() + "#url";
            if (diagram.hasNode(urlId)) {
                continue;
            }
            diagram.node(new DiagramNode(urlId, NodeKind.FUNCTION_URL, "URL of " + function.name()
                    + (url.qualifier() == null ? "" : ":" + url.qualifier()), "auth " + url.authType(), null));
            nodeDetails.put(urlId, () -> new Inspection("URL of " + function.name(), NodeKind.FUNCTION_URL
                    .displayName(), url.functionArn(), "NONE".equals(url.authType()) ? "Auth type NONE: anyone on"
                    + " the Internet can call it if the resource policy lets \"*\" invoke the URL." : "",
                    List.of(prop("URL", url.functionUrl()), prop("Auth type", url.authType()),
                            prop("Invoke mode", url.invokeMode()), prop("Function", url.functionArn())),
                    function.resourcePolicy() == null ? List.of() : List.of(PolicyExcerpt.of("Resource policy",
                            "function " + function.name(), function.resourcePolicy())), null, List.of(), null));
            edge("NONE".equals(url.authType()) ? internet() : iamCallers(), urlId, EdgeType.CALLS_FUNCTION_URL);
            String target = url.qualifier() == null ? function.arn() : functionNode(url.functionArn());
            edge(urlId, target, EdgeType.RESOLVES_TO);
        }
    }

    private Inspection functionInspection(LambdaFunction f) {
        List<PolicyExcerpt> policies = new ArrayList<>();
        if (f.resourcePolicy() != null) {
            policies.add(PolicyExcerpt.of("Resource policy", "function " + f.name(), f.resourcePolicy()));
        }
        for (FunctionAlias alias : f.aliases()) {
            if (alias.resourcePolicy() != null) {
                policies.add(PolicyExcerpt.of("Resource policy of alias " + alias.name(), alias.arn(),
                        alias.resourcePolicy()));
            }
        }
        for (FunctionVersion version : f.versions()) {
            if (version.resourcePolicy() != null) {
                policies.add(PolicyExcerpt.of("Resource policy of version " + version.version(), version.arn(),
                        version.resourcePolicy()));
            }
        }
        boolean qualifiedPolicies = policies.size() > (f.resourcePolicy() == null ? 0 : 1);
        String summary = f.resourcePolicy() != null ? "" : qualifiedPolicies ? "The unqualified function has no"
                + " resource policy; its aliases or versions have their own, below. Callers that name the function"
                + " without a qualifier need an identity policy or a credentials role." : "This function has no"
                + " resource policy: nothing outside the account can invoke it, and API Gateway only through a"
                + " credentials role.";
        return new Inspection(f.name(), NodeKind.LAMBDA_FUNCTION.displayName(), f.arn(), summary, List.of(
                prop("Name", f.name()), prop("ARN", f.arn()), prop("Region", f.region()), prop("Runtime", f.runtime()),
                prop("Handler", f.handler()), prop("Execution role", f.roleArn()),
                prop("Description", f.description()), prop("Last modified", f.lastModified()),
                prop("Aliases", String.join(", ", f.aliases().stream().map(a -> a.name() + " → "
                        + a.functionVersion()).toList())),
                prop("Versions", String.join(", ", f.versions().stream().map(FunctionVersion::version).toList()))),
                policies, null, List.of(), null);
    }

    // ----------------------------------------------------------------------------------------------------- roles

    /** The node for a role, added (with its capabilities) when missing. */
    private String role(String arn) {
        if (diagram.hasNode(arn)) {
            return arn;
        }
        IamRole role = rolesByArn.get(arn);
        String account = accountOf(arn);
        String group = Arns.accountRolesGroup(account);
        String accountLabel = account.equals(snapshot.accountId()) && snapshot.metadata().accountAlias() != null
                ? snapshot.metadata().accountAlias() + " (" + account + ")" : account;
        diagram.group(new DiagramGroup(group, NodeKind.IAM_ROLE, "Roles of " + accountLabel,
                account.equals(snapshot.accountId()) ? "this account" : "another account"));
        if (!nodeDetails.containsKey(group)) {
            nodeDetails.put(group, () -> new Inspection("Roles of " + accountLabel, NodeKind.IAM_ROLE.displayName(),
                    null, "The roles of this account, folded into one node.", List.of(prop("Account", account)),
                    List.of(), null, List.of(), null));
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        if (role == null) {
            diagram.node(new DiagramNode(arn, NodeKind.IAM_ROLE, name, account.equals(snapshot.accountId())
                    ? "not in this snapshot" : "account " + account, group));
            nodeDetails.put(arn, () -> new Inspection(name, NodeKind.IAM_ROLE.displayName(), arn,
                    "This role is named in the configuration but is not in the snapshot.", List.of(prop("ARN", arn)),
                    List.of(), null, List.of(), null));
            return arn;
        }
        String path = role.path() == null || role.path().equals("/") ? "" : role.path();
        diagram.node(new DiagramNode(arn, NodeKind.IAM_ROLE, role.name(), path.isEmpty() ? "role" : "role " + path,
                group));
        List<PolicyExcerpt> policies = identityPolicies(role.inlinePolicies(), role.attachedPolicyArns(),
                "role " + role.name());
        nodeDetails.put(arn, () -> {
            List<PolicyExcerpt> all = new ArrayList<>();
            if (role.trustPolicy() != null) {
                all.add(PolicyExcerpt.of("Trust policy", "role " + role.name(), role.trustPolicy()));
            }
            all.addAll(policies);
            if (role.permissionsBoundaryArn() != null && policiesByArn.containsKey(role.permissionsBoundaryArn())) {
                policiesByArn.get(role.permissionsBoundaryArn()).defaultDocument().ifPresent(doc -> all.add(
                        PolicyExcerpt.of("Permissions boundary", role.permissionsBoundaryArn(), doc)));
            }
            return new Inspection(role.name(), NodeKind.IAM_ROLE.displayName(), arn, role.serviceLinked()
                    ? "A service-linked role: AWS manages it, and SCPs do not restrict it." : "", List.of(
                    prop("Name", role.name()), prop("ARN", arn), prop("Path", role.path()),
                    prop("Role id", role.roleId()), prop("Permissions boundary", role.permissionsBoundaryArn()),
                    prop("Max session", role.maxSessionDuration() == 0 ? null : role.maxSessionDuration() + " s"),
                    prop("Attached policies", String.join(", ", role.attachedPolicyArns())),
                    prop("Tags", role.tags().toString())), all, null, List.of(), null);
        });
        capabilities(arn, policies);
        return arn;
    }

    private List<PolicyExcerpt> identityPolicies(List<InlinePolicy> inline, List<String> attached, String owner) {
        List<PolicyExcerpt> policies = new ArrayList<>();
        for (InlinePolicy policy : inline) {
            policies.add(PolicyExcerpt.of("Inline policy " + policy.name(), owner, policy.document()));
        }
        for (String policyArn : attached) {
            ManagedPolicy managed = policiesByArn.get(policyArn);
            if (managed != null) {
                managed.defaultDocument().ifPresent(doc -> policies.add(PolicyExcerpt.of("Managed policy "
                        + managed.name(), policyArn, doc)));
            }
        }
        return policies;
    }

    /**
     * What the role's Allow statements name, one node per service and resource set (shared by every role with the
     * same). Deny statements, NotAction and conditions are the evaluator's business and are not shown here.
     */
    private void capabilities(String principalId, List<PolicyExcerpt> policies) {
        Map<String, Set<String>> actionsByKey = new LinkedHashMap<>();
        Map<String, String[]> keyParts = new HashMap<>();
        for (PolicyExcerpt policy : policies) {
            JsonNode tree = policy.document().tree();
            if (tree == null) {
                continue;
            }
            JsonNode statements = tree.path("Statement");
            for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
                if (!"Allow".equals(statement.path("Effect").asText()) || !statement.has("Action")) {
                    continue;
                }
                List<String> resources = strings(statement.path("Resource"));
                String resourceText = resources.isEmpty() ? "(no resource)" : resources.size() == 1
                        ? shortResource(resources.get(0)) : resources.size() + " resources";
                Map<String, Set<String>> byService = new LinkedHashMap<>();
                for (String action : strings(statement.path("Action"))) {
                    int colon = action.indexOf(':');
                    String service = colon < 0 ? "*" : action.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
                    byService.computeIfAbsent(service, k -> new TreeSet<>()).add(colon < 0 ? action
                            : action.substring(colon + 1));
                }
                byService.forEach((service, actions) -> {
                    String key = service + "|" + String.join(",", resources);
                    actionsByKey.computeIfAbsent(key, k -> new TreeSet<>()).addAll(actions);
                    keyParts.put(key, new String[] {service, resourceText, String.join(", ", resources)});
                });
            }
        }
        actionsByKey.forEach((key, actions) -> {
            String[] parts = keyParts.get(key);
            String id = "capability:" + key + "|" + String.join(",", actions);
            if (!diagram.hasNode(id)) {
                String label = parts[0].equals("*") ? "All services (*)"
                        : parts[0] + ":" + (actions.size() == 1 ? actions.iterator().next() : actions.contains("*")
                        ? "*" : actions.size() + " actions");
                diagram.node(new DiagramNode(id, NodeKind.CAPABILITY, label, "on " + parts[1], null));
                nodeDetails.put(id, () -> new Inspection(label, NodeKind.CAPABILITY.displayName(), null,
                        "Actions that an Allow statement names. Not yet evaluated: Deny statements, boundaries,"
                        + " SCPs and conditions may narrow them.", List.of(
                        prop("Service", parts[0]), prop("Actions", String.join(", ", actions)),
                        prop("Resources", parts[2])), List.of(), null, List.of(), null));
            }
            edge(principalId, id, EdgeType.CAN_PERFORM);
        });
    }

    // --------------------------------------------------------------------------------------- users and groups

    private void group(IamGroup group) {
        diagram.nodeIfAbsent(new DiagramNode(group.arn(), NodeKind.IAM_GROUP, group.name(), "IAM group", null));
        List<PolicyExcerpt> policies = identityPolicies(group.inlinePolicies(), group.attachedPolicyArns(),
                "group " + group.name());
        nodeDetails.put(group.arn(), () -> new Inspection(group.name(), NodeKind.IAM_GROUP.displayName(),
                group.arn(), "", List.of(prop("Name", group.name()), prop("ARN", group.arn()),
                prop("Path", group.path()), prop("Attached policies", String.join(", ", group.attachedPolicyArns()))),
                policies, null, List.of(), null));
    }

    private void user(IamUser user) {
        diagram.nodeIfAbsent(new DiagramNode(user.arn(), NodeKind.IAM_USER, user.name(), "IAM user", null));
        List<PolicyExcerpt> policies = new ArrayList<>(identityPolicies(user.inlinePolicies(),
                user.attachedPolicyArns(), "user " + user.name()));
        for (String groupName : user.groups()) {
            snapshot.iam().groups().stream().filter(g -> g.name().equals(groupName)).findFirst().ifPresent(g -> {
                edge(user.arn(), g.arn(), EdgeType.MEMBER_OF);
                policies.addAll(identityPolicies(g.inlinePolicies(), g.attachedPolicyArns(), "group " + g.name()));
            });
        }
        nodeDetails.put(user.arn(), () -> new Inspection(user.name(), NodeKind.IAM_USER.displayName(), user.arn(), "",
                List.of(prop("Name", user.name()), prop("ARN", user.arn()), prop("Path", user.path()),
                        prop("Groups", String.join(", ", user.groups())),
                        prop("Permissions boundary", user.permissionsBoundaryArn()),
                        prop("Tags", user.tags().toString())), policies, null, List.of(), null));
    }

    // ----------------------------------------------------------------------------------------------------- edges

    private void edge(String source, String target, EdgeType type) {
        String id = type.name() + ":" + source + "->" + target;
        if (diagram.hasEdge(id)) {
            return;
        }
        diagram.edge(new DiagramEdge(id, source, target, type, EdgeStatus.CONDITIONAL, type.verb()));
        edgeDetails.put(id, () -> edgeInspection(source, target, type));
    }

    private Inspection edgeInspection(String source, String target, EdgeType type) {
        Inspection from = nodeDetails.containsKey(source) ? nodeDetails.get(source).get() : null;
        Inspection to = nodeDetails.containsKey(target) ? nodeDetails.get(target).get() : null;
        String sourceName = from == null ? source : from.title();
        String targetName = to == null ? target : to.title();
        List<PolicyExcerpt> policies = new ArrayList<>();
        if (type == EdgeType.INVOKES || type == EdgeType.CALLS_FUNCTION_URL) {
            if (to != null) {
                policies.addAll(to.policies());
            }
        } else if (type == EdgeType.CALLS_ROUTE || type == EdgeType.RUNS_AS || type == EdgeType.CAN_PERFORM
                || type == EdgeType.USES_CREDENTIALS_ROLE) {
            if (type == EdgeType.CAN_PERFORM && from != null) {
                policies.addAll(from.policies().stream().filter(p -> !p.title().equals("Trust policy")).toList());
            } else if (to != null) {
                policies.addAll(to.policies().stream().filter(p -> type != EdgeType.CALLS_ROUTE
                        || p.title().startsWith("API")).toList());
            }
        }
        String summary = "Configured link: " + sourceName + " " + type.verb() + " " + targetName
                + ". Not yet evaluated: whether the policies below allow it is decided by the policy evaluator.";
        return new Inspection(sourceName + " → " + targetName, type.verb() + " (not yet evaluated)", null, summary,
                List.of(prop("From", source), prop("To", target), prop("Link", type.name()),
                        prop("Status", "CONDITIONAL (not evaluated)")), policies, null, List.of(), null);
    }

    // --------------------------------------------------------------------------------------------------- helpers

    /** The function ARN an integration or authorizer URI points at, stage variables resolved; null when not Lambda. */
    static String functionTarget(String uri, Map<String, String> stageVariables) {
        String resolved = uri;
        Matcher m = STAGE_VARIABLE.matcher(uri);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = stageVariables.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "${stageVariables." + m.group(1) + "}"
                    : value));
        }
        m.appendTail(sb);
        resolved = sb.toString();
        Matcher invocation = INVOCATION_URI.matcher(resolved);
        if (invocation.find()) {
            resolved = invocation.group(1);
        }
        return resolved.startsWith("arn:") && resolved.contains(":lambda:") && resolved.contains(":function:")
                ? resolved : null;
    }

    private String executeApiArn(String region, String apiId, String stage, String method, String path) {
        return Arns.executeApi(snapshot.metadata().partition(), region, snapshot.accountId(), apiId, stage, method,
                path);
    }

    private String executeApiArnV2(String region, String apiId, String stage, String routeKey) {
        return Arns.executeApiV2(snapshot.metadata().partition(), region, snapshot.accountId(), apiId, stage,
                routeKey);
    }

    private static String accountOf(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "unknown";
    }

    private static String shortResource(String resource) {
        if (resource.equals("*")) {
            return "*";
        }
        String[] parts = resource.split(":", 6);
        return parts.length == 6 ? parts[5] : resource;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    values.add(n.textValue());
                }
            });
        }
        return values;
    }

    private static String name(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static Inspection.Property prop(String name, String value) {
        return new Inspection.Property(name, value);
    }
}
