package dev.iamatlas.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLevelTest {

    @Test
    void displayNamesAreAwsSpelling() {
        assertThat(AccessLevel.values()).extracting(AccessLevel::displayName)
                .containsExactly("List", "Read", "Write", "Permissions management", "Tagging");
    }

    @Test
    void displayNamesParseIgnoringCaseAndUnknownNamesGiveEmpty() {
        assertThat(AccessLevel.fromDisplayName("Permissions management")).contains(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(AccessLevel.fromDisplayName("TAGGING")).contains(AccessLevel.TAGGING);
        assertThat(AccessLevel.fromDisplayName("Permissions management, Write")).isEmpty();
        assertThat(AccessLevel.fromDisplayName("PERMISSIONS_MANAGEMENT")).isEmpty();
    }
}
