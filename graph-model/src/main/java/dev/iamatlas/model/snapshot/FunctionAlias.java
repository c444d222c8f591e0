package dev.iamatlas.model.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * An alias of a Lambda function, pointing at a version (and optionally shifting traffic to a second one).
 * An alias has its own resource policy
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-aliases.html">Lambda aliases</a>).
 *
 * @param name the alias name, such as {@code live}
 * @param arn the qualified ARN, {@code ...:function:NAME:live}
 * @param functionVersion the version it points at
 * @param additionalVersionWeights weighted routing to other versions, version → weight
 * @param resourcePolicy the policy returned by {@code GetPolicy} with this qualifier, or null when there is none
 */
public record FunctionAlias(
        String name,
        String arn,
        String functionVersion,
        Map<String, Double> additionalVersionWeights,
        PolicyText resourcePolicy) {

    public FunctionAlias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        additionalVersionWeights = Copies.map(additionalVersionWeights);
    }
}
