package dev.iamatlas.model.evaluation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyParseException;
import dev.iamatlas.model.policy.PolicyParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON request shape of {@code iam-atlas simulate} into {@link EvaluationRequest}s:
 *
 * <pre>{@code
 * {"id":"c1","principal":"arn:aws:iam::111122223333:role/app","action":"lambda:InvokeFunction",
 *  "resource":"arn:aws:lambda:us-east-1:111122223333:function:f",
 *  "context":{"aws:SourceArn":"arn:...","aws:TagKeys":["a","b"]},
 *  "identityPolicies":[{...}], "resourcePolicy":{...}|null, "permissionBoundary":{...}|null,
 *  "sessionPolicy":{...}|null, "scps":[[{...}],[{...}]], "rcps":[[...]], "resourceAccount":"111122223333"}
 * }</pre>
 *
 * <p>Policies may be JSON objects or JSON text (including the URL-encoded and escaped forms).
 * Context values are strings or arrays of strings (numbers and booleans are taken as their text; a
 * {@code null} value leaves the key out). Exactly the keys given are used: a missing key is absent,
 * never unknown, and nothing is derived. Unknown fields are ignored.
 *
 * <p>Parsed policies are cached by their exact JSON text, so a batch that repeats the same policy
 * parses it once. Not thread-safe (the cache); use one reader per thread.
 */
public final class SimulationRequestReader {
    // No STRICT_DUPLICATE_DETECTION here: skipping over inline policies with it costs a hash set per
    // object. Duplicate request fields are caught below; policies are re-read by PolicyParser, which
    // detects duplicates itself.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    private static final int CACHE_LIMIT = 4096;

    private final Map<String, Object> cache = new HashMap<>();

    /** A request that could not be read, with the id when it could be read. */
    public static final class InvalidRequestException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Object id;

        InvalidRequestException(String message, Object id) {
            super(message);
            this.id = id;
        }

