package dev.iamatlas.model.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wildcard and ARN matching. Resource element: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html;
 * Lambda qualified ARNs: https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html
 */
class WildcardPatternTest {

    /** The reference: a regular expression built the obvious way. */
    private static boolean naive(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    @Test
    void globAgreesWithANaiveRegexOnRandomStrings() {
        Random random = new Random(20240601);
        String alphabet = "ab:/*?";
        for (int i = 0; i < 200_000; i++) {
            String pattern = randomString(random, alphabet, 8);
            String text = randomString(random, "ab:/", 10);
            assertThat(WildcardPattern.compile(pattern, true).matches(text))
                    .as("'%s' against '%s'", pattern, text).isEqualTo(naive(pattern, text));
        }
    }

    @Test
    void arnMatchingAgreesWithASegmentWiseReference() {
        Random random = new Random(99);
        for (int i = 0; i < 100_000; i++) {
            String pattern = "arn:" + randomString(random, "a*?", 2) + ":" + randomString(random, "s*", 2) + ":" + randomString(random, "r*:", 2)
                    + ":" + randomString(random, "1*", 2) + ":" + randomString(random, "f:x/*?", 5);
            String text = "arn:" + randomString(random, "a", 2) + ":" + randomString(random, "s", 2) + ":" + randomString(random, "r:", 2)
                    + ":" + randomString(random, "1", 2) + ":" + randomString(random, "f:x/", 5);
            assertThat(ArnPattern.compile(pattern).matches(text)).as("'%s' against '%s'", pattern, text)
                    .isEqualTo(segmentReference(pattern, text));
        }
    }

    private static boolean segmentReference(String pattern, String text) {
        String[] p = pattern.split(":", 6);
        String[] t = text.split(":", p.length);
        if (t.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!naive(p[i], t[i])) {
                return false;
            }
        }
        return true;
    }

    private static String randomString(Random random, String alphabet, int max) {
        int n = random.nextInt(max + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static Stream<Arguments> resources() {
        return Stream.of(
                Arguments.of("*", "arn:aws:s3:::bucket/key", true),
                Arguments.of("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c", true),
                Arguments.of("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket", false),
                Arguments.of("arn:aws:lambda:*:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f", true),
                Arguments.of("arn:aws:lambda:*:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f", false),
                Arguments.of("arn:aws:lambda:us-east-1:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f:7", false),
                Arguments.of("arn:aws:lambda:us-east-1:111122223333:function:f", "arn:aws:lambda:us-east-1:111122223333:function:f:$LATEST", false),
                Arguments.of("arn:aws:lambda:us-east-1:111122223333:function:f:*", "arn:aws:lambda:us-east-1:111122223333:function:f:prod", true),
                Arguments.of("arn:aws:lambda:us-east-1:111122223333:function:f:*", "arn:aws:lambda:us-east-1:111122223333:function:f", false),
                Arguments.of("arn:aws:lambda:us-east-1:111122223333:function:f*", "arn:aws:lambda:us-east-1:111122223333:function:f:7", true),
                Arguments.of("arn:aws:lambda:us-east-1:111122223333:function:f*", "arn:aws:lambda:us-east-1:111122223333:function:f2", true),
                Arguments.of("arn:aws:execute-api:us-east-1:111122223333:*/prod/GET/orders", "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/orders", true),
                Arguments.of("arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/orders", "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/orders", true),
                Arguments.of("arn:aws:execute-api:us-east-1:111122223333:abc123/*/GET/orders", "arn:aws:execute-api:us-east-1:111122223333:abc123/prod/POST/orders", false),
                Arguments.of("arn:aws:execute-api:us-east-1:*:abc123/*", "arn:aws:execute-api:us-east-1:444455556666:abc123/prod/GET/", true),
                Arguments.of("arn:aws:s3:::BUCKET", "arn:aws:s3:::bucket", false),
                Arguments.of("arn:aws:s3:::b?cket", "arn:aws:s3:::bucket", true),
                Arguments.of("arn:aws:iam::*:role/*", "arn:aws:iam::111122223333:role/a/b", true),
                Arguments.of("arn:*", "arn:aws:iam::111122223333:role/a", true),
                Arguments.of("arn:aws:sns:*:topic", "arn:aws:sns:us-east-1:111122223333:topic", false));
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @MethodSource("resources")
    void resourcePatternsMatchSegmentBySegment(String pattern, String resource, boolean expected) {
        assertThat(ResourcePattern.of(pattern, true).matches(resource)).isEqualTo(expected);
    }

    @Test
    void actionsAreCaseInsensitiveWithWildcards() {
        assertThat(ActionPattern.of("lambda:Invoke*").matches("LAMBDA:invokefunction")).isTrue();
        assertThat(ActionPattern.of("s3:Get?bject").matches("s3:GetObject")).isTrue();
        assertThat(ActionPattern.of("s3:Get?bject").matches("s3:GetObjects")).isFalse();
        assertThat(ActionPattern.of("*").matches("iam:PassRole")).isTrue();
    }

    @Test
    void nonWildcardPatternsCompareLiterally() {
        assertThat(WildcardPattern.compile("a*b", false).matches("a*b")).isTrue();
        assertThat(WildcardPattern.compile("a*b", false).matches("axxb")).isFalse();
        assertThat(WildcardPattern.compile("Ab", false).equalsIgnoreCase("aB")).isTrue();
    }

    @Test
    void ipRangesContainTheirAddressesOnly() {
        assertThat(IpRange.parse("203.0.113.0/24").contains("203.0.113.77")).isTrue();
        assertThat(IpRange.parse("203.0.113.0/24").contains("203.0.114.1")).isFalse();
        assertThat(IpRange.parse("203.0.113.5").contains("203.0.113.5")).isTrue();
        assertThat(IpRange.parse("2001:DB8:1234:5678::/64").contains("2001:db8:1234:5678:abcd::1")).isTrue();
        assertThat(IpRange.parse("2001:DB8:1234:5678::/64").contains("2001:db8:1234:5679::1")).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains("::1")).isFalse();
        assertThat(IpRange.parse("::ffff:10.0.0.0/104").contains("::ffff:10.1.2.3")).isTrue();
        assertThat(IpRange.parse("10.0.0.0/33")).isNull();
        assertThat(IpRange.parse("example.com")).isNull();
    }

    @Test
    void datesAreReadInIsoFormsAndEpochSeconds() {
        long expected = 1577836800000L;
        assertThat(PolicyValues.parseDate("2020-01-01")).isEqualTo(expected);
        assertThat(PolicyValues.parseDate("2020-01-01T00:00:00Z")).isEqualTo(expected);
        assertThat(PolicyValues.parseDate("2020-01-01T00:00:00.000Z")).isEqualTo(expected);
        assertThat(PolicyValues.parseDate("2020-01-01T01:00:00+01:00")).isEqualTo(expected);
        assertThat(PolicyValues.parseDate("2020-01-01T00:00:00")).isEqualTo(expected);
        assertThat(PolicyValues.parseDate("1577836800")).isEqualTo(expected);
        assertThat(PolicyValues.parseDate("yesterday")).isNull();
    }

    @Test
    void numbersRejectNonNumericForms() {
        assertThat(PolicyValues.parseNumber("10")).isEqualTo(10.0);
        assertThat(PolicyValues.parseNumber("-2.5")).isEqualTo(-2.5);
        assertThat(PolicyValues.parseNumber("NaN")).isNull();
        assertThat(PolicyValues.parseNumber("0x10")).isNull();
        assertThat(PolicyValues.parseNumber("")).isNull();
    }
}
