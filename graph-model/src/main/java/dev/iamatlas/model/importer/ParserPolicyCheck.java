package dev.iamatlas.model.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.evaluation.PolicyPlacement;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyParseException;
import dev.iamatlas.model.policy.PolicyParser;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PolicyCheck#PARSER}: a document is usable when {@link PolicyParser} reads it and
 * {@link PolicyPlacement} accepts it in its role (identity policies need {@code Resource} and no
 * {@code Principal}; a trust policy, being resource-based, needs {@code Principal}). A problem is the
 * parse exception's message on one line; documents that are not JSON at all, not an object, or have no
 * {@code Statement} get the short wording users of the importer already know.
 */
final class ParserPolicyCheck implements PolicyCheck {
    /** A warning line stays readable; parser messages are far shorter than this in practice. */
    private static final int MAX_LENGTH = 300;

    @Override
    public Optional<String> problem(PolicyText document) {
        return problem(document, PolicyType.IDENTITY);
    }

    @Override
    public Optional<String> problem(PolicyText document, PolicyType type) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(type, "type");
        JsonNode tree = document.tree();
        if (tree == null) {
            return Optional.of("not valid JSON");
        }
        if (!tree.isObject()) {
            return Optional.of("not a JSON object");
        }
        if (!tree.has("Statement")) {
            return Optional.of("not a policy: no Statement");
        }
        try {
            PolicyDocument parsed = PolicyParser.parse(tree);
            PolicyPlacement.check(parsed, type);
            return Optional.empty();
        } catch (PolicyParseException e) {
            return Optional.of(oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }
}
