package dev.iamatlas.model.findings;

import dev.iamatlas.model.rules.LambdaArns;
import java.util.ArrayList;
import java.util.List;

/** Exact {@code aws} CLI commands for fixes. Arguments are quoted for POSIX shells. */
final class Fixes {
    private Fixes() {
    }

    /** Quotes a value for a POSIX shell when it needs it. */
    static String q(String value) {
        if (value.matches("[A-Za-z0-9_:/.,@=+-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }

    /**
     * {@code aws lambda add-permission} for a (possibly qualified) target.
     *
     * @see <a href="https://docs.aws.amazon.com/cli/latest/reference/lambda/add-permission.html">add-permission</a>
     */
    static String addPermission(String targetArn, String statementId, String principal, String sourceArn,
            String sourceAccount) {
        LambdaArns.FunctionArn arn = LambdaArns.parse(targetArn);
        List<String> parts = new ArrayList<>();
        parts.add("aws lambda add-permission");
        parts.add("--function-name " + q(arn == null ? targetArn : arn.unqualified()));
        if (arn != null && arn.qualifier() != null && !arn.qualifier().equals("$LATEST")) {
            parts.add("--qualifier " + q(arn.qualifier()));
        }
        parts.add("--statement-id " + q(statementId));
        parts.add("--action lambda:InvokeFunction");
        parts.add("--principal " + q(principal));
        if (sourceArn != null) {
            parts.add("--source-arn " + q(sourceArn));
        }
        if (sourceAccount != null) {
            parts.add("--source-account " + q(sourceAccount));
        }
        if (arn != null) {
            parts.add("--region " + arn.region());
        }
        return String.join(" ", parts);
    }

    /**
     * {@code aws lambda remove-permission} for a statement of a (possibly qualified) target's policy.
     *
     * @see <a href="https://docs.aws.amazon.com/cli/latest/reference/lambda/remove-permission.html">remove-permission</a>
     */
    static String removePermission(String targetArn, String statementId) {
        LambdaArns.FunctionArn arn = LambdaArns.parse(targetArn);
        List<String> parts = new ArrayList<>();
        parts.add("aws lambda remove-permission");
        parts.add("--function-name " + q(arn == null ? targetArn : arn.unqualified()));
        if (arn != null && arn.qualifier() != null && !arn.qualifier().equals("$LATEST")) {
            parts.add("--qualifier " + q(arn.qualifier()));
        }
        parts.add("--statement-id " + q(statementId));
        if (arn != null) {
            parts.add("--region " + arn.region());
        }
        return String.join(" ", parts);
    }

    /** A statement id Lambda accepts ({@code [a-zA-Z0-9-_]+}, at most 100 characters) made from parts. */
    static String statementId(String... parts) {
        String joined = String.join("-", parts).replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+", "-")
                .replaceAll("^-|-$", "");
        return joined.length() > 100 ? joined.substring(0, 100) : joined;
    }

    /** The role name of a role ARN (without its path). */
    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
