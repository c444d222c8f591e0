package dev.iamatlas.model.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers requests exactly as {@code iam-atlas simulate --batch} does: the lines go through
 * {@link BatchSimulator} (and so {@link SimulationRequestReader} and {@link DefaultPolicyEvaluator})
 * and each output line is read back as {@code ALLOW}, {@code IMPLICIT_DENY}, {@code EXPLICIT_DENY}
 * or {@code ERROR} (an {@code error} line), the vocabulary of the documentation cases.
 */
final class SimulateBatch {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulateBatch() {
    }

    /** The answers to {@code requests}, in order. */
    static List<String> answers(List<? extends JsonNode> requests) {
        StringBuilder input = new StringBuilder();
        try {
            for (JsonNode request : requests) {
                input.append(MAPPER.writeValueAsString(request)).append('\n');
            }
            StringWriter out = new StringWriter();
            new BatchSimulator(new DefaultPolicyEvaluator(), false, 2)
                    .run(new BufferedReader(new StringReader(input.toString())), out);
            List<String> answers = new ArrayList<>(requests.size());
            for (String line : out.toString().split("\n", -1)) {
                if (!line.isEmpty()) {
                    answers.add(decisionOf(MAPPER.readTree(line)));
                }
            }
            if (answers.size() != requests.size()) {
                throw new IllegalStateException(requests.size() + " lines in, " + answers.size() + " out");
            }
            return answers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("simulate wrote invalid JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to one request. */
    static String answer(JsonNode request) {
        return answers(List.of(request)).get(0);
    }

    private static String decisionOf(JsonNode output) {
        if (output.has("error")) {
            return "ERROR";
        }
        return output.path("decision").asText("(no decision)");
    }
}
