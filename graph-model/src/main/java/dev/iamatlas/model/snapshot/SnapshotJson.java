package dev.iamatlas.model.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.iamatlas.model.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes the snapshot file format ({@code docs/snapshot-format.md}): one JSON object with a
 * {@code formatVersion} and the snapshot's fields, keys sorted at every level so that two snapshots diff cleanly,
 * policy documents embedded as JSON objects, empty values left out.
 *
 * <p>Files are written atomically and readable by their owner only: a snapshot describes an account's security.
 */
public final class SnapshotJson {

    /** The format this program writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = newMapper();

    private SnapshotJson() {
    }

    /** Writes {@code snapshot} to {@code file}, atomically, owner-only. */
    public static void write(AccountSnapshot snapshot, Path file) throws IOException {
        Objects.requireNonNull(snapshot, "snapshot");
        AtomicFiles.write(file, AtomicFiles.Access.OWNER_ONLY, out -> write(snapshot, out));
    }

    /** Writes {@code snapshot} to a stream (left open), for example standard output. */
    public static void write(AccountSnapshot snapshot, OutputStream out) throws IOException {
        ObjectNode root = MAPPER.valueToTree(snapshot);
        root.put("formatVersion", FORMAT_VERSION);
        MAPPER.writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    /** The snapshot as text, as {@link #write(AccountSnapshot, OutputStream)} writes it. */
    public static String toJson(AccountSnapshot snapshot) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            write(snapshot, bytes);
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    /**
     * Reads a snapshot file.
     *
     * @throws SnapshotFormatException when the file is not JSON, not a snapshot, of the wrong shape or of a newer
     *     format; the message names the file and the problem in one line
     * @throws IOException when the file cannot be read
     */
    public static AccountSnapshot read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new SnapshotFormatException(file + ": is a folder, not a snapshot file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (SnapshotFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + AtomicFiles.describe(e) + ")", e);
        }
    }

    /**
     * Reads a snapshot from a stream; {@code sourceName} names it in error messages.
     *
     * @throws SnapshotFormatException as for {@link #read(Path)}
     */
    public static AccountSnapshot read(InputStream in, String sourceName) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException(sourceName + ": not valid JSON ("
                    + location(e) + e.getOriginalMessage() + ")", e);
        }
        return fromTree(tree, sourceName);
    }

    /** Reads a snapshot from text; {@code sourceName} names it in error messages. */
    public static AccountSnapshot fromJson(String json, String sourceName) throws SnapshotFormatException {
        try {
            return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    sourceName);
        } catch (SnapshotFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new SnapshotFormatException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static AccountSnapshot fromTree(JsonNode tree, String sourceName) throws SnapshotFormatException {
        if (tree == null || tree.isMissingNode()) {
            throw new SnapshotFormatException(sourceName + ": the file is empty");
        }
        if (!tree.isObject()) {
            throw new SnapshotFormatException(sourceName + ": not an IAM Atlas snapshot (expected a JSON object, found "
                    + kind(tree) + ")");
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null) {
            String hint = tree.has("UserDetailList") || tree.has("RoleDetailList")
                    ? "; it looks like 'aws iam get-account-authorization-details' output: use 'iam-atlas import --gaad'"
                    : "";
            throw new SnapshotFormatException(sourceName + ": not an IAM Atlas snapshot (no formatVersion)" + hint);
        }
        if (!version.canConvertToExactIntegral() || version.asInt() < 1) {
            throw new SnapshotFormatException(sourceName + ": formatVersion must be a positive whole number, found "
                    + version);
        }
        if (version.asInt() > FORMAT_VERSION) {
            throw new SnapshotFormatException(sourceName + ": snapshot format version " + version.asInt()
                    + " is newer than this program reads (" + FORMAT_VERSION + "); update IAM Atlas");
        }
        ObjectNode body = ((ObjectNode) tree).deepCopy();
        body.remove("formatVersion");
        if (!body.has("metadata")) {
            throw new SnapshotFormatException(sourceName + ": wrong shape: metadata is missing");
        }
        try {
            return MAPPER.treeToValue(body, AccountSnapshot.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SnapshotFormatException(sourceName + ": wrong shape at " + path(e) + ": unknown field '"
                    + e.getPropertyName() + "'", e);
        } catch (InvalidFormatException e) {
            throw new SnapshotFormatException(sourceName + ": wrong shape at " + path(e) + ": cannot read "
                    + e.getValue() + " as " + e.getTargetType().getSimpleName(), e);
        } catch (MismatchedInputException e) {
            String target = e.getTargetType() == null ? "the expected type" : describe(e.getTargetType());
            throw new SnapshotFormatException(sourceName + ": wrong shape at " + path(e) + ": expected " + target, e);
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof NullPointerException && cause.getMessage() != null
                    && cause.getMessage().matches("[A-Za-z]+")) {
                // A record's requireNonNull(field, "field"): a required field is absent.
                throw new SnapshotFormatException(sourceName + ": wrong shape at " + path(e) + ": missing field '"
                        + cause.getMessage() + "'", e);
            }
            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new SnapshotFormatException(sourceName + ": wrong shape at " + path(e) + ": "
                    + why.lines().findFirst().orElse(why), e);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException(sourceName + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(Class<?> type) {
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object of names to values";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A JSON path such as {@code functions[3].aliases} from a mapping exception. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.length() == 0 ? "the top level" : path.toString();
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    }

    private static ObjectMapper newMapper() {
        SimpleModule policies = new SimpleModule("policy-text")
                .addSerializer(PolicyText.class, new PolicyTextSerializer())
                .addDeserializer(PolicyText.class, new PolicyTextDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(policies)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
    }

    /** Embeds a policy as a JSON object when it is JSON, as a string otherwise (kept as AWS returned it). */
    private static final class PolicyTextSerializer extends JsonSerializer<PolicyText> {
        @Override
        public void serialize(PolicyText value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            JsonNode tree = value.tree();
            if (tree != null && tree.isObject()) {
                gen.writeTree(tree);
            } else {
                gen.writeString(value.json());
            }
        }
    }

    /** Accepts an embedded JSON object, or a string in any form {@link PolicyText#of(String)} decodes. */
    private static final class PolicyTextDeserializer extends JsonDeserializer<PolicyText> {
        @Override
        public PolicyText deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            if (node.isObject()) {
                return PolicyText.ofTree(node);
            }
            if (node.isTextual()) {
                return PolicyText.of(node.textValue());
            }
            return (PolicyText) context.handleUnexpectedToken(PolicyText.class, parser);
        }
    }
}
