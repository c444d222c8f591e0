package dev.iamatlas.model.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.rules.SnapshotIndex;
import dev.iamatlas.model.snapshot.IamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ROLE_TRUST_TOO_BROAD}: a role's trust policy lets {@code "*"} (CRITICAL), or a whole other account (HIGH),
 * assume it with no {@code sts:ExternalId} or equivalent condition ({@code aws:PrincipalOrgID},
 * {@code aws:PrincipalOrgPaths}, {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code aws:SourceArn},
 * {@code aws:SourceAccount}, {@code aws:SourceOrgID}); or lets a web identity provider's tokens assume it with no
 * condition on the token's audience or subject (HIGH). The fix is the corrected trust policy.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html">Access to AWS accounts owned by third parties (external id)</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html">The confused deputy problem</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html">Create a role for OIDC federation</a>
 */
public final class RoleTrustTooBroad extends BaseDetector {
    static final Set<String> LIMITING = Set.of("sts:externalid", "aws:principalorgid", "aws:principalorgpaths",
            "aws:principalarn", "aws:principalaccount", "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid",
            "aws:sourceorgpaths", "aws:sourceidentity", "aws:userid");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String ruleId() {
        return RuleCatalogue.ROLE_TRUST_TOO_BROAD;
    }

    @Override
    public java.util.Set<dev.iamatlas.model.rules.EntityKey.Kind> subjectKinds() {
        return dev.iamatlas.model.rules.EntityKey.ROLE_LIST;
    }

    @Override
    public List<String> subjects(SnapshotIndex index) {
        return roles(index);
    }

    @Override
    public void detect(String subject, FindingContext ctx) {
        IamRole role = ctx.role(subject);
        if (role == null || role.trustPolicy() == null) {
            return;
        }
        ParsedPolicy trust = ctx.parse(role.trustPolicy());
        if (!trust.valid()) {
            return;
        }
        for (Statement s : trust.document().statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null) {
                continue;
            }
            boolean assume = ParsedPolicy.mayAllowAction(s, "sts:assumerole");
            if (assume && s.principal().isEveryone() && !limited(s)) {
                report(ctx, role, s, NodeIds.ANY_AWS_PRINCIPAL, "*", Severity.CRITICAL,
                        "any principal of any AWS account whose own policies allow sts:AssumeRole");
            }
            if (assume) {
                for (AwsPrincipal p : s.principal().aws()) {
                    if (p.kind() == AwsPrincipal.Kind.ACCOUNT && !ctx.account().equals(p.account()) && !limited(s)) {
                        report(ctx, role, s, NodeIds.accountRoot(ctx.partition(), p.account()), p.account(), Severity.HIGH,
                                "every principal of account " + p.account() + " whose own policies allow sts:AssumeRole");
                    }
                }
            }
            if (ParsedPolicy.mayAllowAction(s, "sts:assumerolewithwebidentity")) {
                for (String provider : s.principal().federated()) {
                    if (!provider.contains(":saml-provider/") && !tokenLimited(s)) {
                        report(ctx, role, s, provider, provider, Severity.HIGH,
                                "anyone holding a token from " + provider + " (no condition on its audience or subject)");
                    }
                }
            }
        }
    }

    private static boolean limited(Statement s) {
        for (Condition c : s.conditions()) {
            if (LIMITING.contains(c.lowerCaseKey())) {
                return true;
            }
        }
        return false;
    }

    private static boolean tokenLimited(Statement s) {
        for (Condition c : s.conditions()) {
            String k = c.lowerCaseKey();
            if (k.endsWith(":sub") || k.endsWith(":aud") || k.endsWith(":amr") || k.endsWith(":oaud")) {
                return true;
            }
        }
        return false;
    }

    private void report(FindingContext ctx, IamRole role, Statement s, String callerId, String principal,
            Severity severity, String who) {
        List<AccessEdge> path = new ArrayList<>();
        for (AccessEdge e : ctx.incoming(role.arn())) {
            if (e.type() == EdgeType.CAN_ASSUME && e.sourceId().equals(callerId)) {
                path.add(e);
            }
        }
        String sid = LambdaPolicies.sid(s);
        String message = "Role " + role.name() + " trusts " + who + " (statement " + sid + "), with no sts:ExternalId"
                + " or equivalent condition.";
        String corrected = corrected(role, s, principal, ctx.account());
        ctx.report(finding(sid + " " + principal, severity, message, role.arn(), principal, path, List.of(s.json()),
                new Fix("Name the exact principal and add a condition that ties the trust to it ("
                        + (principal.startsWith("arn:") || principal.contains(".") ? "the token's aud and sub"
                                : principal.equals("*") ? "aws:PrincipalOrgID" : "sts:ExternalId") + ")",
                        List.of("aws iam update-assume-role-policy --role-name " + Fixes.q(role.name())
                                + " --policy-document file://" + role.name() + "-trust-policy.json"),
                        corrected, RuleCatalogue.require(ruleId()).documentation())));
    }

    /** The trust policy with a limiting condition added to the statement. */
    private static String corrected(IamRole role, Statement s, String principal, String account) {
        try {
            JsonNode doc = role.trustPolicy().tree();
            JsonNode statements = doc.get("Statement");
            JsonNode st = statements.isArray() ? statements.get(s.index()) : statements;
            if (!(st instanceof ObjectNode)) {
                return null;
            }
            ObjectNode statement = (ObjectNode) st;
            ObjectNode condition = statement.has("Condition") && statement.get("Condition") instanceof ObjectNode
                    ? (ObjectNode) statement.get("Condition") : statement.putObject("Condition");
            ObjectNode equals = condition.has("StringEquals") && condition.get("StringEquals") instanceof ObjectNode
                    ? (ObjectNode) condition.get("StringEquals") : condition.putObject("StringEquals");
            if (principal.equals("*")) {
                equals.put("aws:PrincipalOrgID", "o-REPLACE-WITH-YOUR-ORGANIZATION-ID");
            } else if (principal.startsWith("arn:") || principal.contains(".")) {
                String provider = principal.contains(":oidc-provider/")
                        ? principal.substring(principal.indexOf(":oidc-provider/") + 15) : principal;
                equals.put(provider + ":aud", "REPLACE-WITH-THE-EXPECTED-AUDIENCE");
                ObjectNode like = condition.has("StringLike") && condition.get("StringLike") instanceof ObjectNode
                        ? (ObjectNode) condition.get("StringLike") : condition.putObject("StringLike");
                like.put(provider + ":sub", "REPLACE-WITH-THE-EXPECTED-SUBJECT");
            } else {
                equals.put("sts:ExternalId", "REPLACE-WITH-THE-EXTERNAL-ID-AGREED-WITH-" + principal.toUpperCase(Locale.ROOT));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            // The document has a shape no corrected version can be made from (the statement is not an object):
            // the fix then says what to change in words only.
            return null;
        }
    }
}
