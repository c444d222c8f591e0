package dev.iamatlas.model.evaluation.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The differential harness finds nothing against itself and finds a careless candidate out. */
class DifferentialCheckTest {

    @Test
    void theReferenceEvaluatorAgreesWithItself() {
        assertThat(DifferentialCheck.run(ReferenceEvaluator::decide, DifferentialCheck.randomRequests(9, 1000))).isEmpty();
        assertThat(DifferentialCheck.run(ReferenceEvaluator::decide, DifferentialCheck.documentationRequests())).isEmpty();
    }

    @Test
    void aCandidateThatIgnoresExplicitDeniesIsCaught() {
        var mismatches = DifferentialCheck.run(request -> {
            String reference = ReferenceEvaluator.decide(request);
            return reference.equals("EXPLICIT_DENY") ? "ALLOW" : reference;
        }, DifferentialCheck.documentationRequests());
        assertThat(mismatches).isNotEmpty().allSatisfy(m -> assertThat(m.reference()).isEqualTo("EXPLICIT_DENY"));
    }
}
