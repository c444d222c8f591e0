/**
 * Findings: problems found in the access graph, each with a stable rule id from the
 * {@link dev.iamatlas.model.findings.RuleCatalogue}, a {@link dev.iamatlas.model.findings.Severity}, the path of
 * edges that shows it and a concrete {@link dev.iamatlas.model.findings.Fix} (the exact {@code aws} command or
 * policy change). One detector per rule id; a reach summary of what the Internet can reach.
 */
package dev.iamatlas.model.findings;
