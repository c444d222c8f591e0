package dev.iamatlas.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, the parser throws nothing but {@link PolicyParseException}, and never its
 * "internal parser error" safety net (which would mean a bug got as far as the boundary).
 */
class PolicyParserFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SEED_POLICY = "{\"Version\":\"2012-10-17\",\"Id\":\"x\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":[\"111122223333\",\"arn:aws:sts::111122223333:assumed-role/r/s\"],\"Service\":\"s3.amazonaws.com\"},"
            + "\"Action\":[\"s3:Get*\",\"lambda:InvokeFunction\"],\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\","
            + "\"Condition\":{\"StringLike\":{\"aws:SourceArn\":\"arn:*\"},\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"::1\"]},"
            + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"},\"NumericEquals\":{\"n\":3},\"Bool\":{\"b\":true},"
            + "\"BinaryEquals\":{\"k\":\"QmluYXJ5\"},\"Null\":{\"x\":\"true\"},\"ForAnyValue:ArnLikeIfExists\":{\"a\":\"arn:aws:*:*:*:*\"}}},"
            + "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"*\"},\"NotAction\":\"iam:*\",\"NotResource\":[\"*\"]}]}";

    private static void parseExpectingOnlyTheTypedException(String input) {
        try {
            PolicyParser.parse(input);
        } catch (PolicyParseException e) {
            if (e.getMessage().startsWith("internal parser error")) {
                fail("parser bug on input " + abbreviate(input) + ": " + e.getMessage());
            }
        } catch (Throwable t) {
            fail("unexpected " + t + " on input " + abbreviate(input));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Test
    void theSeedPolicyParses() {
        assertThat(PolicyParser.parse(SEED_POLICY).statements()).hasSize(2);
    }

    @Test
    void randomBytesGiveOnlyParseErrors() {
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            parseExpectingOnlyTheTypedException(new String(bytes, StandardCharsets.ISO_8859_1));
            parseExpectingOnlyTheTypedException("{" + new String(bytes, StandardCharsets.UTF_8));
            parseExpectingOnlyTheTypedException("%" + new String(bytes, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void everyTruncationOfAValidPolicyGivesOnlyParseErrors() {
        for (int i = 0; i <= SEED_POLICY.length(); i++) {
            parseExpectingOnlyTheTypedException(SEED_POLICY.substring(0, i));
            String encoded = URLEncoder.encode(SEED_POLICY, StandardCharsets.UTF_8);
            parseExpectingOnlyTheTypedException(encoded.substring(0, Math.min(i, encoded.length())));
            String escaped = SEED_POLICY.replace("\"", "\\\"");
            parseExpectingOnlyTheTypedException(escaped.substring(0, Math.min(i, escaped.length())));
        }
    }

    @Test
    void randomCharacterMutationsGiveOnlyParseErrors() {
        Random random = new Random(7);
        String alphabet = "{}[]\":,\\/*?$%7B0123456789 abcxyzAWS-_.\u00e9\u0000\uffff";
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder(SEED_POLICY);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0:
                        sb.deleteCharAt(at);
                        break;
                    case 1:
                        sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        break;
                    default:
                        sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        break;
                }
            }
            parseExpectingOnlyTheTypedException(sb.toString());
        }
    }

    @Test
    void wrongTypesInEveryFieldGiveOnlyParseErrors() throws Exception {
        JsonNode seed = MAPPER.readTree(SEED_POLICY);
        List<JsonNode> replacements = List.of(
                JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.numberNode(1), JsonNodeFactory.instance.numberNode(1.5e300),
                JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("*"),
                JsonNodeFactory.instance.textNode("${"), JsonNodeFactory.instance.textNode("${aws:username, 'x"),
                JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.arrayNode().add(1).add("a"),
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode().put("a", 1));
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(seed, new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(40);
        for (List<Object> path : paths) {
            for (JsonNode replacement : replacements) {
                JsonNode copy = seed.deepCopy();
                replace(copy, path, replacement);
                parseExpectingOnlyTheTypedException(copy.toString());
            }
        }
    }

    @Test
    void deeplyNestedInputGivesAParseError() {
        parseExpectingOnlyTheTypedException("{\"Statement\":" + "[".repeat(100_000));
        parseExpectingOnlyTheTypedException("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":"
                + "[".repeat(5000) + "]".repeat(5000) + "}}}]}");
        parseExpectingOnlyTheTypedException("\"".repeat(10) + "%7B".repeat(10));
    }

    private static void collectPaths(JsonNode node, List<Object> prefix, List<List<Object>> out) {
        out.add(new ArrayList<>(prefix));
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                prefix.add(name);
                collectPaths(node.get(name), prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                prefix.add(i);
                collectPaths(node.get(i), prefix, out);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return; // replacing the root itself is covered by the random tests
        }
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof String ? parent.get((String) step) : parent.get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String) {
            ((ObjectNode) parent).set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }
}
