package dev.iamatlas.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.findings.RuleInfo;
import dev.iamatlas.model.findings.Severity;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The report as SARIF 2.1.0 for code-scanning tools (GitHub code scanning, the SARIF viewers of VS Code and Azure
 * DevOps). One run; {@code tool.driver.rules} is the whole rule catalogue with help text and {@code helpUri}; one
 * result per finding with its {@code ruleId}, a {@code level} mapped from the severity, the message and fix, and a
 * location that code scanning accepts: a physical location (the snapshot file and the line naming the resource; GitHub
 * rejects results without one) plus a logical location holding the resource's ARN. The reach summary is in the run's
 * properties. The mapping is documented in {@code docs/reports.md}.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 * @see <a href="https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning">GitHub's SARIF support</a>
 */
public final class SarifReportWriter implements ReportWriter {

    /** The schema every SARIF 2.1.0 log names. */
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The partial fingerprint key: a hash of the finding's stable id, so alerts follow findings across runs. */
    public static final String FINGERPRINT = "iamAtlasFindingId/v1";

    private final String artifactUri;
    private final SnapshotLines lines;

    /**
     * A writer whose results point into the snapshot file.
     *
     * @param artifactUri the snapshot file as SARIF names it (relative to the repository root, or a {@code file:}
     *     URI)
     * @param lines the snapshot file's lines, to find the line naming each result's resource
     */
    public SarifReportWriter(String artifactUri, SnapshotLines lines) {
        this.artifactUri = Objects.requireNonNull(artifactUri, "artifactUri");
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.SARIF;
    }

    /**
     * The SARIF level of a severity: CRITICAL and HIGH are {@code error}, MEDIUM {@code warning}, LOW and INFO
     * {@code note}.
     */
    public static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /**
     * GitHub's {@code security-severity} score of a severity (a CVSS-like number that GitHub shows as critical
     * 9.0+, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9): 9.5, 8.0, 5.5, 3.0, and 0.0 for INFO.
     */
    public static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    @Override
    public void write(AnalysisReport report, Writer out) throws IOException {
        ObjectNode root = JsonTrees.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "IAM Atlas");
        driver.put("fullName", "IAM Atlas: who can reach what in an AWS serverless account");
        if (report.toolVersion() != null) {
            driver.put("version", report.toolVersion());
            if (report.toolVersion().matches("\\d+\\.\\d+\\.\\d+([-+].*)?")) {
                driver.put("semanticVersion", report.toolVersion());
            }
        }
        List<RuleInfo> rules = report.rules();
        ArrayNode ruleArray = driver.putArray("rules");
        for (RuleInfo r : rules) {
            ruleArray.add(rule(r));
        }

        run.putObject("automationDetails").put("id", "iam-atlas/" + report.snapshot().accountId() + "/");
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode artifacts = run.putArray("artifacts");
        ObjectNode artifact = artifacts.addObject();
        artifact.putObject("location").put("uri", artifactUri);
        artifact.put("mimeType", "application/json");
        artifact.putObject("description").put("text", "IAM Atlas snapshot of AWS account " + report.snapshot().accountId());

        ArrayNode results = run.putArray("results");
        for (ReportFinding f : report.findings()) {
            results.add(result(f, indexOf(rules, f.rule())));
        }

