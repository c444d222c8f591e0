package dev.iamatlas.model.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.graph.EdgeStatus;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * A {@link DiffReport} as readable text, JSON (shape in {@code docs/reports.md}) or Markdown: reach gained, reach
 * lost, other edge changes, new and resolved findings, and the totals.
 */
public final class DiffWriter {
    /** The version of the JSON shape. */
    public static final int FORMAT_VERSION = 1;

    private DiffWriter() {
    }

    /** Writes {@code diff} in {@code format}; leaves {@code out} open, flushed. */
    public static void write(DiffReport diff, QueryFormat format, Writer out) throws IOException {
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(format, "format");
        switch (format) {
            case JSON -> JsonTrees.write(json(diff), out);
            case MD -> {
                out.write(markdown(diff));
                out.flush();
            }
            default -> {
                out.write(text(diff));
                out.flush();
            }
        }
    }

    /** One line of totals: "2 edges added, 1 removed, 3 changed (reach gained through 2, lost through 1); ...". */
    public static String summary(DiffReport d) {
        return d.added().size() + " edges added, " + d.removed().size() + " removed, " + d.changed().size()
                + " changed (reach gained through " + d.gained().size() + ", lost through " + d.lost().size() + "); "
                + Texts.count(d.newFindings().size(), "new finding", "new findings") + ", "
                + d.resolvedFindings().size() + " resolved";
    }

    private static String text(DiffReport d) {
        StringBuilder b = new StringBuilder();
        b.append("Reach diff for account ").append(d.after().accountDisplay()).append('\n');
        b.append("  old: ").append(describe(d.before())).append('\n');
        b.append("  new: ").append(describe(d.after())).append('\n');
        if (!d.before().accountId().equals(d.after().accountId())) {
            b.append("  (the snapshots are of different accounts: everything differs)\n");
        }
        b.append('\n');
        if (d.isEmpty()) {
            b.append("No change in reach or findings.\n");
            return b.toString();
        }
        changes(b, "Reach gained", "+", d.gained());
        changes(b, "Reach lost", "-", d.lost());
        changes(b, "Other edge changes (no reach gained or lost)", "~", d.other());
        findings(b, "New findings", d.newFindings());
        findings(b, "Resolved findings", d.resolvedFindings());
        b.append("Summary: ").append(summary(d)).append('\n');
        return b.toString();
    }

    private static String describe(SnapshotInfo s) {
        StringBuilder b = new StringBuilder(s.name());
        b.append(" (account ").append(s.accountDisplay());
        if (s.finishedAt() != null) {
            b.append(", scanned ").append(s.finishedAt());
        }
        return b.append(')').toString();
    }

    private static void changes(StringBuilder b, String title, String mark, List<DiffReport.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        b.append(title).append(" (").append(changes.size()).append("):\n");
        for (DiffReport.Change c : changes) {
            b.append("  ").append(mark).append(' ').append(Texts.pad(transition(c), 28)).append(c.fromLabel())
                    .append(" --").append(c.type().verb()).append("--> ").append(c.toLabel()).append('\n');
            if (c.explanation() != null) {
                for (String line : Texts.wrap(c.explanation(), Texts.WIDTH - 6)) {
                    b.append("      ").append(line).append('\n');
                }
            }
        }
        b.append('\n');
    }

    private static void findings(StringBuilder b, String title, List<ReportFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        b.append(title).append(" (").append(findings.size()).append("):\n");
        for (ReportFinding f : findings) {
            b.append("  ").append(Texts.pad(f.severity().name(), 9)).append(f.rule()).append("  ").append(f.resource())
                    .append('\n');
            for (String line : Texts.wrap(f.message(), Texts.WIDTH - 6)) {
                b.append("      ").append(line).append('\n');
            }
        }
        b.append('\n');
    }

    /** "DENIED -> ALLOWED", "new ALLOWED", "ALLOWED -> gone". */
    static String transition(DiffReport.Change c) {
        if (c.statusBefore() == null) {
            return "new " + c.statusAfter();
        }
        if (c.statusAfter() == null) {
            return c.statusBefore() + " -> gone";
        }
        return c.statusBefore() + " -> " + c.statusAfter();
    }

