package dev.iamatlas.model.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Optional;

/**
 * Decides whether an imported policy document can be used, and if not, says why in a few words. The importer
 * keeps every document in the snapshot either way; a problem becomes a warning and a scan gap.
 */
@FunctionalInterface
public interface PolicyCheck {

    /**
     * The problem with {@code document}, such as {@code "not valid JSON"}, or empty when it is usable.
     *
     * @param document the decoded document
     */
    Optional<String> problem(PolicyText document);

    /**
     * The check the importer uses unless it is given another: the document is a JSON object with a
     * {@code Statement} that is an object or a list. This is where the full policy-language parser
     * ({@code PolicyParser.parse}) belongs once it is in the model: replace the body with a call to it and report
     * its message.
     */
    PolicyCheck STRUCTURE = PolicyCheck::structuralProblem;

    /** The structural check of {@link #STRUCTURE}. */
    static Optional<String> structuralProblem(PolicyText document) {
        // TODO(policy parser): when dev.iamatlas.model.policy is merged, decide here with
        // PolicyParser.parse(document.json()) and return the PolicyParseException's short problem text.
        JsonNode tree = document.tree();
        if (tree == null) {
            return Optional.of("not valid JSON");
        }
        if (!tree.isObject()) {
            return Optional.of("not a JSON object");
        }
        JsonNode statement = tree.get("Statement");
        if (statement == null) {
            return Optional.of("not a policy: no Statement");
        }
        if (!statement.isObject() && !statement.isArray()) {
            return Optional.of("not a policy: Statement is neither an object nor a list");
        }
        return Optional.empty();
    }
}
