package dev.iamatlas.model.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.iamatlas.model.evaluation.PolicyType;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamGroup;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.InlinePolicy;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a snapshot from the output of {@code aws iam get-account-authorization-details} (GAAD) as the AWS CLI
 * prints it with {@code --output json}
 * (<a href="https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html">GetAccountAuthorizationDetails</a>):
 * one object with {@code UserDetailList}, {@code GroupDetailList}, {@code RoleDetailList} and {@code Policies}.
 *
 * <ul>
 *   <li>Policy documents may be JSON objects (as the CLI prints them, decoded) or strings in any form
 *       {@link PolicyText#of(String)} decodes (URL-encoded as the API returns them, JSON text).</li>
 *   <li>A paged run merged by the CLI is one document; several documents one after the other in the same file (raw
 *       pages saved with {@code --no-paginate}) are merged, and an entity that appears twice is kept once.</li>
 *   <li>A policy that cannot be read does not fail the import: it is kept verbatim in the snapshot, reported as a
 *       warning naming the principal and the policy, and recorded as a {@link ScanGap} (service {@code iam},
 *       operation {@code import-gaad}, resource the principal's ARN). What "cannot be read" means is decided by
 *       the {@link PolicyCheck} the importer is given.</li>
 *   <li>The account id and partition come from the ARNs. {@code InstanceProfileList}, {@code RoleLastUsed},
 *       {@code CreateDate} of entities and unknown fields are ignored.</li>
 *   <li>Output cut short ({@code IsTruncated: true} or a {@code NextToken} left by {@code --max-items}) gives a
 *       snapshot marked incomplete, with a warning and a gap.</li>
 * </ul>
 *
 * <p>Running time is linear in the size of the file.
 */
public final class GaadImporter {

    /** The {@link ScanMetadata#source()} of an imported snapshot. */
    public static final String SOURCE = "import-gaad";

    private static final List<String> LISTS = List.of("UserDetailList", "GroupDetailList", "RoleDetailList",
            "Policies");
    private static final Pattern IAM_ARN = Pattern.compile("^arn:([a-z-]+):iam::(\\d{12}):");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private static final DateTimeFormatter PYTHON_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]XXX",
            Locale.ROOT);

    private final PolicyCheck check;

    /** An importer that checks policies with the policy parser ({@link PolicyCheck#PARSER}). */
    public GaadImporter() {
        this(PolicyCheck.PARSER);
    }

    /** An importer that checks every policy document with {@code check}. */
    public GaadImporter(PolicyCheck check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Imports a GAAD file.
     *
     * @throws GaadFormatException when the file is not GAAD output; the message names the file and the problem
     * @throws IOException when the file cannot be read
     */
    public GaadImport read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new GaadFormatException(file + ": is a folder, not a get-account-authorization-details file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        }
    }

    /** Imports GAAD output from text; {@code sourceName} names it in messages. */
    public GaadImport fromJson(String json, String sourceName) throws GaadFormatException {
        try {
            return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), sourceName);
        } catch (GaadFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new GaadFormatException(sourceName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Imports GAAD output from a stream (left open); {@code sourceName} names it in messages.
     *
     * @throws GaadFormatException as for {@link #read(Path)}
     */
    public GaadImport read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        List<JsonNode> documents = new ArrayList<>();
        // Documents one after the other (raw pages); a top-level list is one document, not a sequence.
        try (JsonParser parser = MAPPER.getFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                documents.add(MAPPER.readTree(parser));
            }
        } catch (JsonProcessingException e) {
            throw new GaadFormatException(sourceName + ": not valid JSON (" + location(e) + e.getOriginalMessage()
                    + ")", e);
        }
        if (documents.isEmpty()) {
            throw new GaadFormatException(sourceName + ": the file is empty");
        }
        for (JsonNode document : documents) {
            checkIsGaad(document, sourceName);
        }
        return new Run(sourceName).importDocuments(documents);
    }

    private static void checkIsGaad(JsonNode document, String sourceName) throws GaadFormatException {
        if (!document.isObject()) {
            throw new GaadFormatException(sourceName + ": not get-account-authorization-details output (expected a"
                    + " JSON object, found " + kind(document) + ")");
        }
        if (document.has("formatVersion") && document.has("metadata")) {
            throw new GaadFormatException(sourceName + ": this is already an IAM Atlas snapshot, not"
                    + " get-account-authorization-details output; open or analyze it directly");
        }
        if (LISTS.stream().noneMatch(document::has)) {
            throw new GaadFormatException(sourceName + ": not get-account-authorization-details output (it has none"
                    + " of " + String.join(", ", LISTS) + ")");
        }
        for (String list : LISTS) {
            JsonNode value = document.get(list);
            if (value != null && !value.isArray() && !value.isNull()) {
                throw new GaadFormatException(sourceName + ": wrong shape at " + list + ": expected a list, found "
                        + kind(value));
            }
        }
    }

    /** One import: collects entities, warnings and gaps. */
    private final class Run {
        private final String sourceName;
        private final List<String> warnings = new ArrayList<>();
        private final List<ScanGap> gaps = new ArrayList<>();
        private final Set<String> accounts = new TreeSet<>();
        private final Set<String> partitions = new TreeSet<>();

        Run(String sourceName) {
            this.sourceName = sourceName;
        }

        GaadImport importDocuments(List<JsonNode> documents) throws GaadFormatException {
            Map<String, IamUser> users = new LinkedHashMap<>();
            Map<String, IamGroup> groups = new LinkedHashMap<>();
            Map<String, IamRole> roles = new LinkedHashMap<>();
            Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
            for (JsonNode document : documents) {
                each(document, "UserDetailList", (entry, at) -> user(entry, at, users));
                each(document, "GroupDetailList", (entry, at) -> group(entry, at, groups));
                each(document, "RoleDetailList", (entry, at) -> role(entry, at, roles));
                each(document, "Policies", (entry, at) -> managedPolicy(entry, at, policies));
            }
            String account = accountId();
            String partition = partitions.size() == 1 ? partitions.iterator().next() : "aws";

            JsonNode last = documents.get(documents.size() - 1);
            boolean truncated = last.path("IsTruncated").asBoolean(false) || last.hasNonNull("NextToken");
            if (truncated) {
                String why = "the output was cut short (" + (last.hasNonNull("NextToken") ? "NextToken" : "IsTruncated")
                        + "): run get-account-authorization-details without --max-items; the snapshot is incomplete";
                warn(why, null, "Truncated");
            }
            reportMissingManagedPolicies(users.values(), groups.values(), roles.values(), policies.keySet());

            ScanMetadata metadata = new ScanMetadata(account, null, partition, List.of(), SOURCE, null, null, null,
                    null, !truncated, Map.of());
            AccountSnapshot.Builder b = AccountSnapshot.builder(metadata);
            users.values().forEach(b::user);
            groups.values().forEach(b::group);
            roles.values().forEach(b::role);
            policies.values().forEach(b::managedPolicy);
            gaps.forEach(b::gap);
            return new GaadImport(b.build(), warnings);
        }

        private void user(JsonNode entry, String at, Map<String, IamUser> users) {
            String arn = arn(entry, at);
            String name = text(entry, "UserName");
            if (arn == null || name == null || users.containsKey(arn)) {
                if (arn != null && name == null) {
                    malformed(at + ": no UserName; skipped");
                }
                return;
            }
            IamUser.Builder b = IamUser.builder(arn, name).userId(text(entry, "UserId"))
                    .path(textOr(entry, "Path", "/")).permissionsBoundaryArn(boundary(entry));
            Set<String> listed = new java.util.HashSet<>();
            for (JsonNode group : entry.path("GroupList")) {
                if (group.isTextual() && !listed.add(group.textValue())) {
                    warnings.add("user/" + name + ": group " + group.textValue() + " is listed twice; counted once");
                } else if (group.isTextual()) {
                    b.group(group.textValue());
                }
            }
            for (InlinePolicy policy : inlinePolicies(entry, "UserPolicyList", "user/" + name, arn)) {
                b.inlinePolicy(policy.name(), policy.document());
            }
            attached(entry).forEach(b::attachedPolicy);
            tags(entry).forEach(b::tag);
            users.put(arn, b.build());
        }

        private void group(JsonNode entry, String at, Map<String, IamGroup> groups) {
            String arn = arn(entry, at);
            String name = text(entry, "GroupName");
            if (arn == null || name == null || groups.containsKey(arn)) {
                if (arn != null && name == null) {
                    malformed(at + ": no GroupName; skipped");
                }
                return;
            }
            groups.put(arn, new IamGroup(arn, name, text(entry, "GroupId"), textOr(entry, "Path", "/"),
                    inlinePolicies(entry, "GroupPolicyList", "group/" + name, arn), attached(entry)));
        }

        private void role(JsonNode entry, String at, Map<String, IamRole> roles) {
            String arn = arn(entry, at);
            String name = text(entry, "RoleName");
            if (arn == null || name == null || roles.containsKey(arn)) {
                if (arn != null && name == null) {
                    malformed(at + ": no RoleName; skipped");
                }
                return;
            }
            String label = "role/" + name;
            IamRole.Builder b = IamRole.builder(arn, name).roleId(text(entry, "RoleId"))
                    .path(textOr(entry, "Path", "/")).permissionsBoundaryArn(boundary(entry))
                    .maxSessionDuration(entry.path("MaxSessionDuration").asInt(0));
            // A trust policy's gap says who may assume the role is uncertain, not what the role may do.
            JsonNode trust = entry.get("AssumeRolePolicyDocument");
            if (trust == null || trust.isNull()) {
                warn(label + " trust policy: missing from the dump", arn, ScanGap.MISSING_TRUST_POLICY);
            } else {
                PolicyText text = policyText(trust);
                check.problem(text, PolicyType.RESOURCE).ifPresent(problem ->
                        warn(label + " trust policy: " + problem, arn, ScanGap.INVALID_TRUST_POLICY));
                b.trustPolicy(text);
            }
            for (InlinePolicy policy : inlinePolicies(entry, "RolePolicyList", label, arn)) {
                b.inlinePolicy(policy.name(), policy.document());
            }
            attached(entry).forEach(b::attachedPolicy);
            tags(entry).forEach(b::tag);
            roles.put(arn, b.build());
        }

        private void managedPolicy(JsonNode entry, String at, Map<String, ManagedPolicy> policies) {
            String arn = arn(entry, at);
            String name = text(entry, "PolicyName");
            if (arn == null || name == null || policies.containsKey(arn)) {
                if (arn != null && name == null) {
                    malformed(at + ": no PolicyName; skipped");
                }
                return;
            }
            String defaultVersionId = text(entry, "DefaultVersionId");
            List<PolicyVersion> versions = new ArrayList<>();
            int index = 0;
            for (JsonNode version : entry.path("PolicyVersionList")) {
                String versionId = text(version, "VersionId");
                String label = "policy/" + name + " version " + (versionId == null ? "#" + index : versionId);
                index++;
                if (versionId == null) {
                    warn(label + ": no VersionId; skipped", arn, "MalformedEntry");
                    continue;
                }
                JsonNode document = version.get("Document");
                if (document == null || document.isNull()) {
                    warn(label + ": no Document; skipped", arn, "MissingPolicy");
                    continue;
                }
                boolean isDefault = version.has("IsDefaultVersion")
                        ? version.path("IsDefaultVersion").asBoolean(false) : versionId.equals(defaultVersionId);
                PolicyText text = policyText(document);
                if (isDefault) {
                    checked(text, PolicyType.IDENTITY, label, arn);
                } else {
                    // IAM evaluates only the default version: a problem in another is worth a warning, not a gap
                    // that would make every attacher's permissions uncertain
                    check.problem(text, PolicyType.IDENTITY).ifPresent(problem -> warnings.add(label + ": " + problem
                            + " (not the default version, so it does not apply)"));
                }
                versions.add(new PolicyVersion(versionId, isDefault, text, instant(version.get("CreateDate"))));
            }
            policies.put(arn, new ManagedPolicy(arn, name, text(entry, "PolicyId"), textOr(entry, "Path", "/"),
                    defaultVersionId, entry.path("AttachmentCount").asInt(0),
                    entry.path("PermissionsBoundaryUsageCount").asInt(0), versions));
        }

        private List<InlinePolicy> inlinePolicies(JsonNode entry, String field, String owner, String ownerArn) {
            List<InlinePolicy> result = new ArrayList<>();
            int index = 0;
            for (JsonNode policy : entry.path(field)) {
                String name = text(policy, "PolicyName");
                String label = owner + " inline policy " + (name == null ? "#" + index : "'" + name + "'");
                index++;
                JsonNode document = policy.get("PolicyDocument");
                if (name == null) {
                    warn(label + ": no PolicyName; skipped", ownerArn, "MalformedEntry");
                } else if (document == null || document.isNull()) {
                    warn(label + ": no PolicyDocument; skipped", ownerArn, "MissingPolicy");
                } else {
                    PolicyText text = checked(policyText(document), PolicyType.IDENTITY, label, ownerArn);
                    result.add(new InlinePolicy(name, text));
                }
            }
            return result;
        }

        /**
         * Applies the policy check for a policy of {@code type} (a trust policy is resource-based; inline and
         * managed policies, also when used as permissions boundaries, are identity-based); a problem becomes a
         * warning and a gap, and the document is kept as it is.
         */
        private PolicyText checked(PolicyText document, PolicyType type, String label, String resourceArn) {
            check.problem(document, type)
                    .ifPresent(problem -> warn(label + ": " + problem, resourceArn, "InvalidPolicy"));
            return document;
        }

        private void reportMissingManagedPolicies(Iterable<IamUser> users, Iterable<IamGroup> groups,
                Iterable<IamRole> roles, Set<String> known) {
            Map<String, String> missing = new LinkedHashMap<>();
            users.forEach(u -> note(missing, known, u.attachedPolicyArns(), "user/" + u.name(),
                    u.permissionsBoundaryArn()));
            groups.forEach(g -> note(missing, known, g.attachedPolicyArns(), "group/" + g.name(), null));
            roles.forEach(r -> note(missing, known, r.attachedPolicyArns(), "role/" + r.name(),
                    r.permissionsBoundaryArn()));
            missing.forEach((arn, firstUser) -> warn("managed policy " + arn + " (used by " + firstUser
                    + ") is not in the dump; was --filter used?", arn, "MissingPolicy"));
        }

        private void note(Map<String, String> missing, Set<String> known, List<String> attached, String user,
                String boundary) {
            List<String> all = new ArrayList<>(attached);
            if (boundary != null) {
                all.add(boundary);
            }
            for (String arn : all) {
                if (!known.contains(arn)) {
                    missing.putIfAbsent(arn, user);
                }
            }
        }

        private String arn(JsonNode entry, String at) {
            if (!entry.isObject()) {
                malformed(at + ": not an object; skipped");
                return null;
            }
            String arn = text(entry, "Arn");
            if (arn == null) {
                malformed(at + ": no Arn; skipped");
                return null;
            }
            Matcher m = IAM_ARN.matcher(arn);
            if (m.find()) {
                partitions.add(m.group(1));
                accounts.add(m.group(2));
            } else if (!arn.contains(":iam::aws:policy/")) {
                malformed(at + ": '" + arn + "' is not an IAM ARN; skipped");
                return null;
            }
            return arn;
        }

        private String accountId() throws GaadFormatException {
            if (accounts.isEmpty()) {
                throw new GaadFormatException(sourceName + ": no users, groups, roles or customer-managed policies,"
                        + " so the account id cannot be told from the ARNs");
            }
            if (accounts.size() > 1) {
                throw new GaadFormatException(sourceName + ": the ARNs name " + accounts.size() + " accounts ("
                        + String.join(", ", accounts) + "); import one account's dump at a time");
            }
            return accounts.iterator().next();
        }

        private void malformed(String message) {
            warn(message, null, "MalformedEntry");
        }

        private void warn(String message, String resource, String code) {
            warnings.add(message);
            gaps.add(new ScanGap("iam", "global", SOURCE, resource, code, message));
        }

        private void each(JsonNode document, String list, EntryReader reader) {
            JsonNode entries = document.get(list);
            if (entries == null || !entries.isArray()) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                reader.read(entries.get(i), list + "[" + i + "]");
            }
        }
    }

    @FunctionalInterface
    private interface EntryReader {
        void read(JsonNode entry, String at);
    }

    /** A policy document as GAAD gives it: an object (CLI), or a string (URL-encoded or JSON text). */
    private static PolicyText policyText(JsonNode node) {
        return node.isTextual() ? PolicyText.of(node.textValue()) : PolicyText.of(node.toString());
    }

    private static String boundary(JsonNode entry) {
        return text(entry.path("PermissionsBoundary"), "PermissionsBoundaryArn");
    }

    private static List<String> attached(JsonNode entry) {
        Set<String> arns = new LinkedHashSet<>();
        for (JsonNode policy : entry.path("AttachedManagedPolicies")) {
            String arn = text(policy, "PolicyArn");
            if (arn != null) {
                arns.add(arn);
            }
        }
        return List.copyOf(arns);
    }

    private static Map<String, String> tags(JsonNode entry) {
        Map<String, String> tags = new TreeMap<>();
        for (JsonNode tag : entry.path("Tags")) {
            String key = text(tag, "Key");
            if (key != null) {
                tags.put(key, tag.path("Value").asText(""));
            }
        }
        return tags;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    /**
     * A date as the AWS CLI prints it: ISO 8601 ({@code 2014-07-30T17:09:20Z}, {@code 2019-12-18T19:10:08+00:00})
     * or the Python form of CLI v1 ({@code 2019-12-18 19:10:08+00:00}); null when absent or unreadable (dates are
     * informational).
     */
    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String text = node.textValue().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return OffsetDateTime.parse(text, PYTHON_DATE).toInstant();
            } catch (DateTimeParseException notPython) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
    }
}
