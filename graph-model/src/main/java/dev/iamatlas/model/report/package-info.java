/**
 * Analysis reports: one {@link dev.iamatlas.model.report.AnalysisReport} (account, snapshot metadata and gaps,
 * findings with their paths, evidence and fixes, reach summary, counts) built once from an analysis session, and
 * the writers that render it as text, JSON, Markdown, HTML, SARIF or CSV. Also the text and JSON renderings of graph
 * queries and of snapshot diffs. The desktop app's "export report" and the CLI's {@code analyze}, {@code query} and
 * {@code diff} call these same classes. Field names of the JSON forms are documented in {@code docs/reports.md}.
 */
package dev.iamatlas.model.report;
