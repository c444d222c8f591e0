package dev.iamatlas.model.findings;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.Node;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.graph.NodeKind;
import dev.iamatlas.model.rules.Check;
import dev.iamatlas.model.rules.FunctionUrlCallers;
import dev.iamatlas.model.rules.LambdaArns;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the Internet can reach, for {@code analyze}: the public routes — those anyone on the Internet can call
 * without authorization (the Internet's edge to them is ALLOWED: not a private API, not restricted by the API's
 * resource policy to some addresses; an API key is not authorization) — the functions reachable from them and from
 * public function URLs, and the roles those functions run as. Routes behind an authorizer or IAM are not public.
 * A function URL counts when {@link FunctionUrlCallers#opensToInternet} says so: also when its policy grants only
 * {@code lambda:InvokeFunctionUrl}, with status CONDITIONAL.
 *
 * <p>Functions are listed once each, with the qualifiers ($LATEST, aliases, versions) through which they are
 * reached. Statuses are the weakest along the best path (ALLOWED beats CONDITIONAL); DENIED links are not followed.
 *
 * @param publicRoutes routes the Internet can call, sorted by id
 * @param functions functions reachable from the Internet, one per function, sorted by unqualified ARN
 * @param roles roles those run as, sorted by id
 */
public record ReachSummary(List<PublicRoute> publicRoutes, List<ReachedFunction> functions, List<RoleBehind> roles) {

    public ReachSummary {
        publicRoutes = List.copyOf(publicRoutes);
        functions = List.copyOf(functions);
        roles = List.copyOf(roles);
    }

    /**
     * A route the Internet can call.
     *
     * @param routeId the route's execute-api ARN (node id)
     * @param label such as {@code GET /orders [prod]}
     * @param apiId the API id
     * @param stage the stage
     * @param authorizationType the route's authorization (NONE)
     * @param status ALLOWED
     */
    public record PublicRoute(String routeId, String label, String apiId, String stage, String authorizationType,
            EdgeStatus status) {
    }

    /** What a qualifier of a function is. */
    public enum QualifierKind {
        /** The unqualified function, which runs {@code $LATEST}. */
        LATEST,
        /** An alias. */
        ALIAS,
        /** A published version. */
        VERSION
    }

    /**
     * One way a reachable function is reached: the unqualified function ({@code $LATEST}), an alias or a version.
     *
     * @param qualifierId the qualified ARN (the unqualified ARN for {@code $LATEST})
     * @param qualifier {@code $LATEST}, the alias name or the version number
     * @param kind which of the three it is
     * @param status the best reach status of this qualifier
     * @param direct whether a public route or URL names this qualifier itself (false for a version reached only
     *     through an alias)
     * @param via the public routes and function URLs that lead to it, sorted
     * @param resolvesTo for an alias, the reached qualifiers it resolves to (qualified ARNs), sorted; else empty
     */
    public record ReachedQualifier(String qualifierId, String qualifier, QualifierKind kind, EdgeStatus status,
            boolean direct, List<String> via, List<String> resolvesTo) {

        public ReachedQualifier {
            Objects.requireNonNull(qualifierId, "qualifierId");
            Objects.requireNonNull(kind, "kind");
            via = List.copyOf(via);
            resolvesTo = List.copyOf(resolvesTo);
        }
    }

    /**
     * A function reachable from the Internet, with every qualifier through which it is reached.
     *
     * @param functionId the unqualified function ARN
     * @param label the function name
     * @param status the best reach status over its qualifiers
     * @param via the public routes and function URLs that lead to it (any qualifier), sorted
     * @param roles the roles its reached qualifiers run as, sorted
     * @param qualifiers the qualifiers reached: $LATEST first, then aliases by name, then versions by number
     */
    public record ReachedFunction(String functionId, String label, EdgeStatus status, List<String> via,
            List<String> roles, List<ReachedQualifier> qualifiers) {

        public ReachedFunction {
            Objects.requireNonNull(functionId, "functionId");
            via = List.copyOf(via);
            roles = List.copyOf(roles);
            qualifiers = List.copyOf(qualifiers);
        }

        /** The qualifiers a public route or URL names directly (a version reached only through an alias is not one). */
        public List<ReachedQualifier> directQualifiers() {
            return qualifiers.stream().filter(ReachedQualifier::direct).toList();
        }

        /**
         * A qualifier with what it resolves to, for display: {@code live → 3}, {@code canary → 4, 5},
         * {@code $LATEST}, {@code 7}.
         */
        public String describe(ReachedQualifier q) {
            Objects.requireNonNull(q, "q");
            if (q.resolvesTo().isEmpty()) {
                return q.qualifier();
            }
            List<String> targets = new ArrayList<>();
            for (String id : q.resolvesTo()) {
                targets.add(qualifiers.stream().filter(x -> x.qualifierId().equals(id)).map(ReachedQualifier::qualifier)
                        .findFirst().orElse(id));
            }
            return q.qualifier() + " → " + String.join(", ", targets);
        }

        /** {@code " (CONDITIONAL)"} when the qualifier's status differs from the function's, else empty. */
        public String statusNote(ReachedQualifier q) {
            return q.status() == status ? "" : " (" + q.status() + ")";
        }
    }

    /**
     * A role behind an Internet-reachable function.
     *
     * @param roleId the role ARN
     * @param label the role name
     * @param adminEquivalent whether it is admin-equivalent
     * @param adminReasons why, or null
     * @param functions the reachable functions (unqualified ARNs) that run as it
     */
    public record RoleBehind(String roleId, String label, boolean adminEquivalent, String adminReasons,
            List<String> functions) {
    }

    private static final Set<EdgeType> FOLLOWED = Set.of(EdgeType.INVOKES, EdgeType.INVOKES_VIA_ROLE,
            EdgeType.RESOLVES_TO, EdgeType.RUNS_AS);

    /**
     * Summarises the graph. Walks from each public route and URL through the functions it leads to: running time
     * O(E × F) for E entry points and F function, alias and version vertices each reaches (a handful in practice).
     * With nothing public, every list is empty.
     */
    public static ReachSummary of(AccessGraph graph) {
        Objects.requireNonNull(graph, "graph");
        Map<String, PublicRoute> routes = new TreeMap<>();
        Reach reach = new Reach(graph);
        for (AccessEdge e : graph.outgoing(NodeIds.INTERNET)) {
            Node target = graph.target(e);
            if (e.type() == EdgeType.CALLS_ROUTE && e.status() == EdgeStatus.ALLOWED) {
                routes.put(target.id(), new PublicRoute(target.id(), target.label(), target.attribute(Node.API_ID),
                        target.attribute(Node.STAGE), target.attribute(Node.AUTHORIZATION_TYPE), e.status()));
                reach.walkFrom(target.id(), e.status());
            } else if (FunctionUrlCallers.opensToInternet(e)) {
                reach.walkFrom(target.id(), e.status());
            }
        }
        List<ReachedFunction> functions = reach.functions();
        Map<String, TreeSet<String>> functionsOfRole = new TreeMap<>();
        for (ReachedFunction f : functions) {
            f.roles().forEach(r -> functionsOfRole.computeIfAbsent(r, k -> new TreeSet<>()).add(f.functionId()));
        }
        List<RoleBehind> roles = new ArrayList<>();
        for (Map.Entry<String, TreeSet<String>> e : functionsOfRole.entrySet()) {
            graph.node(e.getKey()).ifPresent(role -> roles.add(new RoleBehind(role.id(), role.label(),
                    role.flag(Node.ADMIN_EQUIVALENT), role.attribute(Node.ADMIN_REASONS), new ArrayList<>(e.getValue()))));
        }
        return new ReachSummary(new ArrayList<>(routes.values()), functions, roles);
    }

    /** $LATEST, then aliases by name, then versions by number. */
    private static final Comparator<ReachedQualifier> QUALIFIER_ORDER = Comparator
            .comparing(ReachedQualifier::kind)
            .thenComparing(q -> q.kind() == QualifierKind.VERSION ? versionNumber(q.qualifier()) : 0L)
            .thenComparing(ReachedQualifier::qualifier);

    /** What the walks from the entry points found, per function, alias and version vertex. */
    private static final class Reach {
        private final AccessGraph graph;
        private final Map<String, EdgeStatus> best = new HashMap<>();
        private final Map<String, TreeSet<String>> via = new HashMap<>();
        private final Set<String> direct = new HashSet<>();
        private final Map<String, TreeSet<String>> resolvesTo = new HashMap<>();
        private final Map<String, TreeSet<String>> rolesOf = new HashMap<>();

        Reach(AccessGraph graph) {
            this.graph = graph;
        }

        /** Follows invocations, resolutions and runs-as from one public route or URL. */
        void walkFrom(String entry, EdgeStatus entryStatus) {
            Map<String, EdgeStatus> seen = new HashMap<>();
            seen.put(entry, entryStatus);
            Deque<String> queue = new ArrayDeque<>(List.of(entry));
            while (!queue.isEmpty()) {
                String id = queue.poll();
                EdgeStatus here = seen.get(id);
                for (AccessEdge e : graph.outgoing(id)) {
                    if (e.status() == EdgeStatus.DENIED || !FOLLOWED.contains(e.type())) {
                        continue;
                    }
                    String next = e.targetId();
                    if (e.type() == EdgeType.RUNS_AS) {
                        rolesOf.computeIfAbsent(id, k -> new TreeSet<>()).add(next);
                        continue;
                    }
                    if (id.equals(entry)) {
                        direct.add(next);
                    } else if (e.type() == EdgeType.RESOLVES_TO) {
                        resolvesTo.computeIfAbsent(id, k -> new TreeSet<>()).add(next);
                    }
                    EdgeStatus s = Check.weakest(here, e.status());
                    EdgeStatus old = seen.get(next);
                    if (old == null || Check.strongest(old, s) != old) {
                        seen.put(next, s);
                        queue.add(next);
                    }
                }
            }
            seen.remove(entry);
            seen.forEach((id, s) -> {
                via.computeIfAbsent(id, k -> new TreeSet<>()).add(entry);
                best.merge(id, s, Check::strongest);
            });
        }

        /** The reached vertices grouped by function. */
        List<ReachedFunction> functions() {
            Map<String, List<ReachedQualifier>> byFunction = new TreeMap<>();
            for (Map.Entry<String, EdgeStatus> e : best.entrySet()) {
                Node n = graph.node(e.getKey()).orElse(null);
                QualifierKind kind = n == null ? null : kindOf(n.kind());
                if (kind == null) {
                    continue;
                }
                String id = n.id();
                String function = kind == QualifierKind.LATEST ? id : n.groupId() != null ? n.groupId() : LambdaArns.unqualified(id);
                String qualifier = kind == QualifierKind.LATEST ? "$LATEST" : qualifierOf(n);
                byFunction.computeIfAbsent(function, k -> new ArrayList<>()).add(new ReachedQualifier(id, qualifier, kind,
                        e.getValue(), direct.contains(id), new ArrayList<>(via.get(id)),
                        new ArrayList<>(resolvesTo.getOrDefault(id, new TreeSet<>()))));
            }
            List<ReachedFunction> out = new ArrayList<>();
            for (Map.Entry<String, List<ReachedQualifier>> e : byFunction.entrySet()) {
                List<ReachedQualifier> qualifiers = e.getValue();
                qualifiers.sort(QUALIFIER_ORDER);
                EdgeStatus status = EdgeStatus.CONDITIONAL;
                TreeSet<String> allVia = new TreeSet<>();
                TreeSet<String> roles = new TreeSet<>();
                for (ReachedQualifier q : qualifiers) {
                    status = Check.strongest(status, q.status());
                    allVia.addAll(q.via());
                    roles.addAll(rolesOf.getOrDefault(q.qualifierId(), new TreeSet<>()));
                }
                String label = graph.node(e.getKey()).map(Node::label).orElse(LambdaArns.name(e.getKey()));
                out.add(new ReachedFunction(e.getKey(), label, status, new ArrayList<>(allVia), new ArrayList<>(roles),
                        qualifiers));
            }
            return out;
        }

        private static QualifierKind kindOf(NodeKind kind) {
            return switch (kind) {
                case LAMBDA_FUNCTION -> QualifierKind.LATEST;
                case LAMBDA_ALIAS -> QualifierKind.ALIAS;
                case LAMBDA_VERSION -> QualifierKind.VERSION;
                default -> null;
            };
        }

        private static String qualifierOf(Node n) {
            String q = n.attribute(Node.QUALIFIER);
            if (q != null) {
                return q;
            }
            LambdaArns.FunctionArn arn = LambdaArns.parse(n.id());
            return arn != null && arn.qualifier() != null ? arn.qualifier() : n.id();
        }
    }

    private static long versionNumber(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
