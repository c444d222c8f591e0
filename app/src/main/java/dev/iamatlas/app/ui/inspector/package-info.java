/**
 * The inspector: for a node, its properties and every policy that touches it; for an edge, the evaluated request,
 * the deciding statements marked in the pretty-printed policies, and each condition's value and result.
 */
package dev.iamatlas.app.ui.inspector;
