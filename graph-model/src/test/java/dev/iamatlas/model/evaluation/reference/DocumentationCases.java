package dev.iamatlas.model.evaluation.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the documentation case files ({@code src/test/resources/policy-cases/*.jsonl}). The lead
 * can use {@link #all()} to run the product's evaluator over the same table.
 */
public final class DocumentationCases {

    /** Name of the file that holds the cases whose expected answer is our reading of unclear docs. */
    public static final String AMBIGUOUS_FILE = "ambiguous.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DocumentationCases() {
    }

    /** One line of a case file. */
    public record Case(String file, int line, String id, String expected, String doc, String note, ObjectNode request) {
        public boolean ambiguous() {
            return file.equals(AMBIGUOUS_FILE);
        }

        /** The request alone, without {@code expected}, {@code doc} and {@code note}: a line for {@code simulate --batch}. */
        public ObjectNode requestWithoutAnswer() {
            ObjectNode copy = request.deepCopy();
            copy.remove(List.of("expected", "doc", "note"));
            return copy;
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Every case of every file, in file-name then line order. */
    public static List<Case> all() {
        Path dir = directory();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i).strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    ObjectNode node = (ObjectNode) MAPPER.readTree(text);
                    cases.add(new Case(file.getFileName().toString(), i + 1, node.path("id").asText(null),
                            node.path("expected").asText(null), node.path("doc").asText(null),
                            node.path("note").asText(null), node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** The folder of case files on the test class path. */
    public static Path directory() {
        URL url = DocumentationCases.class.getResource("/policy-cases");
        if (url == null) {
            throw new IllegalStateException("policy-cases not found on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
