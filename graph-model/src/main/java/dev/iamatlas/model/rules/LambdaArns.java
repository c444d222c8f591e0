package dev.iamatlas.model.rules;

/**
 * Lambda function ARNs: {@code arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME} with an optional
 * {@code :QUALIFIER} (an alias name, a version number or {@code $LATEST}).
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-versions.html#versioning-versions-using">Lambda versions: qualified and unqualified ARNs</a>
 */
public final class LambdaArns {
    private LambdaArns() {
    }

    /**
     * A parsed function ARN.
     *
     * @param partition the partition
     * @param region the region
     * @param account the account id
     * @param name the function name
     * @param qualifier the alias or version, or null for an unqualified ARN
     */
    public record FunctionArn(String partition, String region, String account, String name, String qualifier) {
        /** The unqualified ARN. */
        public String unqualified() {
            return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name;
        }

        /** The ARN as given: unqualified, or with {@code :qualifier}. */
        public String arn() {
            return qualifier == null ? unqualified() : unqualified() + ":" + qualifier;
        }

        /** Whether the qualifier is a version number (digits) rather than an alias. */
        public boolean isVersion() {
            return qualifier != null && !qualifier.isEmpty() && qualifier.chars().allMatch(Character::isDigit);
        }
    }

    /** Parses a function ARN; null when {@code text} is not one. */
    public static FunctionArn parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] p = text.split(":", -1);
        if (p.length < 7 || p.length > 8 || !p[2].equals("lambda") || !p[5].equals("function") || p[6].isEmpty()) {
            return null;
        }
        String qualifier = p.length == 8 ? p[7] : null;
        if (qualifier != null && qualifier.isEmpty()) {
            return null;
        }
        return new FunctionArn(p[1], p[3], p[4], p[6], qualifier);
    }

    /** The unqualified form of a function ARN, or the text unchanged when it is not one. */
    public static String unqualified(String arn) {
        FunctionArn parsed = parse(arn);
        return parsed == null ? arn : parsed.unqualified();
    }

    /** The function name of an ARN, or the text unchanged when it is not one. */
    public static String name(String arn) {
        FunctionArn parsed = parse(arn);
        return parsed == null ? arn : parsed.name();
    }
}
