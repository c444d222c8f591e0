package dev.iamatlas.model.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.policy.PolicyParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Small helpers so evaluation tests read like the documentation's examples. */
final class Eval {
    static final String A = "111122223333";
    static final String B = "444455556666";
    static final PolicyEvaluator EVALUATOR = new DefaultPolicyEvaluator();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Eval() {
    }

    /** JSON written with single quotes (more readable in Java) to real JSON. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static NamedPolicy policy(String label, String singleQuotedJson) {
        return new NamedPolicy(label, PolicyParser.parse(q(singleQuotedJson)));
    }

    static NamedPolicy policy(String singleQuotedJson) {
        return policy("policy", singleQuotedJson);
    }

    /** A 2012-10-17 policy with the given statements (single-quoted JSON objects, comma-separated). */
    static NamedPolicy statements(String statements) {
        return policy("{'Version':'2012-10-17','Statement':[" + statements + "]}");
    }

    static EvaluationRequest.Builder request(String principal, String action, String resource) {
        return EvaluationRequest.builder().principal(principal).action(action).resource(resource);
    }

    static Outcome decide(EvaluationRequest.Builder builder) {
        EvaluationRequest request = builder.build();
        Decision fast = EVALUATOR.evaluate(request);
        Decision explained = EVALUATOR.explain(request);
        if (fast.outcome() != explained.outcome() || fast.mostPermissive() != explained.mostPermissive()) {
            throw new AssertionError("evaluate and explain disagree: " + fast + " vs " + explained);
        }
        return fast.outcome();
    }

    /** Context from single-quoted JSON: {'k':'v','m':['a','b']}. */
    static Map<String, List<String>> context(String singleQuotedJson) {
        try {
            JsonNode node = MAPPER.readTree(q(singleQuotedJson));
            Map<String, List<String>> out = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> values = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> values.add(v.asText()));
                } else {
                    values.add(e.getValue().asText());
                }
                out.put(e.getKey(), values);
            }
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
