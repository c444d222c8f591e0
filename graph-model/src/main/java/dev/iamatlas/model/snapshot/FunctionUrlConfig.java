package dev.iamatlas.model.snapshot;

import java.util.Objects;

/**
 * A Lambda function URL. With auth type {@code NONE} anyone on the Internet can call it if the resource policy
 * lets {@code "*"} call {@code lambda:InvokeFunctionUrl}; with {@code AWS_IAM} callers need that permission too
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Function URL access control</a>).
 *
 * @param functionUrl the URL, {@code https://ID.lambda-url.REGION.on.aws/}
 * @param functionArn the function ARN the URL invokes, qualified by an alias when the URL is on an alias
 * @param qualifier the alias name, or null for the unqualified function
 * @param authType NONE or AWS_IAM (kept as AWS wrote it)
 * @param invokeMode BUFFERED or RESPONSE_STREAM, or null
 */
public record FunctionUrlConfig(
        String functionUrl,
        String functionArn,
        String qualifier,
        String authType,
        String invokeMode) {

    public FunctionUrlConfig {
        Objects.requireNonNull(functionArn, "functionArn");
        Objects.requireNonNull(authType, "authType");
    }
}
