package dev.iamatlas.model.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity side of one IAM principal of the account (a role or a user): its identity-based policies (inline,
 * attached managed policies' default versions, and for a user its groups' policies), its permissions boundary, the
 * SCPs that apply to it, the context the snapshot knows about it (its tags, its organization), what could not be
 * known, and which snapshot entities all that was read from.
 *
 * @param arn the principal's ARN
 * @param user true for an IAM user, false for a role
 * @param policies identity-based policies
 * @param boundary the permissions boundary, or null
 * @param scps SCP levels that apply (empty when none)
 * @param context known context keys ({@code aws:PrincipalTag/team}, {@code aws:PrincipalOrgID})
 * @param uncertainties what could not be known (a managed policy missing from the snapshot, a scan gap)
 * @param notes notes for evidence that do not change a decision (the organization could not be read)
 * @param reads the snapshot entities read
 * @param cacheKey equal for two principals whose effective permissions are necessarily equal
 */
public record Identity(
        String arn,
        boolean user,
        List<PolicySource> policies,
        PolicySource boundary,
        List<List<PolicySource>> scps,
        Map<String, List<String>> context,
        List<String> uncertainties,
        List<String> notes,
        Set<EntityKey> reads,
        String cacheKey) {

    /** Whether some identity policy has an Allow statement whose action matches (a cheap necessary condition). */
    public boolean mayAllow(String action) {
        String lower = Check.lowerCase(action);
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).parsed().mayAllowLowerCase(lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether some identity policy has an Allow statement whose action matches and whose Resource could match
     * {@code resource} (a pattern that matches it, one with policy variables, or a NotResource): a cheap necessary
     * condition for the identity side to allow the request.
     */
    public boolean mayAllowOn(String action, String resource) {
        String lower = action.toLowerCase(java.util.Locale.ROOT);
        for (PolicySource p : policies) {
            if (p.parsed().mayAllowOnLowerCase(lower, resource)) {
                return true;
            }
        }
        return false;
    }

    /** Sets the principal, its policies, boundary, SCPs, known context and uncertainties on a request. */
    public Check.Builder applyTo(Check.Builder request) {
        request.principal(arn).identity(policies).boundary(boundary).scps(scps).uncertainties(uncertainties).notes(notes);
        context.forEach(request::context);
        return request;
    }
}
