package dev.iamatlas.app.explore;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a deciding statement, as evaluated.
 *
 * @param statement the statement's Sid or index, such as "apigw-prod" or "#2"
 * @param operator such as {@code ArnLike}
 * @param key such as {@code aws:SourceArn}
 * @param expected the values in the policy
 * @param actual the request's value, or null when unknown
 * @param result what the condition came to
 * @param explanation why, in words; says what is unknown and why (for example "the caller's IP address is only
 *     known at request time")
 */
public record ConditionRow(String statement, String operator, String key, List<String> expected, String actual,
        Result result, String explanation) {

    /** A condition's outcome. */
    public enum Result { TRUE, FALSE, UNKNOWN }

    public ConditionRow {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(result, "result");
        expected = expected == null ? List.of() : List.copyOf(expected);
        explanation = explanation == null ? "" : explanation;
    }
}
