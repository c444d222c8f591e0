package dev.iamatlas.model.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The text of one policy document as the snapshot keeps it: decoded from the transport forms AWS uses, and
 * canonical (compact JSON, object keys sorted, array order kept) when it is valid JSON, so that two snapshots
 * of the same account compare equal and diff cleanly.
 *
 * <p>A document that is not valid JSON even after decoding is kept verbatim (and {@link #isJson()} is false):
 * the snapshot records what AWS returned, and the policy parser reports the problem where it is used.
 *
 * @param json the decoded document text
 */
public record PolicyText(String json) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

    public PolicyText {
        Objects.requireNonNull(json, "json");
    }

    /**
     * Decodes a policy document in any of the forms AWS returns it and makes it canonical:
     * <ul>
     *   <li>URL-encoded, as IAM returns every policy document
     *       (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetRolePolicy.html">GetRolePolicy</a>:
     *       "The policy document returned in this structure is URL-encoded compliant with RFC 3986");</li>
     *   <li>JSON-escaped inside a string, as API Gateway returns a REST API's {@code policy}
     *       (quotes backslashed, {@code /} written {@code \/}), or a JSON string literal holding the document;</li>
     *   <li>plain JSON text.</li>
     * </ul>
     *
     * @param raw the document as received; must not be null
     * @return the normalised document
     */
    public static PolicyText of(String raw) {
        Objects.requireNonNull(raw, "raw");
        String text = raw.strip();
        for (int round = 0; round < 4; round++) {
            JsonNode tree = readTree(text);
            if (tree != null && tree.isObject()) {
                return new PolicyText(canonical(tree));
            }
            if (tree != null && tree.isTextual()) {
                text = tree.textValue().strip();
                continue;
            }
            String decoded = decodeOnce(text);
            if (decoded.equals(text)) {
                break;
            }
            text = decoded.strip();
        }
        return new PolicyText(text);
    }

    /** Wraps JSON that is already canonical (for example, read back from a snapshot file). */
    static PolicyText ofTree(JsonNode tree) {
        return new PolicyText(canonical(tree));
    }

    /** True when the document is a JSON object (it may still be an invalid policy). */
    public boolean isJson() {
        return json.startsWith("{") && readTree(json) != null;
    }

    /** The document as a JSON tree, or null when it is not JSON. A fresh tree on every call. */
    public JsonNode tree() {
        return readTree(json);
    }

    @Override
    public String toString() {
        return json;
    }

    private static String decodeOnce(String text) {
        if (text.startsWith("%") || text.contains("%22") || text.contains("%7B")) {
            // RFC 3986 percent-encoding: '+' is a literal plus, not a space (URLDecoder is form decoding).
            try {
                return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                return text;
            }
        }
        if (text.contains("\\\"") || text.contains("\\/")) {
            JsonNode unescaped = readTree("\"" + text + "\"");
            if (unescaped != null && unescaped.isTextual()) {
                return unescaped.textValue();
            }
        }
        return text;
    }

    private static JsonNode readTree(String text) {
        try {
            return CANONICAL.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String canonical(JsonNode tree) {
        try {
            return CANONICAL.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
