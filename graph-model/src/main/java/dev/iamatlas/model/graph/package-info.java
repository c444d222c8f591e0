/**
 * The access graph: who can reach what. Vertices are keyed by ARN (or a stable synthetic id for callers such as
 * the Internet); edges are identity objects that carry a type, a status and the evidence that decided them.
 */
package dev.iamatlas.model.graph;