        /** The request's {@code id} (a String, a Number or null). */
        public Object id() {
            return id;
        }
    }

    /** A read request: its id (String, Number or null) and the evaluation request. */
    public record Parsed(Object id, EvaluationRequest request) {
    }

    /**
     * Reads one request from JSON text.
     *
     * @throws InvalidRequestException with a one-line message naming the field, e.g.
     *         {@code identityPolicies[0].Statement[1]: unknown condition operator StringEqualz}
     */
    public Parsed read(String json) throws InvalidRequestException {
        Fields fields = new Fields();
        try {
            parse(json, fields);
            return new Parsed(fields.id, build(fields));
        } catch (Problem p) {
            throw new InvalidRequestException(p.getMessage(), fields.idRead ? fields.id : idOf(json));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(jsonProblem(e), idOf(json));
        } catch (IOException | RuntimeException e) {
            throw new InvalidRequestException("could not read the request: " + e.getMessage(), idOf(json));
        }
    }

    /** Fields of one request as read. */
    private static final class Fields {
        Object id;
        boolean idRead;
        String principal;
        String action;
        String resource;
        Map<String, List<String>> context = Map.of();
        List<NamedPolicy> identity = List.of();
        NamedPolicy resourcePolicy;
        NamedPolicy boundary;
        NamedPolicy session;
        List<List<NamedPolicy>> scps = List.of();
        List<List<NamedPolicy>> rcps = List.of();
        String resourceAccount;
    }

    /** An input problem; unchecked inside the reader, turned into InvalidRequestException at the boundary. */
    private static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private void parse(String json, Fields f) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Problem("a request must be a JSON object");
            }
            String name;
            java.util.Set<String> seen = new java.util.HashSet<>();
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (!seen.add(name)) {
                    throw new Problem("duplicate field \"" + name + "\"");
                }
                switch (name) {
                    case "id":
                        f.id = t == JsonToken.VALUE_STRING ? p.getText()
                                : t.isNumeric() ? p.getNumberValue() : null;
                        if (t.isStructStart()) {
                            p.skipChildren();
                        }
                        f.idRead = true;
                        break;
                    case "principal":
                        f.principal = string(p, t, "principal");
                        break;
                    case "action":
                        f.action = string(p, t, "action");
                        break;
                    case "resource":
                        f.resource = string(p, t, "resource");
                        break;
                    case "resourceAccount":
                        f.resourceAccount = t == JsonToken.VALUE_NULL ? null : string(p, t, "resourceAccount");
                        break;
                    case "context":
                        f.context = context(p, t);
                        break;
                    case "identityPolicies":
                        f.identity = policyList(json, p, t, "identityPolicies", PolicyType.IDENTITY);
                        break;
                    case "resourcePolicy":
                        f.resourcePolicy = policy(json, p, t, "resourcePolicy", PolicyType.RESOURCE);
                        break;
                    case "permissionBoundary":
                        f.boundary = policy(json, p, t, "permissionBoundary", PolicyType.PERMISSIONS_BOUNDARY);
                        break;
                    case "sessionPolicy":
                        f.session = policy(json, p, t, "sessionPolicy", PolicyType.SESSION);
                        break;
                    case "scps":
                        f.scps = levels(json, p, t, "scps", PolicyType.SCP);
                        break;
                    case "rcps":
                        f.rcps = levels(json, p, t, "rcps", PolicyType.RCP);
                        break;
                    default:
                        p.skipChildren();
                        break;
                }
            }
            if (p.nextToken() != null) {
                throw new Problem("unexpected content after the request object");
            }
        }
    }

    private static String string(JsonParser p, JsonToken t, String field) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new Problem(field + ": must be a string");
        }
        return p.getText();
    }

    private static Map<String, List<String>> context(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Problem("context: must be an object of keys to strings or arrays of strings");
        }
        Map<String, List<String>> out = new HashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (out.containsKey(key)) {
                throw new Problem("context: duplicate key \"" + key + "\"");
            }
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            if (v == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>();
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    values.add(scalar(p, item, "context." + key + "[" + values.size() + "]"));
                }
                out.put(key, values);
            } else {
                out.put(key, List.of(scalar(p, v, "context." + key)));
            }
        }
        return out;
    }

    private static String scalar(JsonParser p, JsonToken t, String where) throws IOException {
        if (t == JsonToken.VALUE_STRING || t.isNumeric() || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        throw new Problem(where + ": must be a string");
    }

    private List<NamedPolicy> policyList(String json, JsonParser p, JsonToken t, String field, PolicyType type) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (type == PolicyType.IDENTITY && (t == JsonToken.START_OBJECT || t == JsonToken.VALUE_STRING)) {
            return List.of(policy(json, p, t, field, type)); // one policy given without the array
        }
        if (t != JsonToken.START_ARRAY) {
            throw new Problem(field + ": must be an array of policies");
        }
        List<NamedPolicy> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            NamedPolicy policy = policy(json, p, item, field + "[" + out.size() + "]", type);
            if (policy == null) {
                throw new Problem(field + "[" + out.size() + "]: must be a policy, not null");
            }
            out.add(policy);
        }
        return out;
    }

    private List<List<NamedPolicy>> levels(String json, JsonParser p, JsonToken t, String field, PolicyType type) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw new Problem(field + ": must be an array of levels, each an array of policies (root first)");
        }
        List<List<NamedPolicy>> out = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            String where = field + "[" + out.size() + "]";
            if (item != JsonToken.START_ARRAY) {
                throw new Problem(where + ": must be an array of policies (one organization level)");
            }
            out.add(policyList(json, p, item, where, type));
        }
        return out;
    }

    private NamedPolicy policy(String json, JsonParser p, JsonToken t, String where, PolicyType type) throws IOException {
        String key;
        boolean text;
        if (t == JsonToken.VALUE_NULL) {
            return null;
        } else if (t == JsonToken.START_OBJECT) {
            int start = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int end = (int) p.currentTokenLocation().getCharOffset() + 1;
            key = json.substring(start, end);
            text = false;
        } else if (t == JsonToken.VALUE_STRING) {
            key = p.getText();
            text = true;
        } else {
            throw new Problem(where + ": must be a policy (a JSON object or JSON text)");
        }
        String cacheKey = text ? "\u0000" + key : key;
        Object cached = cache.get(cacheKey);
        if (cached == null) {
            try {
                cached = PolicyParser.parse(key);
            } catch (PolicyParseException e) {
                cached = e;
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(cacheKey, cached);
        }
        if (cached instanceof PolicyParseException) {
            throw new Problem(((PolicyParseException) cached).prefixedMessage(where));
        }
        PolicyDocument document = (PolicyDocument) cached;
        try {
            PolicyPlacement.check(document, type);
        } catch (PolicyParseException e) {
            throw new Problem(e.prefixedMessage(where));
        }
        return new NamedPolicy(where, document);
    }

    private static EvaluationRequest build(Fields f) {
        if (f.principal == null) {
            throw new Problem("missing field \"principal\"");
        }
        if (f.action == null) {
            throw new Problem("missing field \"action\"");
        }
        if (f.resource == null) {
            throw new Problem("missing field \"resource\"");
        }
        if (f.action.isEmpty()) {
            throw new Problem("action: must not be empty");
        }
        if (f.resource.isEmpty()) {
            throw new Problem("resource: must not be empty");
        }
        RequestPrincipal principal;
        try {
            principal = RequestPrincipal.parse(f.principal);
        } catch (IllegalArgumentException e) {
            throw new Problem("principal: " + e.getMessage());
        }
        try {
            return EvaluationRequest.builder()
                    .principal(principal)
                    .action(f.action)
                    .resource(f.resource)
                    .context(f.context)
                    .identityPolicies(f.identity)
                    .resourcePolicy(f.resourcePolicy)
                    .permissionBoundary(f.boundary)
                    .sessionPolicy(f.session)
                    .scps(f.scps)
                    .rcps(f.rcps)
                    .resourceAccount(f.resourceAccount)
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Problem(e.getMessage());
        }
    }

    /** Best effort: the top-level "id" of a line that failed for another reason; null if unreadable. */
    private static Object idOf(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("id")) {
                    return t == JsonToken.VALUE_STRING ? p.getText() : t.isNumeric() ? p.getNumberValue() : null;
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return null; // the id is a courtesy; the error line is written without it
        }
        return null;
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
        return "not valid JSON: " + message + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")");
    }
}
