package dev.iamatlas.model.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads IAM policy documents in every form AWS hands them out:
 * <ul>
 *   <li>plain JSON text, or a Jackson tree;</li>
 *   <li>URL-encoded text, as IAM returns it ({@code %7B%22Version%22...});</li>
 *   <li>JSON text escaped inside a string, as API Gateway returns a REST API's policy (quotes
 *       backslashed, {@code /} written {@code \/}), with or without the surrounding quotes;</li>
 *   <li>{@code Statement} as one object or an array; every string-or-array element as either.</li>
 * </ul>
 *
 * <p>Validation follows IAM: unknown top-level or statement elements are rejected (IAM rejects them
 * with MalformedPolicyDocument), as are a bad {@code Effect} or {@code Version}, an unknown condition
 * operator, wrong JSON types, duplicate JSON keys (which IAM would otherwise resolve silently, and a
 * silently dropped Deny is the worst kind of wrong answer), and condition values the operator cannot
 * read (a non-number for {@code NumericLessThan}, a bad CIDR block). Action and resource strings
 * are not checked for form: a malformed one simply matches nothing.
 *
 * <p>Whatever the input, the only exception thrown is {@link PolicyParseException}; its message
 * names the location ({@code Statement[1].Condition.StringEquals.aws:SourceArn: ...}). Indexes are
 * 0-based JSON array indexes; a single-object {@code Statement} is named {@code Statement}.
 *
 * <p>Thread-safe; stateless.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">IAM JSON policy grammar</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html">IAM JSON policy element reference</a>
 */
