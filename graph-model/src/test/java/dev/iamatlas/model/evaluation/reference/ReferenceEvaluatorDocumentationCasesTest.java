package dev.iamatlas.model.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.evaluation.reference.DocumentationCases.Case;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference evaluator agrees with every documentation case; the case files are well formed.
 * Cases in ambiguous.jsonl hold our best reading of unclear documentation, and the reference
 * evaluator implements that reading too, so they are checked separately.
 */
class ReferenceEvaluatorDocumentationCasesTest {

    private static final Set<String> DECISIONS = Set.of("ALLOW", "IMPLICIT_DENY", "EXPLICIT_DENY", "ERROR");

    static Stream<Case> documentedCases() {
        return DocumentationCases.all().stream().filter(c -> !c.ambiguous());
    }

    static Stream<Case> ambiguousCases() {
        return DocumentationCases.all().stream().filter(Case::ambiguous);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedCases")
    void referenceEvaluatorAgreesWithTheDocumentation(Case c) {
        ReferenceEvaluator.Result result = ReferenceEvaluator.explain(c.request());
        assertThat(result.decision())
                .as("%s (%s:%d) %s%ntrace: %s", c.id(), c.file(), c.line(), c.note(), result.trace())
                .isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ambiguousCases")
    void referenceEvaluatorImplementsOurReadingOfUnclearDocumentation(Case c) {
        ReferenceEvaluator.Result result = ReferenceEvaluator.explain(c.request());
        assertThat(result.decision())
                .as("%s (%s:%d) %s%ntrace: %s", c.id(), c.file(), c.line(), c.note(), result.trace())
                .isEqualTo(c.expected());
    }

    @Test
    void everyCaseIsWellFormedAndCitesItsSource() {
        List<Case> cases = DocumentationCases.all();
        assertThat(cases).hasSizeGreaterThan(300);
        Set<String> ids = new HashSet<>();
        for (Case c : cases) {
            String where = c.file() + ":" + c.line();
            assertThat(c.id()).as(where).isNotBlank();
            assertThat(ids.add(c.id())).as("duplicate id %s at %s", c.id(), where).isTrue();
            assertThat(c.expected()).as(where).isIn(DECISIONS);
            assertThat(c.doc()).as(where).startsWith("https://docs.aws.amazon.com/");
            assertThat(c.request().path("principal").isTextual()).as(where).isTrue();
            assertThat(c.request().path("action").isTextual()).as(where).isTrue();
            assertThat(c.request().path("resource").isTextual()).as(where).isTrue();
            if (c.ambiguous()) {
                assertThat(c.note()).as(where).startsWith("ambiguous:");
            } else {
                assertThat(c.note()).as(where).isNotBlank().doesNotStartWith("ambiguous:");
            }
        }
    }
}