    private static ObjectNode json(DiffReport d) {
        ObjectNode root = JsonTrees.object();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("kind", "diff");
        root.set("before", side(d.before()));
        root.set("after", side(d.after()));
        ObjectNode summary = root.putObject("summary");
        summary.put("edgesAdded", d.added().size());
        summary.put("edgesRemoved", d.removed().size());
        summary.put("edgesChanged", d.changed().size());
        summary.put("reachGained", d.gained().size());
        summary.put("reachLost", d.lost().size());
        summary.put("newFindings", d.newFindings().size());
        summary.put("resolvedFindings", d.resolvedFindings().size());
        ObjectNode edges = root.putObject("edges");
        edges.set("added", changes(d.added()));
        edges.set("removed", changes(d.removed()));
        edges.set("changed", changes(d.changed()));
        ObjectNode findings = root.putObject("findings");
        ArrayNode added = findings.putArray("new");
        d.newFindings().forEach(f -> added.add(JsonTrees.finding(f, false)));
        ArrayNode resolved = findings.putArray("resolved");
        d.resolvedFindings().forEach(f -> resolved.add(JsonTrees.finding(f, false)));
        return root;
    }

    private static ObjectNode side(SnapshotInfo s) {
        ObjectNode n = JsonTrees.object();
        n.set("account", JsonTrees.account(s));
        n.set("snapshot", JsonTrees.snapshot(s));
        return n;
    }

    private static ArrayNode changes(List<DiffReport.Change> changes) {
        ArrayNode a = JsonTrees.MAPPER.createArrayNode();
        for (DiffReport.Change c : changes) {
            ObjectNode o = a.addObject();
            o.put("edge", c.edge());
            o.put("type", c.type().name());
            o.put("from", c.from());
            o.put("fromLabel", c.fromLabel());
            o.put("to", c.to());
            o.put("toLabel", c.toLabel());
            JsonTrees.put(o, "statusBefore", name(c.statusBefore()));
            JsonTrees.put(o, "statusAfter", name(c.statusAfter()));
            o.put("reach", c.reach().name());
            JsonTrees.put(o, "explanation", c.explanation());
        }
        return a;
    }

    private static String name(EdgeStatus s) {
        return s == null ? null : s.name();
    }

    private static String markdown(DiffReport d) {
        StringBuilder b = new StringBuilder();
        b.append("# Reach diff: account ").append(Markdown.text(d.after().accountDisplay())).append("\n\n");
        b.append("- Old: ").append(Markdown.code(d.before().name())).append(d.before().finishedAt() == null ? ""
                : " (scanned " + d.before().finishedAt() + ")").append('\n');
        b.append("- New: ").append(Markdown.code(d.after().name())).append(d.after().finishedAt() == null ? ""
                : " (scanned " + d.after().finishedAt() + ")").append("\n\n");
        if (d.isEmpty()) {
            b.append("No change in reach or findings.\n");
            return b.toString();
        }
        b.append(Markdown.text(summary(d))).append(".\n\n");
        mdChanges(b, "Reach gained", d.gained());
        mdChanges(b, "Reach lost", d.lost());
        mdChanges(b, "Other edge changes", d.other());
        mdFindings(b, "New findings", d.newFindings());
        mdFindings(b, "Resolved findings", d.resolvedFindings());
        return b.toString();
    }

    private static void mdChanges(StringBuilder b, String title, List<DiffReport.Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        b.append("## ").append(title).append(" (").append(changes.size()).append(")\n\n");
        b.append("| Status | From | Link | To | Why |\n| --- | --- | --- | --- | --- |\n");
        for (DiffReport.Change c : changes) {
            b.append("| ").append(transition(c)).append(" | ").append(Markdown.text(c.fromLabel())).append(" | ")
                    .append(c.type().verb()).append(" | ").append(Markdown.text(c.toLabel())).append(" | ")
                    .append(Markdown.text(c.explanation())).append(" |\n");
        }
        b.append('\n');
    }

    private static void mdFindings(StringBuilder b, String title, List<ReportFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        b.append("## ").append(title).append(" (").append(findings.size()).append(")\n\n");
        b.append("| Severity | Rule | Resource | Message |\n| --- | --- | --- | --- |\n");
        for (ReportFinding f : findings) {
            b.append("| ").append(f.severity()).append(" | ").append(Markdown.code(f.rule())).append(" | ")
                    .append(Markdown.code(f.resource())).append(" | ").append(Markdown.text(f.message())).append(" |\n");
        }
        b.append('\n');
    }
}
