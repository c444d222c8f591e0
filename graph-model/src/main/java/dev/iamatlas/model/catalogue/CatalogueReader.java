package dev.iamatlas.model.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads the catalogue file written by {@code resources/tools/build-action-catalogue.mjs}
 * (format {@value #FORMAT}); plain or gzip-compressed JSON. Every problem is an
 * {@link IOException} whose message names the source and the offending entry.
 */
final class CatalogueReader {

    static final String FORMAT = "iam-atlas-action-catalogue/1";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CatalogueReader() {
    }

    static ActionCatalogue read(InputStream in, String origin) throws IOException {
        JsonNode root = parse(in, origin);
        if (root == null || !root.isObject()) {
            throw new IOException(origin + ": not an IAM action catalogue (expected a JSON object)");
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new IOException(origin + ": unsupported catalogue format \"" + format + "\" (expected \"" + FORMAT + "\")");
        }
        CatalogueSource source = source(root.path("source"), origin);

        JsonNode services = root.path("services");
        if (!services.isObject() || services.isEmpty()) {
            throw new IOException(origin + ": the catalogue lists no services");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<ActionInfo>> actions = new LinkedHashMap<>();
        int actionCount = 0;
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            String prefix = entry.getKey();
            String where = origin + ": service \"" + prefix + "\"";
            if (prefix.isEmpty() || !prefix.equals(prefix.toLowerCase(Locale.ROOT))
                    || prefix.indexOf(':') >= 0 || WildcardMatcher.hasWildcard(prefix)) {
                throw new IOException(where + ": a service prefix must be lower case, without ':', '*' or '?'");
            }
            JsonNode service = entry.getValue();
            names.put(prefix, text(service, "name", where));
            List<ActionInfo> list = actions(prefix, service.path("actions"), where);
            actionCount += list.size();
            actions.put(prefix, list);
        }
        JsonNode counts = root.path("counts");
        if (counts.isObject()) {
            checkCount(counts, "services", names.size(), origin);
            checkCount(counts, "actions", actionCount, origin);
        }
        return new ActionCatalogue(source, names, actions);
    }

    private static JsonNode parse(InputStream in, String origin) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        try {
            return MAPPER.readTree(gzip ? new GZIPInputStream(buffered) : buffered);
        } catch (JsonProcessingException e) {
            throw new IOException(origin + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static CatalogueSource source(JsonNode node, String origin) throws IOException {
        String where = origin + ": source";
        if (!node.isObject()) {
            throw new IOException(where + " is missing");
        }
        String updated = text(node, "dataUpdatedAt", where);
        Instant dataUpdatedAt;
        try {
            dataUpdatedAt = Instant.parse(updated);
        } catch (DateTimeParseException e) {
            throw new IOException(where + ": dataUpdatedAt \"" + updated + "\" is not an ISO-8601 instant", e);
        }
        return new CatalogueSource(text(node, "package", where), text(node, "version", where), dataUpdatedAt,
                text(node, "license", where), text(node, "upstream", where));
    }

    private static List<ActionInfo> actions(String prefix, JsonNode array, String where) throws IOException {
        if (!array.isArray() || array.isEmpty()) {
            throw new IOException(where + " lists no actions");
        }
        List<ActionInfo> result = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode action : array) {
            String name = text(action, "name", where + ", an action");
            String at = where + ", action \"" + name + "\"";
            if (name.indexOf(':') >= 0 || WildcardMatcher.hasWildcard(name)) {
                throw new IOException(at + ": an action name cannot contain ':', '*' or '?'");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IOException(at + " is listed twice (action names are case-insensitive)");
            }
            String access = text(action, "access", at);
            AccessLevel level = AccessLevel.fromDisplayName(access)
                    .orElseThrow(() -> new IOException(at + ": unknown access level \"" + access + "\""));
            result.add(new ActionInfo(prefix, name, level, names(action, "required", at), names(action, "optional", at)));
        }
        return result;
    }

    private static List<String> names(JsonNode action, String field, String where) throws IOException {
        JsonNode array = action.get(field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IOException(where + ": \"" + field + "\" must be an array of resource type names");
        }
        List<String> names = new ArrayList<>(array.size());
        for (JsonNode name : array) {
            if (!name.isTextual() || name.asText().isEmpty()) {
                throw new IOException(where + ": \"" + field + "\" holds " + name + ", not a resource type name");
            }
            names.add(name.asText());
        }
        names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
        return names;
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IOException(where + ": \"" + field + "\" is missing or not a non-empty string");
        }
        return value.asText();
    }

    private static void checkCount(JsonNode counts, String field, int actual, String origin) throws IOException {
        JsonNode expected = counts.get(field);
        if (expected != null && expected.asInt(-1) != actual) {
            throw new IOException(origin + ": the file says it has " + expected + " " + field + " but holds " + actual
                    + "; it is damaged or was edited by hand");
        }
    }
}
