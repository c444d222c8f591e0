package dev.iamatlas.model.evaluation;

import dev.iamatlas.model.policy.Effect;
import java.util.List;

/**
 * One statement whose action, resource and principal applied to the request, and whether its
 * conditions held.
 *
 * @param index          the statement's index (0-based)
 * @param sid            its Sid, or null
 * @param effect         its effect
 * @param principalMatch how its Principal/NotPrincipal named the caller; null for policies without principals
 * @param matched        TRUE when it applies, FALSE when a condition failed, UNKNOWN when it depends on unknown keys
 * @param conditions     each condition's evaluation
 */
public record StatementEvidence(int index, String sid, Effect effect, PrincipalMatch principalMatch, TriState matched,
        List<ConditionEvidence> conditions) {
}