        ObjectNode props = run.putObject("properties");
        props.set("account", JsonTrees.account(report.snapshot()));
        props.set("snapshot", JsonTrees.snapshot(report.snapshot()));
        props.set("summary", JsonTrees.counts(report.counts()));
        props.set("reach", JsonTrees.reach(report.reach(), report::label));
        JsonTrees.write(root, out);
    }

    private static ObjectNode rule(RuleInfo r) {
        ObjectNode n = JsonTrees.object();
        n.put("id", r.id());
        n.put("name", pascal(r.id()));
        n.putObject("shortDescription").put("text", r.title());
        n.putObject("fullDescription").put("text", r.description());
        String help = r.description() + "\n\nWhy it matters: " + r.whyItMatters() + "\n\nHow to fix: " + r.howToFix()
                + "\n\nAWS documentation: " + r.documentation();
        ObjectNode helpNode = n.putObject("help");
        helpNode.put("text", help);
        helpNode.put("markdown", Markdown.text(r.description()) + "\n\n**Why it matters.** " + Markdown.text(r.whyItMatters())
                + "\n\n**How to fix.** " + Markdown.text(r.howToFix()) + "\n\n[AWS documentation](" + r.documentation() + ")");
        n.put("helpUri", r.documentation());
        n.putObject("defaultConfiguration").put("level", level(r.defaultSeverity()));
        ObjectNode props = n.putObject("properties");
        props.set("tags", JsonTrees.strings(List.of("security", "aws", "iam", "serverless")));
        props.put("precision", "high");
        props.put("problem.severity", problemSeverity(r.defaultSeverity()));
        props.put("security-severity", securitySeverity(r.defaultSeverity()));
        return n;
    }

    private ObjectNode result(ReportFinding f, int ruleIndex) {
        ObjectNode n = JsonTrees.object();
        n.put("ruleId", f.rule());
        if (ruleIndex >= 0) {
            n.put("ruleIndex", ruleIndex);
        }
        n.put("level", level(f.severity()));
        n.putObject("message").put("text", f.message() + " Fix: " + f.fix().summary());

        ObjectNode location = n.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", artifactUri).put("index", 0);
        physical.putObject("region").put("startLine", lines.lineOf(f.resource()));
        ArrayNode logical = location.putArray("logicalLocations");
        ObjectNode resource = logical.addObject();
        resource.put("fullyQualifiedName", f.resource());
        resource.put("name", shortName(f.resource()));
        resource.put("kind", "resource");
        location.putObject("message").put("text", "resource " + f.resource());

        if (f.principal() != null) {
            ObjectNode related = n.putArray("relatedLocations").addObject();
            related.put("id", 1);
            ObjectNode relatedPhysical = related.putObject("physicalLocation");
            relatedPhysical.putObject("artifactLocation").put("uri", artifactUri).put("index", 0);
            relatedPhysical.putObject("region").put("startLine", lines.lineOf(f.principal()));
            ObjectNode principal = related.putArray("logicalLocations").addObject();
            principal.put("fullyQualifiedName", f.principal());
            principal.put("name", shortName(f.principal()));
            principal.put("kind", "resource");
            related.putObject("message").put("text", "principal " + f.principal());
        }

        n.putObject("partialFingerprints").put(FINGERPRINT, sha256(f.id()));
        ObjectNode props = n.putObject("properties");
        props.put("findingId", f.id());
        props.put("severity", f.severity().name());
        props.put("title", f.title());
        props.put("resource", f.resource());
        JsonTrees.put(props, "principal", f.principal());
        props.set("path", JsonTrees.steps(f.path()));
        props.set("fix", JsonTrees.fix(f.fix()));
        props.set("tags", JsonTrees.strings(List.of("security")));
        return n;
    }

    private static int indexOf(List<RuleInfo> rules, String id) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String problemSeverity(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "recommendation";
        };
    }

    /** {@code LAMBDA_PUBLIC_INVOKE} becomes {@code LambdaPublicInvoke}. */
    static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    /**
     * A short name for an ARN: a function's name (with its qualifier), else the ARN's resource part
     * ({@code role/x}, {@code API_ID/STAGE/METHOD/PATH}), else the value itself.
     */
    static String shortName(String arn) {
        int function = arn.indexOf(":function:");
        if (arn.startsWith("arn:") && function >= 0) {
            return arn.substring(function + ":function:".length());
        }
        String[] parts = arn.split(":", 6);
        return arn.startsWith("arn:") && parts.length == 6 && !parts[5].isEmpty() ? parts[5] : arn;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
