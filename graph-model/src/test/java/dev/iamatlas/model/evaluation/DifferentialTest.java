package dev.iamatlas.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iamatlas.model.evaluation.reference.DifferentialCheck;
import dev.iamatlas.model.evaluation.reference.DifferentialCheck.Mismatch;
import dev.iamatlas.model.evaluation.reference.ReferenceEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The product, answering exactly as {@code simulate --batch} does, agrees with the independent
 * {@link ReferenceEvaluator} on random requests ({@code RandomCaseGenerator}: every operator
 * family, set operators, IfExists, policy variables, Principal and NotPrincipal, boundaries,
 * session policies, SCP and RCP levels, encoded and invalid documents).
 */
class DifferentialTest {

    /** Enough to meet every generator branch many times; {@code -Ddifferential.casesPerSeed=N} runs more. */
    private static final int CASES_PER_SEED = Integer.getInteger("differential.casesPerSeed", 4_000);

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 20240611})
    void simulateBatchAgreesWithTheReferenceEvaluator(long seed) {
        List<JsonNode> requests = DifferentialCheck.randomRequests(seed, CASES_PER_SEED);
        List<String> answers = SimulateBatch.answers(requests);
        Map<JsonNode, String> byRequest = new IdentityHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byRequest.put(requests.get(i), answers.get(i));
        }
        List<Mismatch> mismatches = DifferentialCheck.run(byRequest::get, requests);
        if (!mismatches.isEmpty()) {
            writeReport(seed, mismatches); // every disagreement with its reference trace, for investigation
        }
        assertThat(mismatches)
                .as("%d of %d random requests (seed %d) disagree:%n%s", mismatches.size(), requests.size(), seed,
                        mismatches.stream().limit(20).map(Mismatch::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static void writeReport(long seed, List<Mismatch> mismatches) {
        Path report = Path.of("target", "differential-seed-" + seed + ".txt");
        try {
            Files.createDirectories(report.getParent());
            Files.write(report, mismatches.stream().map(Mismatch::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
