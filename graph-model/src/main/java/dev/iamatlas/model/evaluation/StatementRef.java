package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.Effect;

/**
 * Points at one statement of one policy in an evaluation, e.g. to highlight the deciding statement.
 *
 * @param policyLabel the policy's {@link NamedPolicy#label()}
 * @param policyType  the role the policy played
 * @param level       organization level for SCPs and RCPs (0 = root), else -1
 * @param index       the statement's index in the policy (0-based)
 * @param sid         the statement's Sid, or null
 * @param effect      the statement's effect
 */
public record StatementRef(String policyLabel, PolicyType policyType, int level, int index, String sid, Effect effect) {
}