public final class PolicyParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_KEYS = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final int MAX_DECODING_DEPTH = 4;

    private PolicyParser() {
    }

    /**
     * Parses a policy from text in any of the forms described in the class comment.
     *
     * @throws PolicyParseException when the text is not a valid policy (never any other exception)
     */
    public static PolicyDocument parse(String text) {
        try {
            Objects.requireNonNull(text, "text");
            return parseText(text, 0);
        } catch (PolicyParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // The contract is one exception type for any input; a parser bug must not escape as another.
            throw new PolicyParseException("", "internal parser error: " + e);
        }
    }

    /**
     * Parses a policy given as a JSON tree. A text node is read as policy text (URL-encoded or
     * escaped forms included).
     *
     * @throws PolicyParseException when the tree is not a valid policy
     */
    public static PolicyDocument parse(JsonNode node) {
        try {
            Objects.requireNonNull(node, "node");
            if (node.isTextual()) {
                return parseText(node.textValue(), 0);
            }
            return document(node, node.toString());
        } catch (PolicyParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new PolicyParseException("", "internal parser error: " + e);
        }
    }

    private static PolicyDocument parseText(String text, int depth) {
        String t = strip(text);
        if (t.isEmpty()) {
            throw new PolicyParseException("", "empty policy document");
        }
        if (depth > MAX_DECODING_DEPTH) {
            throw new PolicyParseException("", "not a JSON object (too many layers of encoding)");
        }
        char first = t.charAt(0);
        if (first == '{') {
            JsonNode node;
            try {
                node = MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                String unescaped = t.contains("\\\"") ? unescape(t) : null;
                if (unescaped != null) {
                    return parseText(unescaped, depth + 1);
                }
                throw new PolicyParseException("", jsonProblem(e));
            }
            return document(node, t);
        }
        if (first == '"') {
            JsonNode node;
            try {
                node = MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                throw new PolicyParseException("", jsonProblem(e));
            }
            return parseText(node.textValue(), depth + 1);
        }
        if (first == '%') {
            String decoded;
            try {
                decoded = URLDecoder.decode(t, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new PolicyParseException("", "not valid URL-encoding: " + e.getMessage());
            }
            return parseText(decoded, depth + 1);
        }
        throw new PolicyParseException("", "not a JSON object (a policy starts with '{')");
    }

    private static String strip(String text) {
        String t = text.strip();
        while (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1).strip();
        }
        return t;
    }

    /** Reads JSON-escaped text ({@code {\"Version\":...}}) by wrapping it as a JSON string literal; null if that fails. */
    private static String unescape(String text) {
        try {
            JsonNode node = MAPPER.readTree("\"" + text + "\"");
            return node.isTextual() ? node.textValue() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String jsonProblem(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return "not valid JSON: " + message + where;
    }

    private static PolicyDocument document(JsonNode root, String sourceText) {
        if (!root.isObject()) {
            throw new PolicyParseException("", "must be a JSON object, got " + describe(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!TOP_LEVEL.contains(name)) {
                throw new PolicyParseException("", "unknown element \"" + name + "\" (a policy has only Version, Id and Statement)");
            }
        }
        String version = null;
        JsonNode v = root.get("Version");
        if (v != null) {
            if (!v.isTextual() || !(v.textValue().equals(PolicyDocument.VERSION_2012) || v.textValue().equals(PolicyDocument.VERSION_2008))) {
                throw new PolicyParseException("Version", "must be \"2012-10-17\" or \"2008-10-17\", got " + describe(v));
            }
            version = v.textValue();
        }
        String id = null;
        JsonNode idNode = root.get("Id");
        if (idNode != null) {
            if (!idNode.isTextual()) {
                throw new PolicyParseException("Id", "must be a string, got " + describe(idNode));
            }
            id = idNode.textValue();
        }
        boolean variables = PolicyDocument.VERSION_2012.equals(version);
        JsonNode s = root.get("Statement");
        if (s == null) {
            throw new PolicyParseException("", "missing Statement");
        }
        List<Statement> statements = new ArrayList<>();
        if (s.isObject()) {
            statements.add(statement(s, 0, "Statement", variables));
        } else if (s.isArray()) {
            for (int i = 0; i < s.size(); i++) {
                String where = "Statement[" + i + "]";
                JsonNode item = s.get(i);
                if (!item.isObject()) {
                    throw new PolicyParseException(where, "must be an object, got " + describe(item));
                }
                statements.add(statement(item, i, where, variables));
            }
        } else {
            throw new PolicyParseException("Statement", "must be an object or an array of objects, got " + describe(s));
        }
        return new PolicyDocument(version, id, statements, sourceText, !s.isObject());
    }

    private static Statement statement(JsonNode node, int index, String where, boolean variables) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!STATEMENT_ELEMENTS.contains(name)) {
                throw new PolicyParseException(where, "unknown element \"" + name + "\"");
            }
        }
        String sid = null;
        JsonNode sidNode = node.get("Sid");
        if (sidNode != null) {
            if (!sidNode.isTextual()) {
                throw new PolicyParseException(where + ".Sid", "must be a string, got " + describe(sidNode));
            }
            sid = sidNode.textValue();
        }
        JsonNode e = node.get("Effect");
        if (e == null) {
            throw new PolicyParseException(where, "missing Effect");
        }
        Effect effect;
        if (e.isTextual() && e.textValue().equals("Allow")) {
            effect = Effect.ALLOW;
        } else if (e.isTextual() && e.textValue().equals("Deny")) {
            effect = Effect.DENY;
        } else {
            throw new PolicyParseException(where + ".Effect", "must be \"Allow\" or \"Deny\", got " + describe(e));
        }
        exclusive(node, where, "Principal", "NotPrincipal");
        exclusive(node, where, "Action", "NotAction");
        exclusive(node, where, "Resource", "NotResource");
        PrincipalSpec principal = principal(node.get("Principal"), where + ".Principal");
        PrincipalSpec notPrincipal = principal(node.get("NotPrincipal"), where + ".NotPrincipal");
        List<ActionPattern> action = actions(node.get("Action"), where + ".Action");
        List<ActionPattern> notAction = actions(node.get("NotAction"), where + ".NotAction");
        if (action == null && notAction == null) {
            throw new PolicyParseException(where, "missing Action or NotAction");
        }
        List<ResourcePattern> resource = resources(node.get("Resource"), where + ".Resource", variables);
        List<ResourcePattern> notResource = resources(node.get("NotResource"), where + ".NotResource", variables);
        List<Condition> conditions = conditions(node.get("Condition"), where, variables);
        return new Statement(index, sid, effect, principal, notPrincipal, action, notAction, resource, notResource,
                conditions, node.toString());
    }

    private static void exclusive(JsonNode node, String where, String a, String b) {
        if (node.has(a) && node.has(b)) {
            throw new PolicyParseException(where, a + " and " + b + " cannot both be present");
        }
    }

    private static List<String> strings(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.textValue());
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                throw new PolicyParseException(where, "must not be an empty array");
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (!item.isTextual()) {
                    throw new PolicyParseException(where + "[" + i + "]", "must be a string, got " + describe(item));
                }
                out.add(item.textValue());
            }
        } else {
            throw new PolicyParseException(where, "must be a string or an array of strings, got " + describe(node));
        }
        return out;
    }

    private static List<ActionPattern> actions(JsonNode node, String where) {
        if (node == null) {
            return null;
        }
        List<ActionPattern> out = new ArrayList<>();
        for (String s : strings(node, where)) {
            out.add(ActionPattern.of(s));
        }
        return out;
    }

    private static List<ResourcePattern> resources(JsonNode node, String where, boolean variables) {
        if (node == null) {
            return null;
        }
        List<ResourcePattern> out = new ArrayList<>();
        for (String s : strings(node, where)) {
            out.add(ResourcePattern.of(s, variables));
        }
        return out;
    }

    private static PrincipalSpec principal(JsonNode node, String where) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            if (!node.textValue().equals("*")) {
                throw new PolicyParseException(where, "must be \"*\" or an object such as {\"AWS\": ...}, got " + describe(node));
            }
            return PrincipalSpec.EVERYONE;
        }
        if (!node.isObject()) {
            throw new PolicyParseException(where, "must be \"*\" or an object such as {\"AWS\": ...}, got " + describe(node));
        }
        if (node.isEmpty()) {
            throw new PolicyParseException(where, "must name at least one principal");
        }
        List<AwsPrincipal> aws = new ArrayList<>();
        List<String> services = List.of();
        List<String> federated = List.of();
        List<String> canonical = List.of();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (!PRINCIPAL_KEYS.contains(key)) {
                throw new PolicyParseException(where, "unknown principal type \"" + key + "\" (expected AWS, Service, Federated or CanonicalUser)");
            }
            List<String> values = strings(field.getValue(), where + "." + key);
            switch (key) {
                case "AWS":
                    for (String value : values) {
                        aws.add(AwsPrincipal.parse(value));
                    }
                    break;
                case "Service":
                    services = values;
                    break;
                case "Federated":
                    federated = values;
                    break;
                default:
                    canonical = values;
                    break;
            }
        }
        return new PrincipalSpec(false, aws, services, federated, canonical);
    }

    private static List<Condition> conditions(JsonNode node, String where, boolean variables) {
        if (node == null) {
            return List.of();
        }
        String conditionWhere = where + ".Condition";
        if (!node.isObject()) {
            throw new PolicyParseException(conditionWhere, "must be an object, got " + describe(node));
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String operatorText = field.getKey();
            String name = operatorText;
            SetQualifier qualifier = SetQualifier.NONE;
            if (name.startsWith(SetQualifier.FOR_ANY_VALUE.prefix())) {
                qualifier = SetQualifier.FOR_ANY_VALUE;
                name = name.substring(qualifier.prefix().length());
            } else if (name.startsWith(SetQualifier.FOR_ALL_VALUES.prefix())) {
                qualifier = SetQualifier.FOR_ALL_VALUES;
                name = name.substring(qualifier.prefix().length());
            }
            boolean ifExists = false;
            ConditionOperator operator = ConditionOperator.byName(name);
            if (operator == null && name.endsWith("IfExists")) {
                operator = ConditionOperator.byName(name.substring(0, name.length() - "IfExists".length()));
                ifExists = true;
            }
            if (operator == null || (operator == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE))) {
                throw new PolicyParseException(where, "unknown condition operator " + operatorText);
            }
            String operatorWhere = conditionWhere + "." + operatorText;
            JsonNode block = field.getValue();
            if (!block.isObject()) {
                throw new PolicyParseException(operatorWhere, "must be an object of condition keys to values, got " + describe(block));
            }
            if (block.isEmpty()) {
                throw new PolicyParseException(operatorWhere, "must name at least one condition key");
            }
            for (Map.Entry<String, JsonNode> entry : block.properties()) {
                String keyWhere = operatorWhere + "." + entry.getKey();
                if (entry.getKey().isEmpty()) {
                    throw new PolicyParseException(operatorWhere, "condition key must not be empty");
                }
                List<String> values = conditionValues(entry.getValue(), keyWhere);
                try {
                    out.add(Condition.of(operator, qualifier, ifExists, entry.getKey(), values, variables));
                } catch (IllegalArgumentException ex) {
                    throw new PolicyParseException(keyWhere, ex.getMessage());
                }
            }
        }
        return out;
    }

    private static List<String> conditionValues(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new PolicyParseException(where, "must have at least one value");
            }
            for (int i = 0; i < node.size(); i++) {
                out.add(scalar(node.get(i), where + "[" + i + "]"));
            }
        } else {
            out.add(scalar(node, where));
        }
        return out;
    }

    private static String scalar(JsonNode node, String where) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new PolicyParseException(where, "condition values must be strings, numbers or booleans, got " + describe(node));
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            return "\"" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "\"";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        String t = node.toString();
        return t.length() > 60 ? t.substring(0, 60) + "..." : t;
    }
}
