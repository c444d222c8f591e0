package dev.iamatlas.model.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.testing.ShopAccount;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShopFindingsTest {

    @Test
    void theShopShowsEveryRuleAtLeastOnce() {
        try (AnalysisSession session = AnalysisSession.open(ShopAccount.snapshot(), 2)) {
            assertThat(session.findings().stream().map(Finding::ruleId).collect(Collectors.toSet()))
                    .containsAll(RuleCatalogue.rules().stream().map(RuleInfo::id).collect(Collectors.toList()));
        }
    }
}
