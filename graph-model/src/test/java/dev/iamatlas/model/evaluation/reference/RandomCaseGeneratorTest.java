package dev.iamatlas.model.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generator is deterministic and produces cases of every outcome; and properties that any
 * correct evaluator has hold for the reference evaluator on random cases.
 */
class RandomCaseGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int COUNT = 3000;

    @Test
    void theSameSeedGivesTheSameCases() {
        assertThat(RandomCaseGenerator.cases(42, 200)).isEqualTo(RandomCaseGenerator.cases(42, 200));
        assertThat(RandomCaseGenerator.cases(42, 200)).isNotEqualTo(RandomCaseGenerator.cases(43, 200));
    }

    @Test
    void casesAreRequestsOfTheBatchShapeWithUniqueIds() throws Exception {
        List<String> lines = RandomCaseGenerator.cases(7, 500);
        assertThat(lines).hasSize(500).doesNotHaveDuplicates();
        for (String line : lines) {
            JsonNode request = MAPPER.readTree(line);
            assertThat(request.path("id").asText()).startsWith("random-7-");
            assertThat(request.path("principal").isTextual()).isTrue();
            assertThat(request.path("action").isTextual()).isTrue();
            assertThat(request.path("resource").isTextual()).isTrue();
            assertThat(request.has("expected")).isFalse();
        }
    }

    @Test
    void everyOutcomeOccursOften() {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : RandomCaseGenerator.cases(1, COUNT)) {
            counts.merge(ReferenceEvaluator.decide(line), 1, Integer::sum);
        }
        assertThat(counts.getOrDefault("ALLOW", 0)).as("%s", counts).isGreaterThan(COUNT / 10);
        assertThat(counts.getOrDefault("IMPLICIT_DENY", 0)).as("%s", counts).isGreaterThan(COUNT / 10);
        assertThat(counts.getOrDefault("EXPLICIT_DENY", 0)).as("%s", counts).isGreaterThan(COUNT / 20);
        assertThat(counts.getOrDefault("ERROR", 0)).as("%s", counts).isGreaterThan(0).isLessThan(COUNT / 10);
    }

    @Test
    void anIdentityDenyForEverythingMakesEveryValidRequestOfAnIamPrincipalAnExplicitDeny() throws Exception {
        for (String line : RandomCaseGenerator.cases(2, COUNT)) {
            ObjectNode request = (ObjectNode) MAPPER.readTree(line);
            if (!request.path("principal").asText().startsWith("arn:") || ReferenceEvaluator.decide(request).equals("ERROR")) {
                continue;
            }
            ((ArrayNode) request.get("identityPolicies")).add(MAPPER.readTree(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
            assertThat(ReferenceEvaluator.decide(request)).as(line).isEqualTo("EXPLICIT_DENY");
        }
    }

    @Test
    void anRcpThatDeniesEverythingDeniesEveryoneButServiceLinkedRoles() throws Exception {
        for (String line : RandomCaseGenerator.cases(3, COUNT)) {
            ObjectNode request = (ObjectNode) MAPPER.readTree(line);
            if (ReferenceEvaluator.decide(request).equals("ERROR") || request.path("principal").asText().contains("aws-service-role")) {
                continue;
            }
            request.set("rcps", MAPPER.readTree("[[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                    + "\"Action\":\"*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}]]"));
            assertThat(ReferenceEvaluator.decide(request)).as(line).isEqualTo("EXPLICIT_DENY");
        }
    }

    @Test
    void withoutAnyAllowStatementNothingIsAllowed() throws Exception {
        for (String line : RandomCaseGenerator.cases(4, COUNT)) {
            ObjectNode request = (ObjectNode) MAPPER.readTree(line);
            for (String field : List.of("identityPolicies", "resourcePolicy", "permissionBoundary", "sessionPolicy", "scps", "rcps")) {
                request.set(field, allowsTurnedIntoDenies(request.get(field)));
            }
            assertThat(ReferenceEvaluator.decide(request)).as(line).isNotEqualTo("ALLOW");
        }
    }

    /** Every policy under {@code node} (decoded when given as text) with Allow statements made Deny. */
    private static JsonNode allowsTurnedIntoDenies(JsonNode node) throws Exception {
        if (node == null || node.isNull()) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            for (JsonNode item : node) {
                copy.add(allowsTurnedIntoDenies(item));
            }
            return copy;
        }
        JsonNode policy = ReferenceEvaluator.decodePolicyDocument(node);
        if (policy == null) {
            return node;
        }
        String text = policy.toString().replace("\"Effect\":\"Allow\"", "\"Effect\":\"Deny\"");
        return MAPPER.readTree(text);
    }

    @Test
    void theEncodingOfAPolicyDoesNotChangeTheDecision() throws Exception {
        for (String line : RandomCaseGenerator.cases(5, COUNT)) {
            ObjectNode request = (ObjectNode) MAPPER.readTree(line);
            String expected = ReferenceEvaluator.decide(request);
            JsonNode policy = request.get("resourcePolicy");
            if (!policy.isObject()) {
                continue;
            }
            String json = policy.toString();
            request.put("resourcePolicy", json);
            assertThat(ReferenceEvaluator.decide(request)).as("JSON text of " + line).isEqualTo(expected);
            request.put("resourcePolicy", URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20"));
            assertThat(ReferenceEvaluator.decide(request)).as("URL-encoded " + line).isEqualTo(expected);
            String quoted = MAPPER.writeValueAsString(json);
            request.put("resourcePolicy", quoted.substring(1, quoted.length() - 1).replace("/", "\\/"));
            assertThat(ReferenceEvaluator.decide(request)).as("JSON-escaped " + line).isEqualTo(expected);
        }
    }

    @Test
    void theReferenceEvaluatorIsDeterministic() {
        for (String line : RandomCaseGenerator.cases(6, 500)) {
            assertThat(ReferenceEvaluator.decide(line)).isEqualTo(ReferenceEvaluator.decide(line));
        }
    }
}
