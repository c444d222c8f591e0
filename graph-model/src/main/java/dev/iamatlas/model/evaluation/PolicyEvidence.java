package dev.iamatlas.model.evaluation;

import java.util.List;

/**
 * What one policy contributed: the statements whose action, resource and principal applied (the
 * others are left out), with their conditions.
 *
 * @param label      the policy's label
 * @param type       the role the policy played
 * @param level      organization level for SCPs and RCPs (0 = root), else -1
 * @param statements the applicable statements, in document order
 */
public record PolicyEvidence(String label, PolicyType type, int level, List<StatementEvidence> statements) {
}
