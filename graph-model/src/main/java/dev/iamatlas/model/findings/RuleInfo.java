package dev.iamatlas.model.findings;

import java.util.Objects;

/**
 * What a finding rule is, for reports, SARIF rule metadata and {@code docs/rules.md}.
 *
 * @param id the stable rule id, such as {@code LAMBDA_PERMISSION_NO_SOURCE}
 * @param title a short title
 * @param defaultSeverity the usual severity; some rules raise or lower it per occurrence
 * @param description when the rule fires
 * @param whyItMatters what can go wrong
 * @param howToFix what to change
 * @param documentation the AWS documentation page
 */
public record RuleInfo(
        String id,
        String title,
        Severity defaultSeverity,
        String description,
        String whyItMatters,
        String howToFix,
        String documentation) {

    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(whyItMatters, "whyItMatters");
        Objects.requireNonNull(howToFix, "howToFix");
        Objects.requireNonNull(documentation, "documentation");
    }
}
