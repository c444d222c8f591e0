package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.ui.whatif.WhatIfViewModel;
import org.junit.jupiter.api.Test;

/** The policy editor's check: the policy parser's message, naming where the problem is. */
class WhatIfValidationTest {
    @Test
    void aValidPolicyPasses() {
        assertThat(WhatIfViewModel.validate("{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]}", false)).isNull();
    }

    @Test
    void aBadEffectIsNamedWithItsPlace() {
        assertThat(WhatIfViewModel.validate("{\"Statement\": [{\"Effect\": \"allow\", \"Action\": \"s3:*\","
                + " \"Resource\": \"*\"}]}", false)).startsWith("Statement[0].Effect");
    }

    @Test
    void brokenJsonIsReported() {
        assertThat(WhatIfViewModel.validate("{\"Statement\": [", false)).isNotBlank();
    }

    @Test
    void anEmptyDocumentRemovesThePolicyWhereThatIsAllowed() {
        assertThat(WhatIfViewModel.validate("  ", true)).isNull();
        assertThat(WhatIfViewModel.validate("", false)).isEqualTo("The policy must not be empty.");
    }
}
