package dev.iamatlas.app.explore;

import dev.iamatlas.app.diagram.Diagram;
import dev.iamatlas.app.diagram.DiagramGroup;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.model.evaluation.ConditionEvidence;
import dev.iamatlas.model.evaluation.Decision;
import dev.iamatlas.model.evaluation.Outcome;
import dev.iamatlas.model.evaluation.PolicyEvidence;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.evaluation.StatementEvidence;
import dev.iamatlas.model.evaluation.StatementRef;
import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeEvidence;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.InvolvedPolicy;
import dev.iamatlas.model.graph.Node;
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
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the inspector shows, read from a frozen copy of the access graph ({@link GraphData}) and the snapshot.
 *
 * <p>For an edge: the long explanation, each request the policy evaluator answered (principal, action, resource,
 * context with unknown keys as unknown, the decision), every condition of the applicable statements with the
 * policy's values, the request's value and TRUE/FALSE/UNKNOWN (unknown context explained), the policies read with
 * the deciding statements marked, and the findings whose path runs through it with their fixes.
 *
 * <p>For a node: its properties, what reaches it and what it reaches, and every policy that touches it (a
 * function's policies per qualifier, a role's trust, inline, managed and boundary policies, an API's resource
 * policy), each with the statements that decided the node's links marked. Marking runs the explaining evaluation
 * for at most {@value #MARK_EDGES} links per node.
 *
 * <p>Thread-safe: it reads immutable data only.
 */
final class GraphInspections implements InspectionSource {
    /** At most this many links are explained to mark the deciding statements of a node's policies. */
    static final int MARK_EDGES = 60;
    /** At most this many links are listed per direction in a node's properties. */
    private static final int LIST_EDGES = 12;
    private static final Set<EdgeType> INVOCATIONS = EnumSet.of(EdgeType.INVOKES, EdgeType.CAN_INVOKE,
            EdgeType.CALLS_FUNCTION_URL, EdgeType.INVOKES_VIA_ROLE);
    private static final Set<EdgeType> TRUSTS = EnumSet.of(EdgeType.CAN_ASSUME, EdgeType.RUNS_AS,
            EdgeType.USES_CREDENTIALS_ROLE);

    private final AccountSnapshot snapshot;
    private final GraphData data;
    private final Diagram diagram;
    private final Map<String, List<FindingRow>> findingsByEdge = new HashMap<>();
    private final Map<String, List<FindingRow>> findingsByNode = new HashMap<>();
    private final Map<String, LambdaFunction> functions = new HashMap<>();
    private final Map<String, LambdaFunction> functionOfQualified = new HashMap<>();
    private final Map<String, FunctionAlias> aliases = new HashMap<>();
    private final Map<String, FunctionVersion> versions = new HashMap<>();
    private final Map<String, IamRole> roles = new HashMap<>();
    private final Map<String, IamUser> users = new HashMap<>();
    private final Map<String, IamGroup> groupsByArn = new HashMap<>();
    private final Map<String, IamGroup> groupsByName = new HashMap<>();
    private final Map<String, ManagedPolicy> managed = new HashMap<>();
    private final Map<String, RestApi> restApis = new HashMap<>();
    private final Map<String, ApiV2> apisV2 = new HashMap<>();

    GraphInspections(AccountSnapshot snapshot, GraphData data, List<Finding> findings, List<FindingRow> rows,
            Diagram diagram) {
        this.snapshot = snapshot;
        this.data = data;
        this.diagram = diagram;
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FindingRow row = rows.get(i);
            Set<String> nodes = new LinkedHashSet<>();
            nodes.add(f.resource());
            for (AccessEdge edge : f.path()) {
                findingsByEdge.computeIfAbsent(edge.id(), k -> new ArrayList<>()).add(row);
                nodes.add(edge.targetId());
            }
            for (String node : nodes) {
                findingsByNode.computeIfAbsent(node, k -> new ArrayList<>()).add(row);
            }
        }
        for (LambdaFunction f : snapshot.functions()) {
            functions.put(f.arn(), f);
            for (FunctionAlias a : f.aliases()) {
                aliases.put(a.arn(), a);
                functionOfQualified.put(a.arn(), f);
            }
            for (FunctionVersion v : f.versions()) {
                versions.put(v.arn(), v);
                functionOfQualified.put(v.arn(), f);
            }
        }
        snapshot.iam().roles().forEach(r -> roles.put(r.arn(), r));
        snapshot.iam().users().forEach(u -> users.put(u.arn(), u));
        snapshot.iam().groups().forEach(g -> {
            groupsByArn.put(g.arn(), g);
            groupsByName.put(g.name(), g);
        });
        snapshot.iam().managedPolicies().forEach(p -> managed.put(p.arn(), p));
        snapshot.restApis().forEach(a -> restApis.put(a.id(), a));
        snapshot.apisV2().forEach(a -> apisV2.put(a.apiId(), a));
    }

    // =============================================================================================== nodes

    @Override
    public Optional<Inspection> node(String nodeId) {
        Optional<Node> found = data.node(nodeId);
        if (found.isPresent()) {
            return Optional.of(node(found.get()));
        }
        return diagram.group(nodeId).map(this::group);
    }

    private Inspection node(Node node) {
        NodeBuilder b = new NodeBuilder(node);
        switch (node.kind()) {
            case LAMBDA_FUNCTION -> function(node, b);
            case LAMBDA_ALIAS, LAMBDA_VERSION -> qualified(node, b);
            case FUNCTION_URL -> url(node, b);
            case API_ROUTE -> route(node, b);
            case API_AUTHORIZER -> authorizer(node, b);
            case IAM_ROLE -> role(node, b);
            case IAM_USER -> user(node, b);
            case IAM_GROUP -> iamGroup(node, b);
            case CAPABILITY -> capability(node, b);
            case REST_API, HTTP_API -> api(node.id(), b);
            default -> caller(node, b);
        }
        if (node.isPlaceholder()) {
            b.summary = "Not in this snapshot (" + node.attribute(Node.PLACEHOLDER_REASON) + "): it is here because a"
                    + " link points at it. " + b.summary;
        }
        b.links(node.id());
        return b.build(findingsByNode.getOrDefault(node.id(), List.of()));
    }

    private void function(Node node, NodeBuilder b) {
        LambdaFunction f = functions.get(node.id());
        if (f == null) {
            return;
        }
        b.prop("Name", f.name()).prop("Region", f.region()).prop("Runtime", f.runtime()).prop("Handler", f.handler())
                .prop("Description", f.description()).prop("Execution role", f.roleArn())
                .prop("Last modified", f.lastModified())
                .prop("Aliases", f.aliases().stream().map(GraphInspections::aliasText).collect(Collectors.joining("; ")))
                .prop("Versions", f.versions().stream().map(FunctionVersion::version).collect(Collectors.joining(", ")))
                .prop("Function URLs", f.urlConfigs().stream().map(u -> u.functionUrl() + " (auth " + u.authType()
                        + (u.qualifier() == null ? "" : ", alias " + u.qualifier()) + ")").collect(Collectors.joining("; ")));
        List<AccessEdge> edges = new ArrayList<>(data.incoming(f.arn()));
        f.aliases().forEach(a -> edges.addAll(data.incoming(a.arn())));
        f.versions().forEach(v -> edges.addAll(data.incoming(v.arn())));
        f.urlConfigs().forEach(u -> edges.addAll(data.incoming(urlId(u))));
        Map<PolicyText, Set<Integer>> marks = marks(edges, INVOCATIONS, PolicyType.RESOURCE);
        b.policy("Resource policy", "function " + f.name() + " (unqualified)", f.resourcePolicy(), marks);
        for (FunctionAlias a : f.aliases()) {
            b.policy("Resource policy of alias " + a.name(), f.name() + ":" + a.name(), a.resourcePolicy(), marks);
        }
        for (FunctionVersion v : f.versions()) {
            b.policy("Resource policy of version " + v.version(), f.name() + ":" + v.version(), v.resourcePolicy(),
                    marks);
        }
        if (b.policies.isEmpty()) {
            b.summary = "Neither the function nor any alias or version has a resource policy: no AWS service or other"
                    + " account can invoke it, except through a role's own permissions (such as an API Gateway"
                    + " credentials role).";
        } else {
            b.summary = "Each qualifier has its own resource policy; a caller that names " + f.name() + ":ALIAS is"
                    + " decided by that alias's policy, not the function's.";
        }
    }

    private void qualified(Node node, NodeBuilder b) {
        LambdaFunction f = functionOfQualified.get(node.id());
        if (f == null) {
            return;
        }
        b.prop("Function", f.name()).prop("Function ARN", f.arn());
        FunctionAlias alias = aliases.get(node.id());
        PolicyText policy;
        String what;
        if (alias != null) {
            b.prop("Alias", alias.name()).prop("Version", aliasText(alias));
            policy = alias.resourcePolicy();
            what = "alias " + alias.name();
        } else {
            FunctionVersion v = versions.get(node.id());
            b.prop("Version", v.version()).prop("Execution role", v.roleArn());
            policy = v.resourcePolicy();
            what = "version " + v.version();
        }
        b.policy("Resource policy of " + what, f.name() + ":" + node.attribute(Node.QUALIFIER), policy,
                marks(data.incoming(node.id()), INVOCATIONS, PolicyType.RESOURCE));
        if (policy == null) {
            b.summary = "The " + what + " has no resource policy of its own: callers that name it (such as an API"
                    + " integration with :" + node.attribute(Node.QUALIFIER) + ") are not allowed by the function's"
                    + " unqualified policy.";
        }
    }

    private void url(Node node, NodeBuilder b) {
        for (LambdaFunction f : snapshot.functions()) {
            for (FunctionUrlConfig u : f.urlConfigs()) {
                if (urlId(u).equals(node.id())) {
                    b.prop("URL", u.functionUrl()).prop("Auth type", u.authType()).prop("Invoke mode", u.invokeMode())
                            .prop("Function", u.functionArn());
                    PolicyText policy = u.qualifier() == null ? f.resourcePolicy()
                            : f.aliases().stream().filter(a -> a.name().equals(u.qualifier())).findFirst()
                                    .map(FunctionAlias::resourcePolicy).orElse(null);
                    b.policy("Resource policy", u.qualifier() == null ? "function " + f.name()
                            : f.name() + ":" + u.qualifier(), policy, marks(data.incoming(node.id()), INVOCATIONS,
                            PolicyType.RESOURCE));
                    b.summary = "NONE".equals(u.authType()) ? "Auth type NONE: anyone who knows the URL can call it,"
                            + " as far as the function's policy allows." : "Auth type AWS_IAM: callers sign requests;"
                            + " their own policies and the function's policy decide.";
                    b.arn = u.functionUrl();
                    return;
                }
            }
        }
    }

    private void route(Node node, NodeBuilder b) {
        String apiId = node.attribute(Node.API_ID);
        String stage = node.attribute(Node.STAGE);
        b.prop("API", apiName(node.groupId()) + " (" + apiId + ")").prop("Protocol", node.attribute(Node.PROTOCOL))
                .prop("Stage", stage).prop("Method", node.attribute(Node.METHOD))
                .prop("Path", node.attribute(Node.PATH)).prop("Route key", node.attribute(Node.ROUTE_KEY))
                .prop("Authorization", node.attribute(Node.AUTHORIZATION_TYPE))
                .prop("Authorizer", node.attribute(Node.AUTHORIZER_ID))
                .prop("API key required", node.flag(Node.API_KEY_REQUIRED) ? "yes" : "no")
                .prop("Endpoint", node.attribute(Node.ENDPOINT_TYPE))
                .prop("Integration", node.attribute(Node.INTEGRATION_TYPE));
        RestApi rest = restApis.get(apiId);
        if (rest != null && "REST".equals(node.attribute(Node.PROTOCOL))) {
            for (RestResource resource : rest.resources()) {
                if (!resource.path().equals(node.attribute(Node.PATH))) {
                    continue;
                }
                for (RestMethod method : resource.methods()) {
                    if (method.httpMethod().equals(node.attribute(Node.METHOD)) && method.integration() != null) {
                        b.prop("Integration URI", method.integration().uri())
                                .prop("Credentials role", method.integration().credentials());
                    }
                }
            }
            rest.stages().stream().filter(s -> s.name().equals(stage)).findFirst().map(RestStage::variables)
                    .ifPresent(vars -> vars.forEach((k, v) -> b.prop("Stage variable " + k, v)));
            b.policy("API resource policy", "REST API " + rest.name() + " (" + rest.id() + ")", rest.policy(),
                    marks(data.incoming(node.id()), EnumSet.of(EdgeType.CALLS_ROUTE), PolicyType.RESOURCE));
        }
        ApiV2 v2 = apisV2.get(apiId);
        if (v2 != null && !"REST".equals(node.attribute(Node.PROTOCOL))) {
            for (RouteV2 route : v2.routes()) {
                if (route.routeKey().equals(node.attribute(Node.ROUTE_KEY)) && route.target() != null) {
                    String integrationId = route.target().replaceFirst("^integrations/", "");
                    for (IntegrationV2 i : v2.integrations()) {
                        if (i.integrationId().equals(integrationId)) {
                            b.prop("Integration URI", i.integrationUri()).prop("Credentials role", i.credentialsArn());
                        }
                    }
                }
            }
            v2.stages().stream().filter(s -> s.stageName().equals(stage)).findFirst().map(StageV2::stageVariables)
                    .ifPresent(vars -> vars.forEach((k, v) -> b.prop("Stage variable " + k, v)));
        }
        if ("NONE".equals(node.attribute(Node.AUTHORIZATION_TYPE))) {
            b.summary = "No authorization: whoever can reach the endpoint can call this route"
                    + (node.flag(Node.API_KEY_REQUIRED) ? " with an API key (which identifies, but does not"
                    + " authenticate, the caller)." : ".");
        }
    }

    private void authorizer(Node node, NodeBuilder b) {
        String apiId = node.attribute(Node.API_ID);
        String id = node.attribute(Node.AUTHORIZER_ID);
        b.prop("API", apiName(node.groupId()) + " (" + apiId + ")").prop("Type", node.attribute(Node.AUTHORIZER_TYPE));
        RestApi rest = restApis.get(apiId);
        if (rest != null) {
            for (RestAuthorizer a : rest.authorizers()) {
                if (a.id().equals(id)) {
                    b.prop("Identity source", a.identitySource()).prop("Function URI", a.authorizerUri())
                            .prop("Credentials role", a.authorizerCredentials())
                            .prop("User pools", String.join(", ", a.providerArns()));
                }
            }
        }
        ApiV2 v2 = apisV2.get(apiId);
        if (v2 != null) {
            for (AuthorizerV2 a : v2.authorizers()) {
                if (a.authorizerId().equals(id)) {
                    b.prop("Identity source", String.join(", ", a.identitySource())).prop("Issuer", a.jwtIssuer())
                            .prop("Audience", String.join(", ", a.jwtAudience()))
                            .prop("Function URI", a.authorizerUri())
                            .prop("Credentials role", a.authorizerCredentialsArn());
                }
            }
        }
        b.summary = "Routes guarded by this authorizer are called only by callers it accepts; a Lambda authorizer is"
                + " itself a function that API Gateway must be allowed to invoke.";
    }

    private void role(Node node, NodeBuilder b) {
        IamRole role = roles.get(node.id());
        privilegeSummary(node, b);
        if (role == null) {
            return;
        }
        b.prop("Name", role.name()).prop("Path", role.path()).prop("Role id", role.roleId())
                .prop("Service-linked", role.serviceLinked() ? "yes" : null)
                .prop("Permissions boundary", role.permissionsBoundaryArn())
                .prop("Max session", role.maxSessionDuration() == 0 ? null : role.maxSessionDuration() + " s")
                .prop("Attached policies", String.join(", ", role.attachedPolicyArns()))
                .prop("Tags", role.tags().isEmpty() ? null : role.tags().toString());
        b.policy("Trust policy", "role " + role.name(), role.trustPolicy(),
                marks(data.incoming(node.id()), TRUSTS, PolicyType.RESOURCE));
        identityPolicies(b, node.id(), role.inlinePolicies(), role.attachedPolicyArns(), "role " + role.name(),
                role.permissionsBoundaryArn());
    }

    /** The summary of a role or user that is admin-equivalent or manages permissions on every resource of a service. */
    private static void privilegeSummary(Node node, NodeBuilder b) {
        if (node.flag(Node.ADMIN_EQUIVALENT)) {
            b.summary = "Admin-equivalent: " + shorten(node.attribute(Node.ADMIN_REASONS), 400);
        } else if (node.flag(Node.PERMISSIONS_MANAGEMENT)) {
            b.summary = "Manages permissions on every resource of a service: "
                    + shorten(node.attribute(Node.PERMISSIONS_MANAGEMENT_REASONS), 400);
        }
    }

    private void user(Node node, NodeBuilder b) {
        IamUser user = users.get(node.id());
        privilegeSummary(node, b);
        if (user == null) {
            return;
        }
        b.prop("Name", user.name()).prop("Path", user.path()).prop("Groups", String.join(", ", user.groups()))
                .prop("Permissions boundary", user.permissionsBoundaryArn())
                .prop("Attached policies", String.join(", ", user.attachedPolicyArns()));
        identityPolicies(b, node.id(), user.inlinePolicies(), user.attachedPolicyArns(), "user " + user.name(),
                user.permissionsBoundaryArn());
        for (String groupName : user.groups()) {
            IamGroup group = groupsByName.get(groupName);
            if (group != null) {
                identityPolicies(b, node.id(), group.inlinePolicies(), group.attachedPolicyArns(),
                        "group " + group.name(), null);
            }
        }
    }

    private void iamGroup(Node node, NodeBuilder b) {
        IamGroup group = groupsByArn.get(node.id());
        if (group == null) {
            return;
        }
        b.prop("Name", group.name()).prop("Path", group.path())
                .prop("Attached policies", String.join(", ", group.attachedPolicyArns()));
        b.summary = "A group's policies are the identity policies of each of its users.";
        identityPolicies(b, node.id(), group.inlinePolicies(), group.attachedPolicyArns(), "group " + group.name(),
                null);
    }

    private void identityPolicies(NodeBuilder b, String principal, List<InlinePolicy> inline, List<String> attached,
            String owner, String boundary) {
        Map<PolicyText, Set<Integer>> marks = marks(data.outgoing(principal),
                EnumSet.of(EdgeType.CAN_PERFORM, EdgeType.CAN_ASSUME, EdgeType.CAN_INVOKE), null);
        for (InlinePolicy policy : inline) {
            b.policy("Inline policy " + policy.name(), owner, policy.document(), marks);
        }
        for (String arn : attached) {
            ManagedPolicy policy = managed.get(arn);
            if (policy != null) {
                policy.defaultDocument().ifPresent(doc -> b.policy("Managed policy " + policy.name()
                        + (policy.awsManaged() ? " (AWS managed)" : ""), arn + " · " + policy.defaultVersionId()
                        + " · attached to " + owner, doc, marks));
            } else {
                b.notes.add("Managed policy " + arn + " is attached to " + owner + " but is not in the snapshot.");
            }
        }
        if (boundary != null) {
            ManagedPolicy policy = managed.get(boundary);
            if (policy != null) {
                policy.defaultDocument().ifPresent(doc -> b.policy("Permissions boundary " + policy.name(), boundary,
                        doc, marks));
            }
        }
    }

    private void capability(Node node, NodeBuilder b) {
        b.prop("Service", node.attribute(Node.SERVICE)).prop("Resource pattern", node.attribute(Node.RESOURCE_PATTERN));
        b.summary = "What principals can do with one service on one resource pattern, after boundaries, SCPs and"
                + " explicit denies. Each arrow into it names the actions; select one to see the statements.";
    }

    private void caller(Node node, NodeBuilder b) {
        b.summary = switch (node.kind()) {
            case INTERNET -> "Anyone on the Internet, without credentials.";
            case ANY_AWS_PRINCIPAL -> "Any authenticated principal of any AWS account, as far as the resource's policy"
                    + " allows; the caller's own policies, which the snapshot cannot see, decide the rest.";
            case AWS_ACCOUNT -> node.id().contains(":" + data.accountId() + ":")
                    ? "Principals of this account whose own identity policies allow the action."
                    : "Every principal of account " + node.account() + " whose own policies allow it: that account's"
                    + " administrators decide who.";
            case SERVICE_PRINCIPAL -> "An AWS service acting on someone's behalf. Without aws:SourceArn or"
                    + " aws:SourceAccount conditions it acts for any account.";
            case FEDERATED_PRINCIPAL -> "Users signed in through an external identity provider.";
            case AUTHORIZED_CALLER -> "Callers that the authorizer accepts: who they are is decided at request time"
                    + " by the authorizer, not by a policy.";
            case VPC_ENDPOINT -> "Calls that come through a VPC endpoint (private APIs).";
            default -> "";
        };
        b.prop("Id", node.id());
    }

    private void api(String apiNodeId, NodeBuilder b) {
        Optional<Node> node = data.node(apiNodeId);
        String apiId = node.map(n -> n.attribute(Node.API_ID)).orElse(null);
        RestApi rest = restApis.get(apiId);
        List<AccessEdge> calls = new ArrayList<>();
        int routes = 0;
        for (DiagramNode member : diagram.members(apiNodeId)) {
            if (member.kind() == NodeKind.API_ROUTE) {
                routes++;
                calls.addAll(data.incoming(member.id()));
            }
        }
        b.prop("API id", apiId).prop("Routes (all stages)", Integer.toString(routes));
        if (rest != null) {
            b.prop("Region", rest.region()).prop("Endpoint", String.join(", ", rest.endpointTypes()))
                    .prop("VPC endpoints", String.join(", ", rest.vpcEndpointIds()))
                    .prop("Stages", rest.stages().stream().map(RestStage::name).collect(Collectors.joining(", ")))
                    .prop("Default endpoint", rest.disableExecuteApiEndpoint() ? "disabled" : "enabled");
            b.policy("API resource policy", "REST API " + rest.name() + " (" + rest.id() + ")", rest.policy(),
                    marks(calls, EnumSet.of(EdgeType.CALLS_ROUTE), PolicyType.RESOURCE));
        }
        ApiV2 v2 = apisV2.get(apiId);
        if (v2 != null) {
            b.prop("Region", v2.region()).prop("Protocol", v2.protocolType()).prop("Endpoint", v2.apiEndpoint())
                    .prop("Stages", v2.stages().stream().map(StageV2::stageName).collect(Collectors.joining(", ")));
        }
    }

    private Inspection group(DiagramGroup group) {
        if (group.kind() == NodeKind.REST_API || group.kind() == NodeKind.HTTP_API) {
            NodeBuilder b = new NodeBuilder(group.id(), group.label(), group.kind().displayName(), group.id());
            api(group.id(), b);
            return b.build(List.of());
        }
        List<DiagramNode> members = diagram.members(group.id());
        NodeBuilder b = new NodeBuilder(group.id(), group.label(), group.kind() == NodeKind.IAM_ROLE ? "Roles, folded"
                : "Capabilities, folded", null);
        b.summary = members.size() + (members.size() == 1 ? " item is" : " items are") + " folded into this node;"
                + " unfold it (Graph › Unfold) to see and inspect each.";
        b.prop("Members", members.stream().limit(30).map(DiagramNode::label).collect(Collectors.joining(", "))
                + (members.size() > 30 ? ", …" : ""));
        return b.build(List.of());
    }

    @Override
    public Map<String, String> nodeAttributes(String nodeId) {
        return data.node(nodeId).<Map<String, String>>map(Node::attributes).orElse(Map.of());
    }

    @Override
    public Map<String, String> edgeAttributes(String edgeId) {
        return data.edge(edgeId).<Map<String, String>>map(AccessEdge::attributes).orElse(Map.of());
    }

    // =============================================================================================== edges

    @Override
    public Optional<Inspection> edge(String edgeId) {
        Optional<AccessEdge> found = data.edge(edgeId);
        if (found.isPresent()) {
            return Optional.of(edge(found.get()));
        }
        if (edgeId.startsWith("folded:")) {
            return folded(edgeId);
        }
        return Optional.empty();
    }

    private Inspection edge(AccessEdge e) {
        List<Inspection.Property> props = new ArrayList<>();
        props.add(new Inspection.Property("From", data.label(e.sourceId()) + "  (" + e.sourceId() + ")"));
        props.add(new Inspection.Property("To", data.label(e.targetId()) + "  (" + e.targetId() + ")"));
        props.add(new Inspection.Property("Link", e.type().verb() + " (" + e.type().name() + ")"));
        props.add(new Inspection.Property("Status", e.status().name()));
        e.attributes().forEach((name, value) -> props.add(new Inspection.Property(attributeName(name), value)));
        EdgeEvidence evidence = e.evidence();
        List<RequestCheck> checks = new ArrayList<>();
        for (dev.iamatlas.model.graph.EvaluatedRequest r : evidence.requests()) {
            checks.add(check(r, evidence.notes()));
        }
        String title = data.label(e.sourceId()) + " → " + data.label(e.targetId());
        String kind = e.type().verb() + " · " + e.status().name().toLowerCase(Locale.ROOT)
                + (e.derived() ? " (worked out by a query)" : "");
        return new Inspection(title, kind, null, e.explanation(), props, findingsByEdge.getOrDefault(e.id(), List.of()),
                checks, List.of(), evidence.notes());
    }

    private Optional<Inspection> folded(String edgeId) {
        String rest = edgeId.substring("folded:".length());
        int last = rest.lastIndexOf('>');
        if (last < 0) {
            return Optional.empty();
        }
        String typeName = rest.substring(last + 1);
        String[] ends = rest.substring(0, last).split(">", 2);
        if (ends.length != 2) {
            return Optional.empty();
        }
        List<Inspection.Property> props = new ArrayList<>();
        int count = 0;
        for (AccessEdge e : data.edges().values()) {
            if (e.type().name().equals(typeName) && folds(e.sourceId(), ends[0]) && folds(e.targetId(), ends[1])) {
                if (count++ < 40) {
                    props.add(new Inspection.Property(e.status().name(), data.label(e.sourceId()) + " → "
                            + data.label(e.targetId())));
                }
            }
        }
        String title = label(ends[0]) + " → " + label(ends[1]);
        return Optional.of(Inspection.of(title, "folded links", null, count + " links of type " + typeName
                + " are drawn as this one arrow (in the colour of the most permissive). Unfold the group to inspect"
                + " each.", props, List.of()));
    }

    private boolean folds(String nodeId, String end) {
        return nodeId.equals(end) || diagram.node(nodeId).map(n -> end.equals(n.groupId())).orElse(false);
    }

    private String label(String id) {
        return data.node(id).map(NodeText::label).orElseGet(() -> diagram.group(id).map(DiagramGroup::label)
                .orElse(id));
    }

    // =============================================================================================== evidence

    private RequestCheck check(dev.iamatlas.model.graph.EvaluatedRequest r, List<String> notes) {
        Map<String, String> context = new LinkedHashMap<>();
        r.context().forEach((k, v) -> context.put(k, String.join(", ", v)));
        for (String unknown : r.unknownKeys()) {
            context.putIfAbsent(unknown, null);
        }
        EvaluatedRequest request = new EvaluatedRequest(r.principal(), r.action(), r.resource(), context,
                r.status().name(), decisionText(r));
        List<ConditionRow> conditions = new ArrayList<>();
        for (PolicyEvidence pe : r.decision().evidence()) {
            for (StatementEvidence se : pe.statements()) {
                String statement = (se.sid() != null ? se.sid() : "#" + se.index()) + " (" + se.effect() + ", "
                        + pe.label() + ")";
                for (ConditionEvidence ce : se.conditions()) {
                    conditions.add(new ConditionRow(statement, ce.operator(), ce.key(), ce.policyValues(),
                            ce.contextValues() == null ? null : String.join(", ", ce.contextValues()),
                            ConditionRow.Result.valueOf(ce.result().name()), conditionExplanation(ce, notes)));
                }
            }
        }
        List<PolicyExcerpt> policies = new ArrayList<>();
        for (InvolvedPolicy p : r.policies()) {
            if (p.document() == null) {
                continue;
            }
            Set<Integer> marked = new TreeSet<>(p.deciding());
            if (marked.isEmpty()) {
                marked.addAll(p.denying());
            }
            policies.add(new PolicyExcerpt(capitalise(p.label()), typeName(p.type()) + (p.owner() == null ? ""
                    : " · " + p.owner()), p.document(), marked));
        }
        return new RequestCheck(r.purpose(), request, conditions, policies);
    }

    static String decisionText(dev.iamatlas.model.graph.EvaluatedRequest r) {
        Decision d = r.decision();
        String text = switch (r.status()) {
            case ALLOWED -> "Allowed: " + d.reason().description();
            case DENIED -> d.isConditional() ? "Denied: " + d.reason().description() + " if "
                    + String.join(", ", new TreeSet<>(d.unknownKeys())) + " match, otherwise "
                    + d.mostPermissiveReason().description()
                    : (d.outcome() == Outcome.EXPLICIT_DENY ? "Explicitly denied: " : "Denied: ") + d.reason().description();
            case CONDITIONAL -> d.isConditional() && d.mostPermissive() == Outcome.ALLOW ? "Conditional: allowed only if "
                    + String.join(", ", new TreeSet<>(d.unknownKeys())) + " turn out right at request time (otherwise "
                    + d.reason().description() + ")" : "Conditional: " + d.reason().description()
                    + ", but something the snapshot cannot know may change that";
        };
        List<String> refs = new ArrayList<>();
        for (StatementRef ref : d.decidingStatements()) {
            refs.add((ref.sid() != null ? ref.sid() : "#" + ref.index()) + " of " + ref.policyLabel());
        }
        return refs.isEmpty() ? text : text + " — deciding: " + String.join("; ", refs);
    }

    private static String conditionExplanation(ConditionEvidence ce, List<String> notes) {
        return switch (ce.result()) {
            case TRUE -> "holds for this request";
            case FALSE -> ce.contextValues() == null ? "the request does not carry " + ce.key()
                    : "the request's value does not satisfy it";
            case UNKNOWN -> notes.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(ce.key()
                    .toLowerCase(Locale.ROOT))).findFirst().orElse(ce.key() + " is only known when a request is"
                    + " made; a snapshot cannot know it, so the link is conditional on it");
        };
    }

    /**
     * The statements that decided these edges, per policy document: explains at most {@value #MARK_EDGES} edges of
     * the given types.
     *
     * @param type only policies that played this part, or null for any
     */
    private static Map<PolicyText, Set<Integer>> marks(Collection<AccessEdge> edges, Set<EdgeType> types,
            PolicyType type) {
        Map<PolicyText, Set<Integer>> marks = new HashMap<>();
        int explained = 0;
        for (AccessEdge edge : edges) {
            if (!types.contains(edge.type())) {
                continue;
            }
            if (explained++ >= MARK_EDGES) {
                break;
            }
            for (dev.iamatlas.model.graph.EvaluatedRequest r : edge.evidence().requests()) {
                for (InvolvedPolicy p : r.policies()) {
                    if (p.document() == null || (type != null && p.type() != type)) {
                        continue;
                    }
                    Set<Integer> decided = p.deciding().isEmpty() ? p.denying() : p.deciding();
                    if (!decided.isEmpty()) {
                        marks.computeIfAbsent(p.document(), k -> new TreeSet<>()).addAll(decided);
                    }
                }
            }
        }
        return marks;
    }

    // =============================================================================================== helpers

    /** Collects an inspection of a node. */
    private final class NodeBuilder {
        private final String id;
        private final String title;
        private final String kind;
        private String arn;
        private String summary = "";
        private final List<Inspection.Property> props = new ArrayList<>();
        private final List<PolicyExcerpt> policies = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        NodeBuilder(Node node) {
            this(node.id(), NodeText.label(node), node.kind().displayName() + (node.flag(Node.ADMIN_EQUIVALENT)
                    ? " · admin-equivalent" : ""), node.arn() != null ? node.arn() : node.id().startsWith("arn:")
                    ? node.id() : null);
        }

        NodeBuilder(String id, String title, String kind, String arn) {
            this.id = id;
            this.title = title;
            this.kind = kind;
            this.arn = arn;
        }

        NodeBuilder prop(String name, String value) {
            if (value != null && !value.isBlank()) {
                props.add(new Inspection.Property(name, value));
            }
            return this;
        }

        void policy(String policyTitle, String source, PolicyText document, Map<PolicyText, Set<Integer>> marks) {
            if (document != null) {
                policies.add(new PolicyExcerpt(policyTitle, source, document, marks.getOrDefault(document, Set.of())));
            }
        }

        /** What reaches the node and what it reaches, by link, at most {@value #LIST_EDGES} each way. */
        void links(String nodeId) {
            prop("Reached by", describe(data.incoming(nodeId), true));
            prop("Reaches", describe(data.outgoing(nodeId), false));
        }

        private String describe(List<AccessEdge> edges, boolean sources) {
            if (edges.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (AccessEdge e : edges) {
                if (parts.size() == LIST_EDGES) {
                    parts.add("… " + (edges.size() - LIST_EDGES) + " more");
                    break;
                }
                parts.add(data.label(sources ? e.sourceId() : e.targetId()) + " (" + e.type().verb() + ", "
                        + e.status().name().toLowerCase(Locale.ROOT) + ")");
            }
            long denied = edges.stream().filter(e -> e.status() == EdgeStatus.DENIED).count();
            return String.join("\n", parts) + (denied > 0 && edges.size() > LIST_EDGES ? "\n" + denied + " denied"
                    : "");
        }

        Inspection build(List<FindingRow> findings) {
            return new Inspection(title, kind, arn, summary, props, findings, List.of(), policies, notes);
        }
    }

    private String apiName(String apiNodeId) {
        return apiNodeId == null ? "" : data.node(apiNodeId).map(Node::label).orElse(apiNodeId);
    }

    private static String urlId(FunctionUrlConfig url) {
        return url.functionUrl() != null ? url.functionUrl() : "url:" + url.functionArn();
    }

    private static String aliasText(FunctionAlias a) {
        String weights = a.additionalVersionWeights().entrySet().stream()
                .map(e -> Math.round(e.getValue() * 100) + "% to " + e.getKey()).collect(Collectors.joining(", "));
        return a.name() + " → " + a.functionVersion() + (weights.isEmpty() ? "" : " (" + weights + ")");
    }

    private static String typeName(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "identity policy";
            case RESOURCE -> "resource policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case SCP -> "service control policy";
            case RCP -> "resource control policy";
        };
    }

    private static String attributeName(String name) {
        return switch (name) {
            case AccessEdge.STAGE -> "Stage";
            case AccessEdge.FUNCTION_ARN -> "Integration target";
            case AccessEdge.SOURCE_ARN -> "aws:SourceArn sent";
            case AccessEdge.CREDENTIALS_ROLE -> "Credentials role";
            case AccessEdge.ACTIONS -> "Actions";
            case AccessEdge.ACCESS_LEVEL -> "Access level";
            case AccessEdge.ADMIN_EQUIVALENT -> "Admin-equivalent";
            case AccessEdge.PERMISSIONS_MANAGEMENT -> "Permissions management on every resource";
            case AccessEdge.WEIGHT -> "Traffic weight";
            case AccessEdge.STATEMENT_IDS -> "Statements";
            case AccessEdge.ALLOWED_METHODS -> "Methods allowed";
            case AccessEdge.DENIED_METHODS -> "Methods denied";
            case AccessEdge.RESOURCE_SIDE -> "Resource policy alone";
            case AccessEdge.BROKEN_BECAUSE -> "Broken because";
            // A URL policy granting lambda:InvokeFunctionUrl without lambda:InvokeFunction (see docs/access-graph.md).
            case dev.iamatlas.model.rules.FunctionUrlCallers.INVOKE_FUNCTION_URL_ONLY ->
                    "Only lambda:InvokeFunctionUrl granted";
            default -> words(name);
        };
    }

    /** {@code decisionReason} → {@code Decision reason}. */
    static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return capitalise(spaced);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
