package dev.iamatlas.model.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeEvidence;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.EvaluatedRequest;
import dev.iamatlas.model.graph.InvolvedPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One edge of a path as reports show it: which link, between which nodes (ids and labels), its status, the short
 * reason and the long explanation, and, for findings, the evidence that decided it. A plain value, independent of
 * the graph it was taken from.
 *
 * @param edge the edge's stable id
 * @param type the kind of link
 * @param status whether it works
 * @param from the source node id
 * @param fromLabel the source node's label
 * @param to the target node id
 * @param toLabel the target node's label
 * @param label the short label ("invokes")
 * @param explanation the long explanation, one or two sentences
 * @param derived whether a query worked the edge out on demand rather than reading it from the graph
 * @param evidence the requests evaluated and notes, or null when not taken (query results, diffs)
 */
public record PathStep(
        String edge,
        EdgeType type,
        EdgeStatus status,
        String from,
        String fromLabel,
        String to,
        String toLabel,
        String label,
        String explanation,
        boolean derived,
        Evidence evidence) {

    /** Separates the lead of an edge explanation from its reason ("X invokes Y — allowed by ..."). */
    private static final String REASON_SEPARATOR = " \u2014 ";

    public PathStep {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        fromLabel = fromLabel == null ? from : fromLabel;
        toLabel = toLabel == null ? to : toLabel;
        label = label == null ? type.verb() : label;
        explanation = explanation == null ? label : explanation;
    }

    /**
     * The step for {@code edge}.
     *
     * @param labelOf the label of a node id (the id itself when unknown)
     * @param withEvidence whether to take the evidence too (this runs the explaining evaluation of the edge once)
     */
    public static PathStep of(AccessEdge edge, Function<String, String> labelOf, boolean withEvidence) {
        Objects.requireNonNull(edge, "edge");
        return new PathStep(edge.id(), edge.type(), edge.status(), edge.sourceId(), labelOf.apply(edge.sourceId()),
                edge.targetId(), labelOf.apply(edge.targetId()), edge.label(), edge.explanation(), edge.derived(),
                withEvidence ? Evidence.of(edge.evidence()) : null);
    }

    /** The steps for a path of edges. */
    public static List<PathStep> of(List<AccessEdge> path, Function<String, String> labelOf, boolean withEvidence) {
        List<PathStep> out = new ArrayList<>(path.size());
        for (AccessEdge e : path) {
            out.add(of(e, labelOf, withEvidence));
        }
        return List.copyOf(out);
    }

    /**
     * The short reason: the part of the explanation after its lead ("allowed by statement apigw-prod of function
     * orders resource policy"), or the whole explanation when it has no separate reason.
     */
    public String reason() {
        int at = explanation.indexOf(REASON_SEPARATOR);
        return at < 0 ? explanation : explanation.substring(at + REASON_SEPARATOR.length());
    }

    /**
     * Why an edge has its status: each request the policy evaluator answered, and notes.
     *
     * @param requests the evaluated requests, in the order they were asked
     * @param notes notes for people ("depends on aws:SourceIp, which a snapshot cannot know")
     */
    public record Evidence(List<Request> requests, List<String> notes) {
        public Evidence {
            requests = requests == null ? List.of() : List.copyOf(requests);
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        static Evidence of(EdgeEvidence evidence) {
            List<Request> requests = new ArrayList<>();
            for (EvaluatedRequest r : evidence.requests()) {
                requests.add(Request.of(r));
            }
            return new Evidence(requests, evidence.notes());
        }
    }

    /**
     * One request exactly as the evaluator answered it.
     *
     * @param purpose what it checks ("API Gateway may invoke the function")
     * @param principal the caller as evaluated
     * @param action the action
     * @param resource the resource
     * @param context the context keys the request carried, with their values
     * @param unknownKeys keys the snapshot cannot know that conditions depend on
     * @param status the status this request alone gives
     * @param outcome the evaluator's outcome ({@code ALLOW}, {@code EXPLICIT_DENY}, {@code IMPLICIT_DENY}; for a
     *     conditional decision, the least permissive bound)
     * @param reason why, in one line
     * @param deciding the statements that decided it (empty for an implicit deny)
     */
    public record Request(
            String purpose,
            String principal,
            String action,
            String resource,
            SortedMap<String, List<String>> context,
            SortedSet<String> unknownKeys,
            EdgeStatus status,
            String outcome,
            String reason,
            List<Statement> deciding) {

        public Request {
            context = context == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(context));
            unknownKeys = unknownKeys == null ? Collections.emptySortedSet()
                    : Collections.unmodifiableSortedSet(new TreeSet<>(unknownKeys));
            deciding = deciding == null ? List.of() : List.copyOf(deciding);
        }

        static Request of(EvaluatedRequest r) {
            List<Statement> deciding = new ArrayList<>();
            for (InvolvedPolicy p : r.policies()) {
                if (p.deciding().isEmpty()) {
                    continue;
                }
                JsonNode statements = statements(p);
                for (int index : p.deciding()) {
                    JsonNode st = statements == null ? null : statements.get(index);
                    deciding.add(new Statement(p.label(), p.type(), p.owner(), index, text(st, "Sid"),
                            text(st, "Effect"), st == null ? null : st.toString()));
                }
            }
            return new Request(r.purpose(), r.principal(), r.action(), r.resource(), r.context(), r.unknownKeys(),
                    r.status(), r.decision().outcome().name(), r.decision().reason().description(), deciding);
        }
    }

    /**
     * A policy statement that decided a request.
     *
     * @param policy the policy's label ("function orders resource policy", a managed policy ARN)
     * @param policyType the part the policy played
     * @param owner what the policy is attached to, or null
     * @param index the statement's 0-based position in the policy
     * @param sid its Sid, or null
     * @param effect {@code Allow} or {@code Deny}, or null when the document could not be read
     * @param statement the statement as compact JSON, or null when the document could not be read
     */
    public record Statement(String policy, PolicyType policyType, String owner, int index, String sid, String effect,
            String statement) {
        public Statement {
            Objects.requireNonNull(policy, "policy");
        }

        /** "statement apigw-prod of function orders resource policy", or "statement #0 of ..." without a Sid. */
        public String describe() {
            return "statement " + (sid != null ? sid : "#" + index) + " of " + policy;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The policy's statements as an array node, or null when the document is not JSON. */
    private static JsonNode statements(InvolvedPolicy policy) {
        if (policy.document() == null || !policy.document().isJson()) {
            return null; // a document that is not JSON is kept verbatim; no statement can be quoted from it
        }
        try {
            JsonNode root = JSON.readTree(policy.document().json());
            JsonNode st = root == null ? null : root.get("Statement");
            if (st == null) {
                return null;
            }
            return st.isArray() ? st : JSON.createArrayNode().add(st);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy " + policy.label() + " is marked JSON but does not parse", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() ? null : value.asText();
    }
}
