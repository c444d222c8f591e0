package dev.iamatlas.app.ui.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.app.diagram.DiagramEdge;
import dev.iamatlas.app.diagram.DiagramNode;
import dev.iamatlas.app.explore.Exploration;
import dev.iamatlas.app.explore.PrettyPolicy;
import dev.iamatlas.app.ui.inspector.InspectorAction;
import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.DialogService.Field;
import dev.iamatlas.model.edit.AddLambdaPermission;
import dev.iamatlas.model.edit.AttachManagedPolicy;
import dev.iamatlas.model.edit.DetachManagedPolicy;
import dev.iamatlas.model.edit.RemoveLambdaPermission;
import dev.iamatlas.model.edit.SetApiResourcePolicy;
import dev.iamatlas.model.edit.SetFunctionPolicy;
import dev.iamatlas.model.edit.SetInlinePolicy;
import dev.iamatlas.model.edit.SetRoleTrustPolicy;
import dev.iamatlas.model.edit.SetRouteAuthorization;
import dev.iamatlas.model.edit.SnapshotEdit;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.policy.PolicyParseException;
import dev.iamatlas.model.policy.PolicyParser;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The what-if edits the inspector offers for what it shows, as commands the analysis session applies and can undo:
 * <ul>
 *   <li>a function, alias or version: add or remove a Lambda permission, edit its resource policy;</li>
 *   <li>a role: edit its trust policy, attach or detach a managed policy, edit an inline policy (users and groups:
 *   the last three);</li>
 *   <li>a route: change its authorization; a REST API: edit its resource policy;</li>
 *   <li>an edge: the edit that concerns it, prefilled (a route's missing permission, a statement to remove, the
 *   trust policy of the role it needs, the authorization of the route it calls).</li>
 * </ul>
 * Every value is asked for through the {@link DialogService}; policy documents are edited as JSON and checked with
 * the policy parser while typing, so an invalid document cannot be applied.
 */
public final class WhatIfViewModel {
    private final Supplier<Exploration> exploration;
    private final DialogService dialogs;
    private final Consumer<SnapshotEdit> apply;

