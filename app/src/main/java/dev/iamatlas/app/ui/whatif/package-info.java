/**
 * What-if editing: the edits the inspector offers for a node or an edge (Lambda permissions, resource, trust,
 * inline and managed policies, route authorization), asked for through dialogs and applied as undoable commands of
 * the analysis session.
 */
package dev.iamatlas.app.ui.whatif;
