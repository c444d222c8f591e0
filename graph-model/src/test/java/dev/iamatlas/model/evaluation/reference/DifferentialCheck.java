package dev.iamatlas.model.evaluation.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a candidate evaluator and the {@link ReferenceEvaluator} over the same requests and lists
 * where they disagree. The lead plugs the product's evaluator in as the candidate, e.g.
 * {@code DifferentialCheck.run(product::decide, DifferentialCheck.randomRequests(1, 10_000))}.
 */
public final class DifferentialCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DifferentialCheck() {
    }

    /** One disagreement, with the reference evaluator's trace to start the investigation. */
    public record Mismatch(String id, String reference, String candidate, List<String> referenceTrace, JsonNode request) {
        @Override
        public String toString() {
            return id + ": reference " + reference + ", candidate " + candidate + " " + referenceTrace + "\n  " + request;
        }
    }

    /**
     * Every request on which {@code candidate} (answering "ALLOW", "IMPLICIT_DENY", "EXPLICIT_DENY"
     * or "ERROR") differs from the reference evaluator; empty when they agree everywhere.
     */
    public static List<Mismatch> run(Function<JsonNode, String> candidate, Iterable<? extends JsonNode> requests) {
        Objects.requireNonNull(candidate, "candidate");
        List<Mismatch> mismatches = new ArrayList<>();
        for (JsonNode request : requests) {
            ReferenceEvaluator.Result reference = ReferenceEvaluator.explain(request);
            String answer = candidate.apply(request);
            if (!reference.decision().equals(answer)) {
                mismatches.add(new Mismatch(request.path("id").asText(), reference.decision(), answer, reference.trace(), request));
            }
        }
        return mismatches;
    }

    /** {@link RandomCaseGenerator#cases} parsed into requests. */
    public static List<JsonNode> randomRequests(long seed, int count) {
        List<JsonNode> requests = new ArrayList<>(count);
        for (String line : RandomCaseGenerator.cases(seed, count)) {
            try {
                requests.add(MAPPER.readTree(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("generator wrote invalid JSON: " + line, e);
            }
        }
        return requests;
    }

    /** The documentation cases as requests without their answers. */
    public static List<JsonNode> documentationRequests() {
        List<JsonNode> requests = new ArrayList<>();
        DocumentationCases.all().forEach(c -> requests.add(c.requestWithoutAnswer()));
        return requests;
    }
}
