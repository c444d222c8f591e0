package dev.iamatlas.model.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.findings.Fix;
import dev.iamatlas.model.findings.ReachSummary;
import dev.iamatlas.model.snapshot.ScanGap;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON shapes shared by the JSON report, SARIF properties, query results and diffs (documented in
 * {@code docs/reports.md}), and the one way they are written: keys sorted at every level, two-space indent,
 * null fields left out.
 */
final class JsonTrees {
    static final ObjectMapper MAPPER = new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n")))
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonTrees() {
    }

    /** Writes {@code root} pretty-printed with sorted keys and a final newline; leaves {@code out} open. */
    static void write(JsonNode root, Writer out) throws IOException {
        WRITER.writeValue(out, root);
        out.write('\n');
        out.flush();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts a string field unless the value is null. */
    static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static ObjectNode snapshot(SnapshotInfo s) {
        ObjectNode n = object();
        n.put("name", s.name());
        put(n, "source", s.source());
        n.set("regions", strings(s.regions()));
        put(n, "toolVersion", s.toolVersion());
        put(n, "callerArn", s.callerArn());
        put(n, "startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        put(n, "finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        n.put("complete", s.complete());
        ArrayNode gaps = n.putArray("gaps");
        for (ScanGap g : s.gaps()) {
            ObjectNode gap = gaps.addObject();
            gap.put("service", g.service());
            put(gap, "region", g.region());
            gap.put("operation", g.operation());
            put(gap, "resource", g.resource());
            put(gap, "errorCode", g.errorCode());
            put(gap, "message", g.message());
        }
        return n;
    }

    static ObjectNode account(SnapshotInfo s) {
        ObjectNode n = object();
        n.put("id", s.accountId());
        put(n, "alias", s.accountAlias());
        n.put("partition", s.partition());
        return n;
    }

    static ObjectNode step(PathStep s) {
        ObjectNode n = object();
        n.put("edge", s.edge());
        n.put("type", s.type().name());
        n.put("status", s.status().name());
        n.put("from", s.from());
        n.put("fromLabel", s.fromLabel());
        n.put("to", s.to());
        n.put("toLabel", s.toLabel());
        n.put("label", s.label());
        n.put("reason", s.reason());
        n.put("explanation", s.explanation());
        n.put("derived", s.derived());
        return n;
    }

    static ArrayNode steps(List<PathStep> steps) {
        ArrayNode a = MAPPER.createArrayNode();
        steps.forEach(s -> a.add(step(s)));
        return a;
    }

    static ObjectNode evidence(PathStep s) {
        ObjectNode n = object();
        n.put("edge", s.edge());
        PathStep.Evidence e = s.evidence() == null ? new PathStep.Evidence(List.of(), List.of()) : s.evidence();
        n.set("notes", strings(e.notes()));
        ArrayNode requests = n.putArray("requests");
        for (PathStep.Request r : e.requests()) {
            ObjectNode q = requests.addObject();
            q.put("purpose", r.purpose());
            q.put("principal", r.principal());
            q.put("action", r.action());
            q.put("resource", r.resource());
            ObjectNode context = q.putObject("context");
            r.context().forEach((k, v) -> context.set(k, strings(v)));
            q.set("unknownKeys", strings(r.unknownKeys()));
            q.put("status", r.status().name());
            q.put("outcome", r.outcome());
            q.put("reason", r.reason());
            ArrayNode deciding = q.putArray("deciding");
            for (PathStep.Statement st : r.deciding()) {
                ObjectNode d = deciding.addObject();
                d.put("policy", st.policy());
                d.put("policyType", st.policyType().name());
                put(d, "owner", st.owner());
                d.put("index", st.index());
                put(d, "sid", st.sid());
                put(d, "effect", st.effect());
                if (st.statement() != null) {
                    d.set("statement", parse(st.statement()));
                }
            }
        }
        return n;
    }

    static ObjectNode fix(Fix fix) {
        ObjectNode n = object();
        n.put("summary", fix.summary());
        n.set("commands", strings(fix.commands()));
        put(n, "policyChange", fix.policyChange());
        put(n, "documentation", fix.documentation());
        return n;
    }

    /**
     * A finding: {@code id, rule, severity, title, message, resource, principal} (when there is one), {@code path}
     * (steps), {@code evidence} ({@code edges}: per path edge its requests and notes; {@code notes}: evidence that
     * is not an edge) and {@code fix}.
     */
    static ObjectNode finding(ReportFinding f, boolean withEvidence) {
        ObjectNode n = object();
        n.put("id", f.id());
        n.put("rule", f.rule());
        n.put("severity", f.severity().name());
        n.put("title", f.title());
        n.put("message", f.message());
        n.put("resource", f.resource());
        put(n, "principal", f.principal());
        n.set("path", steps(f.path()));
        if (withEvidence) {
            ObjectNode evidence = n.putObject("evidence");
            ArrayNode edges = evidence.putArray("edges");
            f.path().forEach(s -> edges.add(evidence(s)));
            evidence.set("notes", strings(f.notes()));
        }
        n.set("fix", fix(f.fix()));
        return n;
    }

    static ObjectNode reach(ReachSummary reach, Function<String, String> labelOf) {
        ObjectNode n = object();
        ArrayNode routes = n.putArray("publicRoutes");
        for (ReachSummary.PublicRoute r : reach.publicRoutes()) {
            ObjectNode o = routes.addObject();
            o.put("route", r.routeId());
            o.put("label", r.label());
            put(o, "apiId", r.apiId());
            put(o, "stage", r.stage());
            put(o, "authorizationType", r.authorizationType());
            o.put("status", r.status().name());
        }
        ArrayNode functions = n.putArray("functions");
        for (ReachSummary.ReachedFunction f : reach.functions()) {
            ObjectNode o = functions.addObject();
            o.put("function", f.functionId());
            o.put("label", f.label());
            o.put("status", f.status().name());
            o.set("via", strings(f.via()));
            o.set("roles", strings(f.roles()));
            ArrayNode qualifiers = o.putArray("qualifiers");
            for (ReachSummary.ReachedQualifier q : f.qualifiers()) {
                ObjectNode qn = qualifiers.addObject();
                qn.put("arn", q.qualifierId());
                qn.put("qualifier", q.qualifier());
                qn.put("kind", q.kind().name());
                qn.put("status", q.status().name());
                qn.put("direct", q.direct());
                qn.set("via", strings(q.via()));
                qn.set("resolvesTo", strings(q.resolvesTo()));
            }
        }
        ArrayNode roles = n.putArray("roles");
        for (ReachSummary.RoleBehind r : reach.roles()) {
            ObjectNode o = roles.addObject();
            o.put("role", r.roleId());
            o.put("label", r.label());
            o.put("adminEquivalent", r.adminEquivalent());
            put(o, "adminReasons", r.adminReasons());
            o.set("functions", strings(r.functions()));
        }
        return n;
    }

    static ObjectNode counts(AnalysisReport.Counts c) {
        ObjectNode n = object();
        n.put("findings", c.findings());
        ObjectNode sev = n.putObject("bySeverity");
        c.bySeverity().forEach((s, v) -> sev.put(s.name(), v));
        ObjectNode rules = n.putObject("byRule");
        c.byRule().forEach(rules::put);
        n.put("nodes", c.nodes());
        n.put("edges", c.edges());
        ObjectNode status = n.putObject("edgesByStatus");
        c.edgesByStatus().forEach((s, v) -> status.put(s.name(), v));
        n.put("publicRoutes", c.publicRoutes());
        n.put("reachableFunctions", c.reachableFunctions());
        n.put("rolesBehind", c.rolesBehind());
        n.put("adminRolesBehind", c.adminRolesBehind());
        return n;
    }

    static ObjectNode generator(String toolVersion) {
        ObjectNode n = object();
        n.put("name", "IAM Atlas");
        put(n, "version", toolVersion);
        return n;
    }

    static void putAll(ObjectNode target, Map<String, String> values) {
        values.forEach((k, v) -> put(target, k, v));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return MAPPER.getNodeFactory().textNode(json); // not JSON: kept as the text it is
        }
    }
}
