package dev.iamatlas.model.evaluation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * <p>Lines are answered in chunks on {@code threads} worker threads (each with its own policy
 * cache) and written in input order. Output is flushed whenever the input has nothing more ready,
 * so a caller that writes one line and waits for the answer is served, and a piped batch is
 * written in large blocks.
 */
public final class BatchSimulator {
    private static final int CHUNK_LINES = 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final PolicyEvaluator evaluator;
    private final boolean explain;
    private final int threads;
    private final ThreadLocal<SimulationRequestReader> readers = ThreadLocal.withInitial(SimulationRequestReader::new);

    /**
     * Answers on one worker per available processor.
     *
     * @param evaluator the evaluator to ask (thread-safe)
     * @param explain   whether each line carries its evidence
     */
    public BatchSimulator(PolicyEvaluator evaluator, boolean explain) {
        this(evaluator, explain, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads worker threads; 1 answers on the calling thread
     */
    public BatchSimulator(PolicyEvaluator evaluator, boolean explain, int threads) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.explain = explain;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Answers every line of {@code in} on {@code out}; returns the number of lines.
     *
     * @throws IOException only when reading or writing fails; bad lines become error lines
     */
    public long run(BufferedReader in, Writer out) throws IOException {
        if (threads == 1) {
            return runSequential(in, out);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "simulate-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            return runParallel(in, out, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private long runSequential(BufferedReader in, Writer out) throws IOException {
        long count = 0;
        try (JsonGenerator gen = generator(out)) {
            String line;
            while (true) {
                if (!in.ready()) {
                    gen.flush();
                    out.flush();
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
        out.flush();
        return count;
    }

    private long runParallel(BufferedReader in, Writer out, ExecutorService pool) throws IOException {
        ArrayDeque<Future<String>> pending = new ArrayDeque<>();
        long count = 0;
        List<String> chunk = new ArrayList<>(CHUNK_LINES);
        while (true) {
            boolean ready = in.ready();
            if (!ready || chunk.size() >= CHUNK_LINES) {
                if (!chunk.isEmpty()) {
                    List<String> lines = chunk;
                    pending.add(pool.submit(() -> answerChunk(lines)));
                    chunk = new ArrayList<>(CHUNK_LINES);
                }
                // keep memory bounded; when the input would block, answer everything read so far first
                while (!pending.isEmpty() && (!ready || pending.size() > 2 * threads || pending.peek().isDone())) {
                    out.write(take(pending.poll()));
                }
                if (!ready) {
                    out.flush();
                }
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            count++;
            chunk.add(line);
        }
        if (!chunk.isEmpty()) {
            List<String> lines = chunk;
            pending.add(pool.submit(() -> answerChunk(lines)));
        }
        while (!pending.isEmpty()) {
            out.write(take(pending.poll()));
        }
        out.flush();
        return count;
    }

    private static String take(Future<String> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while answering", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException) {
                throw ((UncheckedIOException) cause).getCause();
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IOException(cause);
        }
    }

    private String answerChunk(List<String> lines) {
        StringWriter text = new StringWriter(lines.size() * 40);
        try (JsonGenerator gen = generator(text)) {
            for (String line : lines) {
                answer(line, gen);
                gen.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator gen = FACTORY.createGenerator(out);
        gen.setRootValueSeparator(new SerializedString(""));
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return gen;
    }

    private void answer(String line, JsonGenerator gen) throws IOException {
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1); // a byte order mark (at the start of a UTF-8 file) is not part of the request
        }
        if (line.isBlank()) {
            gen.writeStartObject();
            gen.writeStringField("error", "empty line");
            gen.writeEndObject();
            return;
        }
        SimulationRequestReader.Parsed parsed;
        try {
            parsed = readers.get().read(line);
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
