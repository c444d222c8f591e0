/**
 * Graph queries, pure services returning result records that the CLI (text, JSON) and the GUI render:
 * {@link dev.iamatlas.model.query.WhoCanInvoke} (every caller and path that reaches a function),
 * {@link dev.iamatlas.model.query.CanReach} (a principal's blast radius, followed transitively) and
 * {@link dev.iamatlas.model.query.Paths} (all simple paths between two nodes, bounded).
 */
package dev.iamatlas.model.query;
