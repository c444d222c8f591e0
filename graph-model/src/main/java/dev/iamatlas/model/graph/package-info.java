/**
 * The access graph: who can reach what. {@link dev.iamatlas.model.graph.AccessGraph} wraps a JGraphT multigraph
 * whose vertices are {@link dev.iamatlas.model.graph.Node}s keyed by ARN or by a stable synthetic id
 * ({@link dev.iamatlas.model.graph.NodeIds}) and whose edges are {@link dev.iamatlas.model.graph.AccessEdge}s that
 * each carry a type, a status (ALLOWED, DENIED, CONDITIONAL) and the {@link dev.iamatlas.model.graph.EdgeEvidence
 * evidence} that decided them: the exact requests evaluated, the policies and statements involved, and notes.
 */
package dev.iamatlas.model.graph;
