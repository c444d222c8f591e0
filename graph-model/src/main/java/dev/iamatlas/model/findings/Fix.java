package dev.iamatlas.model.findings;

import java.util.List;
import java.util.Objects;

/**
 * A concrete fix for a finding: what to do in one sentence, the exact {@code aws} CLI commands (run in order), and
 * where the fix is a policy change, the changed policy document.
 *
 * @param summary what to do, such as "Allow API Gateway to invoke orders:live from GET /orders in stage prod"
 * @param commands exact commands, such as {@code aws lambda add-permission --function-name ... --source-arn ...};
 *     empty when the fix cannot be one command (then {@link #policyChange} or the summary says what to change)
 * @param policyChange the corrected policy document (pretty JSON), or a statement to add, or null
 * @param documentation the AWS documentation page that explains the fix
 */
public record Fix(String summary, List<String> commands, String policyChange, String documentation) {
    public Fix {
        Objects.requireNonNull(summary, "summary");
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}
