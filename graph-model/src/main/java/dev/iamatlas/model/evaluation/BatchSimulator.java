package dev.iamatlas.model.evaluation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * The engine of {@code iam-atlas simulate --batch}: JSON Lines in, exactly one JSON line out per
 * input line, in order.
 *
 * <ul>
 *   <li>{@code {"id":"c1","decision":"ALLOW"}} ({@code IMPLICIT_DENY}, {@code EXPLICIT_DENY});</li>
 *   <li>{@code {"id":"c2","error":"identityPolicies[0].Statement[1]: unknown condition operator StringEqualz"}}
 *       for a line that cannot be read (without {@code id} when it cannot be read either); the run
 *       goes on;</li>
 *   <li>a blank line also gets an error line ({@code "empty line"}), so output line N always
 *       answers input line N;</li>
 *   <li>with explain, an {@code explain} object carries the evidence.</li>
 * </ul>
 *
 * <p>Output is buffered and flushed whenever the input has nothing more ready, so a caller that
 * writes one line and waits for the answer is served, and a piped batch is written in large blocks.
 */
public final class BatchSimulator {
    private final PolicyEvaluator evaluator;
    private final boolean explain;
    private final SimulationRequestReader reader = new SimulationRequestReader();
    private final JsonFactory factory = JsonFactory.builder().build();

    /**
     * @param evaluator the evaluator to ask
     * @param explain   whether each line carries its evidence
     */
    public BatchSimulator(PolicyEvaluator evaluator, boolean explain) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.explain = explain;
    }

    /**
     * Answers every line of {@code in} on {@code out}; returns the number of lines.
     *
     * @throws IOException only when reading or writing fails; bad lines become error lines
     */
    public long run(BufferedReader in, Writer out) throws IOException {
        long count = 0;
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.setRootValueSeparator(new SerializedString(""));
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            String line;
            while (true) {
                if (!in.ready()) {
                    gen.flush();
                }
                line = in.readLine();
                if (line == null) {
                    break;
                }
                count++;
                answer(line, gen);
                gen.writeRaw('\n');
            }
            gen.flush();
        }
        return count;
    }

    private void answer(String line, JsonGenerator gen) throws IOException {
        if (line.isBlank()) {
            gen.writeStartObject();
            gen.writeStringField("error", "empty line");
            gen.writeEndObject();
            return;
        }
        SimulationRequestReader.Parsed parsed;
        try {
            parsed = reader.read(line);
        } catch (SimulationRequestReader.InvalidRequestException e) {
            gen.writeStartObject();
            writeId(gen, e.id());
            gen.writeStringField("error", e.getMessage());
            gen.writeEndObject();
            return;
        }
        Decision decision = explain ? evaluator.explain(parsed.request()) : evaluator.evaluate(parsed.request());
        gen.writeStartObject();
        writeId(gen, parsed.id());
        gen.writeStringField("decision", decision.outcome().name());
        if (explain) {
            gen.writeFieldName("explain");
            writeExplanation(gen, decision);
        }
        gen.writeEndObject();
    }

    private static void writeId(JsonGenerator gen, Object id) throws IOException {
        if (id instanceof String) {
            gen.writeStringField("id", (String) id);
        } else if (id instanceof Number) {
            gen.writeFieldName("id");
            gen.writeNumber(id.toString());
        }
    }

    /** Writes a decision's evidence as one JSON object (the {@code explain} field). */
    public static void writeExplanation(JsonGenerator gen, Decision decision) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("reason", decision.reason().name());
        gen.writeStringField("description", decision.reason().description());
        if (decision.isConditional() || !decision.unknownKeys().isEmpty()) {
            gen.writeBooleanField("conditional", decision.isConditional());
            gen.writeStringField("mostPermissive", decision.mostPermissive().name());
            gen.writeArrayFieldStart("unknownKeys");
            for (String key : decision.unknownKeys()) {
                gen.writeString(key);
            }
            gen.writeEndArray();
        }
        gen.writeArrayFieldStart("deciding");
        for (StatementRef ref : decision.decidingStatements()) {
            gen.writeStartObject();
            gen.writeStringField("policy", ref.policyLabel());
            gen.writeStringField("type", ref.policyType().name());
            gen.writeNumberField("statement", ref.index());
            if (ref.sid() != null) {
                gen.writeStringField("sid", ref.sid());
            }
            gen.writeStringField("effect", ref.effect().json());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("policies");
        for (PolicyEvidence policy : decision.evidence()) {
            gen.writeStartObject();
            gen.writeStringField("policy", policy.label());
            gen.writeStringField("type", policy.type().name());
            if (policy.level() >= 0) {
                gen.writeNumberField("level", policy.level());
            }
            gen.writeArrayFieldStart("statements");
            for (StatementEvidence s : policy.statements()) {
                gen.writeStartObject();
                gen.writeNumberField("statement", s.index());
                if (s.sid() != null) {
                    gen.writeStringField("sid", s.sid());
                }
                gen.writeStringField("effect", s.effect().json());
                if (s.principalMatch() != null) {
                    gen.writeStringField("principal", s.principalMatch().name());
                }
                gen.writeStringField("matched", s.matched().name());
                gen.writeArrayFieldStart("conditions");
                for (ConditionEvidence c : s.conditions()) {
                    gen.writeStartObject();
                    gen.writeStringField("operator", c.operator());
                    gen.writeStringField("key", c.key());
                    writeStrings(gen, "policyValues", c.policyValues());
                    writeStrings(gen, "contextValues", c.contextValues());
                    gen.writeStringField("result", c.result().name());
                    gen.writeEndObject();
                }
                gen.writeEndArray();
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    private static void writeStrings(JsonGenerator gen, String field, List<String> values) throws IOException {
        if (values == null) {
            gen.writeNullField(field);
            return;
        }
        gen.writeArrayFieldStart(field);
        for (String v : values) {
            gen.writeString(v);
        }
        gen.writeEndArray();
    }
}
