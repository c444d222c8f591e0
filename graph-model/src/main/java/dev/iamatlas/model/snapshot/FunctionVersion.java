package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * A published version of a Lambda function. A version's configuration, including its execution role, is
 * frozen when it is published, and it has its own resource policy
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html">Lambda versions</a>).
 *
 * @param version the version number, such as {@code 7}
 * @param arn the qualified ARN, {@code ...:function:NAME:7}
 * @param roleArn the execution role of this version
 * @param resourcePolicy the policy returned by {@code GetPolicy} with this qualifier, or null when there is none
 */
public record FunctionVersion(String version, String arn, String roleArn, PolicyText resourcePolicy) {
    public FunctionVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(arn, "arn");
    }
}
