package dev.iamatlas.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.iamatlas.model.evaluation.BatchSimulator;
import dev.iamatlas.model.evaluation.ConditionEvidence;
import dev.iamatlas.model.evaluation.Decision;
import dev.iamatlas.model.evaluation.DefaultPolicyEvaluator;
import dev.iamatlas.model.evaluation.EvaluationRequest;
import dev.iamatlas.model.evaluation.PolicyEvaluator;
import dev.iamatlas.model.evaluation.PolicyEvidence;
import dev.iamatlas.model.evaluation.SimulationRequestReader;
import dev.iamatlas.model.evaluation.StatementEvidence;
import dev.iamatlas.model.evaluation.StatementRef;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code iam-atlas simulate}: decides authorization requests with the policy evaluator.
 *
 * <p>With {@code --batch}: JSON Lines on standard input (or {@code --input FILE}), one JSON line
 * out per input line (see {@link BatchSimulator}). Without: one request, from {@code --request
 * FILE} (same JSON shape) or from flags, answered with a readable explanation.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Decides whether a principal may do an action on a resource.",
            "Evaluates the policies given as AWS would (identity, resource, boundary, session, SCPs and RCPs) and "
                    + "prints the decision with the statements that made it.",
            "With --batch: JSON Lines on standard input, one JSON line out per input line."
        },
        footer = {"", "Examples:",
            "  iam-atlas simulate --principal arn:aws:iam::111122223333:role/app \\",
            "      --action s3:GetObject --resource arn:aws:s3:::orders/2026/01.csv \\",
            "      --identity-policy policy.json",
            "  iam-atlas simulate --batch --input requests.jsonl --explain"})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", description = "Read JSON Lines requests from standard input; write one JSON decision line per input line.")
    boolean batch;

    @Option(names = "--explain", description = "With --batch: add the evidence to each line as a field \"explain\".")
    boolean explain;

    @Option(names = "--input", paramLabel = "FILE", description = "With --batch: read requests from FILE instead of standard input.")
    Path input;

    @Option(names = "--request", paramLabel = "FILE", description = "One request as JSON (the batch line shape).")
    Path requestFile;

    @Option(names = "--principal", paramLabel = "ARN", description = "Caller: IAM ARN, assumed-role session ARN, service principal, or 'anonymous'.")
    String principal;

    @Option(names = "--action", description = "Action, e.g. lambda:InvokeFunction.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN", description = "Resource ARN.")
    String resource;

    @Option(names = "--context", paramLabel = "KEY=VALUE", description = "Context value; repeat a key for a multivalued key.")
    List<String> context = new ArrayList<>();

    @Option(names = "--unknown-key", paramLabel = "KEY", description = "Treat KEY as unknown (the decision may be conditional).")
    List<String> unknownKeys = new ArrayList<>();

    @Option(names = "--identity-policy", paramLabel = "FILE", description = "Identity-based policy (repeatable).")
    List<Path> identityPolicies = new ArrayList<>();

    @Option(names = "--resource-policy", paramLabel = "FILE", description = "Resource-based policy.")
    Path resourcePolicy;

    @Option(names = "--permission-boundary", paramLabel = "FILE", description = "Permissions boundary.")
    Path permissionBoundary;

    @Option(names = "--session-policy", paramLabel = "FILE", description = "Session policy.")
    Path sessionPolicy;

    @Option(names = "--scp", paramLabel = "FILE", description = "SCP; each occurrence is one organization level, root first.")
    List<Path> scps = new ArrayList<>();

    @Option(names = "--rcp", paramLabel = "FILE", description = "RCP; each occurrence is one organization level, root first.")
    List<Path> rcps = new ArrayList<>();

    @Option(names = "--resource-account", paramLabel = "ID", description = "Resource's account (default: from the resource ARN).")
    String resourceAccount;

    private final PolicyEvaluator evaluator = new DefaultPolicyEvaluator();

    @Override
    public Integer call() throws IOException {
        if (batch) {
            return runBatch();
        }
        if (explain) {
            throw new ParameterException(spec.commandLine(), "--explain goes with --batch (a single request is always explained)");
        }
        return runSingle();
    }

    private int runBatch() throws IOException {
        if (requestFile != null || principal != null || action != null || resource != null) {
            throw new ParameterException(spec.commandLine(), "--batch reads requests from standard input; do not combine it with --request or request flags");
        }
        BufferedReader in;
        if (input != null) {
            in = open(input);
        } else {
            in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        }
        PrintWriter out = spec.commandLine().getOut();
        Writer writer = new BufferedWriter(out, 1 << 16);
        try (BufferedReader reader = in) {
            new BatchSimulator(evaluator, explain).run(reader, writer);
        }
        writer.flush();
        out.flush();
        return IamAtlasCommand.EXIT_OK;
    }

    private static BufferedReader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private int runSingle() {
        String json;
        String source;
        if (requestFile != null) {
            json = read(requestFile);
            source = requestFile.toString();
        } else {
            if (principal == null || action == null || resource == null) {
                throw new ParameterException(spec.commandLine(),
                        "give --batch, --request FILE, or at least --principal, --action and --resource");
            }
            json = requestFromFlags();
            source = "invalid request";
        }
        SimulationRequestReader.Parsed parsed;
        try {
            parsed = new SimulationRequestReader().read(json);
        } catch (SimulationRequestReader.InvalidRequestException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
        EvaluationRequest request = parsed.request();
        if (!unknownKeys.isEmpty()) {
            request = withUnknownKeys(request);
        }
        Decision decision = evaluator.explain(request);
        print(spec.commandLine().getOut(), request, decision);
        return IamAtlasCommand.EXIT_OK;
    }

    private EvaluationRequest withUnknownKeys(EvaluationRequest r) {
        EvaluationRequest.Builder b = EvaluationRequest.builder()
                .principal(r.principal()).action(r.action()).resource(r.resource())
                .context(r.context().asMap()).identityPolicies(r.identityPolicies())
                .resourcePolicy(r.resourcePolicy()).permissionBoundary(r.permissionBoundary())
                .sessionPolicy(r.sessionPolicy()).scps(r.scps()).rcps(r.rcps())
                .resourceAccount(r.resourceAccount()).unknownKeys(unknownKeys);
        return b.build();
    }

    /** Builds the batch JSON shape from the flags; each policy file becomes JSON text. */
    private String requestFromFlags() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("principal", principal);
        node.put("action", action);
        node.put("resource", resource);
        if (resourceAccount != null) {
            node.put("resourceAccount", resourceAccount);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String entry : context) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--context takes KEY=VALUE, got '" + entry + "'");
            }
            values.computeIfAbsent(entry.substring(0, eq), k -> new ArrayList<>()).add(entry.substring(eq + 1));
        }
        ObjectNode ctx = node.putObject("context");
        values.forEach((k, v) -> {
            if (v.size() == 1) {
                ctx.put(k, v.get(0));
            } else {
                ArrayNode a = ctx.putArray(k);
                v.forEach(a::add);
            }
        });
        ArrayNode identity = node.putArray("identityPolicies");
        identityPolicies.forEach(f -> identity.add(policyText(f)));
        if (resourcePolicy != null) {
            node.set("resourcePolicy", policyText(resourcePolicy));
        }
        if (permissionBoundary != null) {
            node.set("permissionBoundary", policyText(permissionBoundary));
        }
        if (sessionPolicy != null) {
            node.set("sessionPolicy", policyText(sessionPolicy));
        }
        ArrayNode scpLevels = node.putArray("scps");
        scps.forEach(f -> scpLevels.addArray().add(policyText(f)));
        ArrayNode rcpLevels = node.putArray("rcps");
        rcps.forEach(f -> rcpLevels.addArray().add(policyText(f)));
        return node.toString();
    }

    private static JsonNode policyText(Path file) {
        return TextNode.valueOf(read(file));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void print(PrintWriter out, EvaluationRequest request, Decision decision) {
        out.println("Request:   " + request.principal() + " -> " + request.action() + " on " + request.resource());
        out.println("Decision:  " + decision.outcome());
        out.println("Reason:    " + decision.reason().description());
        if (decision.isConditional()) {
            out.println("Conditional on unknown keys " + decision.unknownKeys() + ": " + decision.leastPermissive()
                    + " if they go against access, " + decision.mostPermissive() + " if they go for it ("
                    + decision.mostPermissiveReason().description() + ")");
        }
        if (!decision.decidingStatements().isEmpty()) {
            out.println("Deciding statements:");
            for (StatementRef ref : decision.decidingStatements()) {
                out.println("  " + ref.policyType() + " " + ref.policyLabel() + " statement " + ref.index()
                        + (ref.sid() == null ? "" : " (Sid " + ref.sid() + ")") + " " + ref.effect().json());
            }
        }
        out.println("Applicable statements:");
        boolean any = false;
        for (PolicyEvidence policy : decision.evidence()) {
            for (StatementEvidence s : policy.statements()) {
                any = true;
                out.println("  " + policy.type() + (policy.level() >= 0 ? " level " + policy.level() : "") + " " + policy.label()
                        + " statement " + s.index() + (s.sid() == null ? "" : " (Sid " + s.sid() + ")") + " " + s.effect().json()
                        + ": " + s.matched() + (s.principalMatch() == null ? "" : "; principal " + s.principalMatch().description()));
                for (ConditionEvidence c : s.conditions()) {
                    out.println("      " + c.operator() + " " + c.key() + " = " + c.result());
                    out.println("        policy values:  " + c.policyValues());
                    out.println("        request values: " + (c.contextValues() == null ? "(not in the request)" : c.contextValues()));
                }
            }
        }
        if (!any) {
            out.println("  (none: no statement's action, resource and principal apply)");
        }
        out.flush();
    }
}
