package dev.iamatlas.model.importer;

import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Optional;

/**
 * Decides whether an imported policy document can be used, and if not, says why in one line. The importer
 * keeps every document in the snapshot either way; a problem becomes a warning and a scan gap.
 */
@FunctionalInterface
public interface PolicyCheck {

    /**
     * The problem with {@code document} as an identity-based policy, such as {@code "not valid JSON"}, or
     * empty when it is usable.
     *
     * @param document the decoded document
     */
    Optional<String> problem(PolicyText document);

    /**
     * The problem with {@code document} in the role {@code type} (a role's trust policy is a
     * {@link PolicyType#RESOURCE resource-based policy}; inline and managed policies are
     * {@link PolicyType#IDENTITY identity-based}). By default the same as {@link #problem(PolicyText)}.
     */
    default Optional<String> problem(PolicyText document, PolicyType type) {
        return problem(document);
    }

    /**
     * The check the importer uses unless it is given another: the full policy language
     * ({@code PolicyParser.parse}) and the rules of the policy's type ({@code PolicyPlacement}), reported
     * as the parser's one-line message, e.g. {@code Statement[1]: unknown condition operator StringEqualz}.
     */
    PolicyCheck PARSER = new ParserPolicyCheck();
}
