package dev.iamatlas.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.evaluation.reference.DocumentationCases;
import dev.iamatlas.model.evaluation.reference.DocumentationCases.Case;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documentation case ({@code src/test/resources/policy-cases/*.jsonl}, each citing its AWS
 * documentation page in its {@code doc} field) answered by the product exactly as
 * {@code simulate --batch} answers it: {@code expected} is the decision, and {@code ERROR} means
 * an {@code error} line.
 */
class DocumentationCasesTest {

    private static final Map<String, String> ANSWERS = new HashMap<>();

    static Stream<Case> cases() {
        return DocumentationCases.all().stream();
    }

    @BeforeAll
    static void answerEveryCaseInOneBatch() {
        List<Case> all = DocumentationCases.all();
        List<String> answers = SimulateBatch.answers(all.stream().map(Case::requestWithoutAnswer).toList());
        for (int i = 0; i < all.size(); i++) {
            ANSWERS.put(all.get(i).id(), answers.get(i));
        }
    }

    @Test
    void everyCaseFileIsRead() {
        assertThat(DocumentationCases.all()).hasSizeGreaterThanOrEqualTo(610);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void simulateBatchAnswersAsTheDocumentationSays(Case c) {
        assertThat(ANSWERS.get(c.id()))
                .as("%s (%s:%d) %s%n%s", c.id(), c.file(), c.line(), c.note(), c.doc())
                .isEqualTo(c.expected());
    }
}