    /**
     * @param exploration the account as it is now
     * @param apply applies an edit (in the background) and shows what changed
     */
    public WhatIfViewModel(Supplier<Exploration> exploration, DialogService dialogs, Consumer<SnapshotEdit> apply) {
        this.exploration = Objects.requireNonNull(exploration, "exploration");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /** The edits offered for a node (edgeId null) or an edge (nodeId null); empty when none apply. */
    public List<InspectorAction> actionsFor(String nodeId, String edgeId) {
        Exploration e = exploration.get();
        if (e == null || e.session() == null) {
            return List.of();
        }
        List<InspectorAction> actions = new ArrayList<>();
        if (nodeId != null) {
            e.diagram().node(nodeId).ifPresentOrElse(n -> nodeActions(e, n, actions),
                    () -> e.diagram().group(nodeId).ifPresent(g -> {
                        if (g.kind() == NodeKind.REST_API) {
                            restApiActions(e, nodeId, actions);
                        }
                    }));
        }
        if (edgeId != null) {
            e.diagram().edge(edgeId).ifPresent(edge -> edgeActions(e, edge, actions));
        }
        return actions;
    }

    // ------------------------------------------------------------------------------------------------- nodes

    private void nodeActions(Exploration e, DiagramNode node, List<InspectorAction> actions) {
        AccountSnapshot s = e.snapshot();
        switch (node.kind()) {
            case LAMBDA_FUNCTION, LAMBDA_ALIAS, LAMBDA_VERSION -> {
                if (target(s, node.id()).isPresent()) {
                    actions.add(new InspectorAction("Add a permission…", "Add a statement to this resource policy,"
                            + " as aws lambda add-permission does", () -> addPermission(node.id(), null)));
                    if (!statementIds(policyOf(s, node.id())).isEmpty()) {
                        actions.add(new InspectorAction("Remove a permission…", "Remove a statement by its Sid, as"
                                + " aws lambda remove-permission does", () -> removePermission(node.id(), null)));
                    }
                    actions.add(new InspectorAction("Edit the resource policy…", "Edit this function's (or"
                            + " qualifier's) resource policy as JSON", () -> editFunctionPolicy(node.id())));
                }
            }
            case IAM_ROLE -> {
                if (role(s, node.id()) != null) {
                    actions.add(new InspectorAction("Edit the trust policy…", "Who may assume the role",
                            () -> editTrustPolicy(node.id())));
                    principalActions(node.id(), actions);
                }
            }
            case IAM_USER, IAM_GROUP -> {
                if (user(s, node.id()) != null || group(s, node.id()) != null) {
                    principalActions(node.id(), actions);
                }
            }
            case API_ROUTE -> actions.add(new InspectorAction("Change the authorization…", "NONE, AWS_IAM, an"
                    + " authorizer …", () -> changeAuthorization(node.id())));
            default -> {
            }
        }
    }

    private void principalActions(String arn, List<InspectorAction> actions) {
        actions.add(new InspectorAction("Attach a managed policy…", null, () -> attach(arn)));
        if (!attached(exploration.get().snapshot(), arn).isEmpty()) {
            actions.add(new InspectorAction("Detach a managed policy…", null, () -> detach(arn)));
        }
        actions.add(new InspectorAction("Edit an inline policy…", "Create, change or delete an inline policy",
                () -> editInline(arn)));
    }

    private void restApiActions(Exploration e, String apiNodeId, List<InspectorAction> actions) {
        String apiId = apiNodeId.substring(apiNodeId.lastIndexOf('/') + 1);
        if (e.snapshot().restApis().stream().anyMatch(a -> a.id().equals(apiId))) {
            actions.add(new InspectorAction("Edit the API resource policy…", "execute-api:Invoke for who, from where",
                    () -> editApiPolicy(apiId)));
        }
    }

    // ------------------------------------------------------------------------------------------------- edges

    private void edgeActions(Exploration e, DiagramEdge edge, List<InspectorAction> actions) {
        Map<String, String> attributes = e.inspections().edgeAttributes(edge.id());
        switch (edge.type()) {
            case INVOKES -> {
                String target = attributes.getOrDefault(AccessEdge.FUNCTION_ARN, edge.target());
                String source = attributes.get(AccessEdge.SOURCE_ARN);
                if (target(e.snapshot(), target).isPresent()) {
                    actions.add(new InspectorAction("Allow API Gateway to invoke " + shortName(target) + "…",
                            "Add the permission this link needs, as the fix would", () -> addPermission(target,
                            source)));
                }
            }
            case CAN_INVOKE -> {
                String statements = attributes.get(AccessEdge.STATEMENT_IDS);
                if (statements != null && target(e.snapshot(), edge.target()).isPresent()) {
                    for (String sid : statements.split(",")) {
                        actions.add(new InspectorAction("Remove permission " + sid.strip() + "…", null,
                                () -> removePermission(edge.target(), sid.strip())));
                    }
                }
            }
            case USES_CREDENTIALS_ROLE, RUNS_AS, CAN_ASSUME -> {
                if (role(e.snapshot(), edge.target()) != null) {
                    actions.add(new InspectorAction("Edit the trust policy of " + shortName(edge.target()) + "…",
                            null, () -> editTrustPolicy(edge.target())));
                }
            }
            case CALLS_ROUTE -> actions.add(new InspectorAction("Change the route's authorization…", null,
                    () -> changeAuthorization(edge.target())));
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- edits

    /** Asks for a permission to add to a function, alias or version (prefilled for an API route when given). */
    public void addPermission(String functionArn, String sourceArn) {
        Exploration e = exploration.get();
        String account = e.snapshot().accountId();
        String sid = sourceArn == null ? "what-if-" + (statementIds(policyOf(e.snapshot(), functionArn)).size() + 1)
                : "apigateway-" + sourceArn.substring(sourceArn.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9_-]+",
                        "-").replaceAll("-+$", "");
        if (sid.length() > 100) {
            sid = sid.substring(0, 100);
        }
        List<Field> fields = List.of(
                Field.text("sid", "Statement id", sid, "Unique in the policy (letters, digits, - and _)."),
                new Field("principal", "Principal", "apigateway.amazonaws.com", List.of("apigateway.amazonaws.com",
                        "lambda.amazonaws.com", "events.amazonaws.com", "s3.amazonaws.com", account, "*"), true, true,
                        "A service, an account id, an IAM ARN, or * for everyone."),
                new Field("action", "Action", "lambda:InvokeFunction", List.of("lambda:InvokeFunction",
                        "lambda:InvokeFunctionUrl"), true, true, null),
                Field.optional("sourceArn", "Source ARN", sourceArn == null ? "" : sourceArn,
                        "For API Gateway: the route's execute-api ARN (wildcards allowed). Leave it empty and any"
                        + " API of any account may invoke (confused deputy)."),
                Field.optional("sourceAccount", "Source account", sourceArn == null ? "" : account, null));
        dialogs.form("Add a permission to " + shortName(functionArn), "What if this statement were added to the"
                + " resource policy of " + shortName(functionArn) + "?", fields).ifPresent(v -> apply.accept(
                new AddLambdaPermission(functionArn, v.get("sid"), v.get("principal"), v.get("action"),
                        blankToNull(v.get("sourceArn")), blankToNull(v.get("sourceAccount")), null)));
    }

    /** Removes a statement from a function's, alias's or version's policy (asks which when sid is null). */
    public void removePermission(String functionArn, String sid) {
        Exploration e = exploration.get();
        Optional<String> chosen = sid != null ? Optional.of(sid) : dialogs.choose("Remove a permission",
                "Which statement of " + shortName(functionArn) + "'s resource policy?",
                statementIds(policyOf(e.snapshot(), functionArn)), null);
        chosen.ifPresent(id -> {
            if (sid == null || dialogs.confirm("Remove permission " + id, "What if statement " + id + " were removed"
                    + " from the resource policy of " + shortName(functionArn) + "?")) {
                apply.accept(new RemoveLambdaPermission(functionArn, id));
            }
        });
    }

    private void editFunctionPolicy(String functionArn) {
        PolicyText current = policyOf(exploration.get().snapshot(), functionArn);
        editPolicy("Resource policy of " + shortName(functionArn), "Edit the policy; an empty document removes it.",
                current, LAMBDA_TEMPLATE.replace("ARN", functionArn), true).ifPresent(text -> apply.accept(
                new SetFunctionPolicy(functionArn, text.isBlank() ? null : PolicyText.of(text))));
    }

    private void editTrustPolicy(String roleArn) {
        IamRole role = role(exploration.get().snapshot(), roleArn);
        editPolicy("Trust policy of " + role.name(), "Who may assume " + role.name() + "?", role.trustPolicy(),
                TRUST_TEMPLATE, false).ifPresent(text -> apply.accept(new SetRoleTrustPolicy(roleArn,
                PolicyText.of(text))));
    }

    private void attach(String principalArn) {
        AccountSnapshot s = exploration.get().snapshot();
        List<String> have = attached(s, principalArn);
        List<String> offered = s.iam().managedPolicies().stream().map(ManagedPolicy::arn)
                .filter(arn -> !have.contains(arn)).sorted().toList();
        dialogs.form("Attach a managed policy", "What if " + shortName(principalArn) + " had this managed policy?",
                List.of(new Field("policy", "Policy ARN", offered.isEmpty() ? "" : offered.get(0), offered, true, true,
                        "A managed policy of the snapshot (an AWS-managed policy the snapshot does not hold has no"
                        + " document, so it changes nothing)."))).ifPresent(v -> apply.accept(
                new AttachManagedPolicy(principalArn, v.get("policy"))));
    }

    private void detach(String principalArn) {
        List<String> have = attached(exploration.get().snapshot(), principalArn);
        dialogs.choose("Detach a managed policy", "What if " + shortName(principalArn) + " no longer had…", have,
                have.isEmpty() ? null : have.get(0)).ifPresent(arn -> apply.accept(
                new DetachManagedPolicy(principalArn, arn)));
    }

    private void editInline(String principalArn) {
        List<InlinePolicy> inline = inlinePolicies(exploration.get().snapshot(), principalArn);
        List<String> names = new ArrayList<>(inline.stream().map(InlinePolicy::name).toList());
        String fresh = "what-if-policy";
        dialogs.form("Edit an inline policy", "Which inline policy of " + shortName(principalArn) + "? Name a new one"
                + " to create it.", List.of(new Field("name", "Policy name", names.isEmpty() ? fresh : names.get(0),
                names, true, true, null))).ifPresent(v -> {
                    String name = v.get("name");
                    PolicyText current = inline.stream().filter(p -> p.name().equals(name)).findFirst()
                            .map(InlinePolicy::document).orElse(null);
                    editPolicy("Inline policy " + name, "An empty document deletes the inline policy.", current,
                            IDENTITY_TEMPLATE, true).ifPresent(text -> apply.accept(new SetInlinePolicy(principalArn,
                            name, text.isBlank() ? null : PolicyText.of(text))));
                });
    }

    private void editApiPolicy(String apiId) {
        RestApi api = exploration.get().snapshot().restApis().stream().filter(a -> a.id().equals(apiId)).findFirst()
                .orElseThrow();
        editPolicy("Resource policy of " + api.name(), "An empty document removes the policy.", api.policy(),
                API_TEMPLATE, true).ifPresent(text -> apply.accept(new SetApiResourcePolicy(apiId,
                text.isBlank() ? null : PolicyText.of(text))));
    }

    private void changeAuthorization(String routeId) {
        Exploration e = exploration.get();
        Map<String, String> a = e.inspections().nodeAttributes(routeId);
        String apiId = a.get(Node.API_ID);
        boolean rest = "REST".equals(a.get(Node.PROTOCOL));
        List<String> types = rest ? List.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS")
                : List.of("NONE", "AWS_IAM", "JWT", "CUSTOM");
        List<String> authorizers = new ArrayList<>();
        if (rest) {
            e.snapshot().restApis().stream().filter(x -> x.id().equals(apiId)).findFirst()
                    .ifPresent(x -> x.authorizers().forEach(z -> authorizers.add(z.id())));
        } else {
            e.snapshot().apisV2().stream().filter(x -> x.apiId().equals(apiId)).findFirst().map(ApiV2::authorizers)
                    .ifPresent(list -> list.forEach(z -> authorizers.add(z.authorizerId())));
        }
        String route = rest ? a.get(Node.METHOD) + " " + a.get(Node.PATH) : a.get(Node.ROUTE_KEY);
        String current = a.getOrDefault(Node.AUTHORIZATION_TYPE, "NONE");
        dialogs.form("Authorization of " + route, "What if " + route + " (every stage of API " + apiId + ") were"
                + " authorized differently?", List.of(
                Field.choice("type", "Authorization", current, types, null),
                new Field("authorizer", "Authorizer id", Objects.toString(a.get(Node.AUTHORIZER_ID), ""), authorizers,
                        true, false, "For CUSTOM, COGNITO_USER_POOLS and JWT.")))
                .ifPresent(v -> {
                    String authorizer = blankToNull(v.get("authorizer"));
                    String type = v.get("type");
                    if ("NONE".equals(type) || "AWS_IAM".equals(type)) {
                        authorizer = null;
                    }
                    apply.accept(rest ? SetRouteAuthorization.rest(apiId, a.get(Node.PATH), a.get(Node.METHOD), type,
                            authorizer) : SetRouteAuthorization.http(apiId, a.get(Node.ROUTE_KEY), type, authorizer));
                });
    }

    private Optional<String> editPolicy(String title, String message, PolicyText current, String template,
            boolean emptyAllowed) {
        String initial = current == null ? template : PrettyPolicy.of(current).text();
        return dialogs.editPolicy(title, message, initial, text -> validate(text, emptyAllowed));
    }

    /**
     * The problem with a policy document, in one line naming where it is, or null when it is acceptable (an empty
     * text is acceptable where it removes the policy).
     */
    public static String validate(String text, boolean emptyAllowed) {
        if (text == null || text.isBlank()) {
            return emptyAllowed ? null : "The policy must not be empty.";
        }
        try {
            PolicyParser.parse(text);
            return null;
        } catch (PolicyParseException e) {
            return e.getMessage();
        }
    }

    // ------------------------------------------------------------------------------------------------ lookups

    /** The function, alias or version a (qualified) ARN names, as the function entity. */
    private static Optional<LambdaFunction> target(AccountSnapshot s, String arn) {
        String[] parts = arn.split(":");
        if (parts.length < 7 || !"lambda".equals(parts[2])) {
            return Optional.empty();
        }
        String unqualified = String.join(":", java.util.Arrays.copyOf(parts, 7));
        Optional<LambdaFunction> f = s.functions().stream().filter(x -> x.arn().equals(unqualified)).findFirst();
        if (parts.length == 7 || f.isEmpty()) {
            return f;
        }
        String q = parts[7];
        boolean known = f.get().aliases().stream().anyMatch(a -> a.name().equals(q))
                || f.get().versions().stream().anyMatch(v -> v.version().equals(q));
        return known ? f : Optional.empty();
    }

    private static PolicyText policyOf(AccountSnapshot s, String arn) {
        Optional<LambdaFunction> f = target(s, arn);
        if (f.isEmpty()) {
            return null;
        }
        String[] parts = arn.split(":");
        if (parts.length == 7) {
            return f.get().resourcePolicy();
        }
        String q = parts[7];
        for (FunctionAlias a : f.get().aliases()) {
            if (a.name().equals(q)) {
                return a.resourcePolicy();
            }
        }
        for (FunctionVersion v : f.get().versions()) {
            if (v.version().equals(q)) {
                return v.resourcePolicy();
            }
        }
        return null;
    }

    private static List<String> statementIds(PolicyText policy) {
        List<String> ids = new ArrayList<>();
        if (policy == null || policy.tree() == null) {
            return ids;
        }
        JsonNode statements = policy.tree().path("Statement");
        for (JsonNode st : statements.isArray() ? statements : List.of(statements)) {
            if (st.hasNonNull("Sid")) {
                ids.add(st.get("Sid").asText());
            }
        }
        return ids;
    }

    private static IamRole role(AccountSnapshot s, String arn) {
        return s.iam().roles().stream().filter(r -> r.arn().equals(arn)).findFirst().orElse(null);
    }

    private static IamUser user(AccountSnapshot s, String arn) {
        return s.iam().users().stream().filter(u -> u.arn().equals(arn)).findFirst().orElse(null);
    }

    private static IamGroup group(AccountSnapshot s, String arn) {
        return s.iam().groups().stream().filter(g -> g.arn().equals(arn)).findFirst().orElse(null);
    }

    private static List<String> attached(AccountSnapshot s, String arn) {
        IamRole r = role(s, arn);
        if (r != null) {
            return r.attachedPolicyArns();
        }
        IamUser u = user(s, arn);
        if (u != null) {
            return u.attachedPolicyArns();
        }
        IamGroup g = group(s, arn);
        return g == null ? List.of() : g.attachedPolicyArns();
    }

    private static List<InlinePolicy> inlinePolicies(AccountSnapshot s, String arn) {
        IamRole r = role(s, arn);
        if (r != null) {
            return r.inlinePolicies();
        }
        IamUser u = user(s, arn);
        if (u != null) {
            return u.inlinePolicies();
        }
        IamGroup g = group(s, arn);
        return g == null ? List.of() : g.inlinePolicies();
    }

    private static String shortName(String arn) {
        if (arn == null) {
            return "";
        }
        int fn = arn.indexOf(":function:");
        if (fn >= 0) {
            return arn.substring(fn + 10);
        }
        int slash = arn.lastIndexOf('/');
        return slash >= 0 ? arn.substring(slash + 1) : arn;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String LAMBDA_TEMPLATE = """
            {
              "Version": "2012-10-17",
              "Id": "default",
              "Statement": [
                {
                  "Sid": "what-if",
                  "Effect": "Allow",
                  "Principal": {"Service": "apigateway.amazonaws.com"},
                  "Action": "lambda:InvokeFunction",
                  "Resource": "ARN",
                  "Condition": {"ArnLike": {"AWS:SourceArn": "arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH"}}
                }
              ]
            }
            """;

    private static final String TRUST_TEMPLATE = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": {"Service": "lambda.amazonaws.com"},
                  "Action": "sts:AssumeRole"
                }
              ]
            }
            """;

    private static final String IDENTITY_TEMPLATE = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Action": ["dynamodb:GetItem"],
                  "Resource": "*"
                }
              ]
            }
            """;

    private static final String API_TEMPLATE = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Effect": "Allow",
                  "Principal": "*",
                  "Action": "execute-api:Invoke",
                  "Resource": "execute-api:/*"
                }
              ]
            }
            """;
}
