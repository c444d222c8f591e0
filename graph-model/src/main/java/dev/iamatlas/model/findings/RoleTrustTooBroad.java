package dev.iamatlas.model.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamatlas.model.evaluation.Decision;
import dev.iamatlas.model.evaluation.EvaluationRequest;
import dev.iamatlas.model.evaluation.NamedPolicy;
import dev.iamatlas.model.evaluation.Outcome;
import dev.iamatlas.model.evaluation.RequestPrincipal;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.policy.AwsPrincipal;
import dev.iamatlas.model.policy.Condition;
import dev.iamatlas.model.policy.Effect;
import dev.iamatlas.model.policy.PolicyDocument;
import dev.iamatlas.model.policy.PolicyParser;
import dev.iamatlas.model.policy.Statement;
import dev.iamatlas.model.rules.Check;
import dev.iamatlas.model.rules.ParsedPolicy;
import dev.iamatlas.model.rules.SnapshotIndex;
import dev.iamatlas.model.snapshot.IamRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ROLE_TRUST_TOO_BROAD}: a role's trust policy lets {@code "*"} (CRITICAL), or a whole other account (HIGH),
 * assume it with no {@code sts:ExternalId} or equivalent condition that a caller must meet; or lets a web identity
 * provider's tokens assume it whatever their subject (HIGH). The fix is the corrected trust policy.
 *
 * <p>Whether a statement is too broad is asked of the policy evaluator, not read from the condition text: the
 * statement, together with the trust policy's Deny statements, is evaluated for an outsider who knows nothing the
 * trust could check, and the finding fires when the evaluator says such a caller may be allowed. The outsider
 * <ul>
 *   <li>for {@code "*"}: any role of an account the policy does not name, once sending no {@code sts:ExternalId}
 *       and no organization, once an arbitrary external id and another organization; and any AWS service acting
 *       for a resource of that account ({@code aws:SourceAccount}, {@code aws:SourceArn} of that account). When
 *       such an outsider is refused, the same is asked for every other account the statement's
 *       {@code aws:PrincipalAccount}, {@code aws:SourceAccount}, {@code aws:PrincipalArn} or {@code aws:SourceArn}
 *       conditions name: {@code "*"} limited to another account is that whole account (HIGH);</li>
 *   <li>for another account's root or id: any role of that account, with the same two variants;</li>
 *   <li>for a web identity provider: a token of that provider with an arbitrary subject and other claims (for
 *       GitHub Actions, the subject of another repository and an audience of the caller's choosing, since a workflow
 *       picks the audience of its token); Cognito's {@code amr} is the caller's choice too. SAML providers are left
 *       alone.</li>
 * </ul>
 * Keys the outsider does not control are given exactly (or known to be absent): {@code sts:ExternalId},
 * {@code aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths}, {@code aws:PrincipalAccount}, {@code aws:PrincipalArn},
 * {@code aws:userid}, {@code aws:SourceIdentity} and the {@code aws:Source*} keys; every other key a condition uses
 * is unknown, and a statement the outsider passes for some value of them is reported, as before. So an
 * {@code ...IfExists} external id (true when the caller omits it), {@code StringLike} {@code "*"}, or an Allow
 * whose PrincipalOrgID limit is written as a Deny, are judged by what AWS would decide.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html">Access to AWS accounts owned by third parties (external id)</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html">The confused deputy problem</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists">...IfExists condition operators</a>
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html">Create a role for OIDC federation</a>
 * @see <a href="https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services">GitHub: configuring OpenID Connect in AWS</a>
 */
public final class RoleTrustTooBroad extends BaseDetector {
    /** Keys an outsider cannot choose: given a value, or known to be absent, in every request this rule asks. */
    static final Set<String> LIMITING = Set.of("sts:externalid", "aws:principalorgid", "aws:principalorgpaths",
            "aws:principalarn", "aws:principalaccount", "aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid",
            "aws:sourceorgpaths", "aws:sourceidentity", "aws:userid", "aws:principaltype", "aws:principalisawsservice",
            "aws:principalservicename", "aws:username");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTSIDER_ROLE = "iam-atlas-outsider";
    private static final NamedPolicy MAY_ASSUME = new NamedPolicy("the outsider's own policy (allows sts:AssumeRole)",
            PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
    /** OIDC issuers whose tokens carry an audience the workflow chooses: only the subject ties them to someone. */
    private static final List<String> CALLER_CHOSEN_AUDIENCE = List.of("token.actions.githubusercontent.com");

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
        PolicyDocument document = trust.document();
        for (Statement s : document.statements()) {
            if (s.effect() != Effect.ALLOW || s.principal() == null) {
                continue;
            }
            Set<String> reported = new HashSet<>();
            NamedPolicy alone = null;
            boolean assume = ParsedPolicy.mayAllowAction(s, "sts:assumerole");
            if (assume && s.principal().isEveryone()) {
                alone = withDenies(document, s);
                String outsider = outsiderAccount(ctx.account(), trust);
                if (admitsAccount(alone, role.arn(), ctx.partition(), outsider, true, trust.keys())) {
                    reported.add("*");
                    report(ctx, role, s, NodeIds.ANY_AWS_PRINCIPAL, "*", Severity.CRITICAL,
                            "any principal of any AWS account whose own policies allow sts:AssumeRole");
                } else {
                    for (String account : namedAccounts(s)) {
                        if (!account.equals(ctx.account())
                                && admitsAccount(alone, role.arn(), ctx.partition(), account, true, trust.keys())) {
                            reported.add(account);
                            report(ctx, role, s, NodeIds.ANY_AWS_PRINCIPAL, account, Severity.HIGH,
                                    "every principal of account " + account + " whose own policies allow sts:AssumeRole"
                                            + " (\"*\" limited to that account by a condition)");
                        }
                    }
                }
            }
            if (assume) {
                for (AwsPrincipal p : s.principal().aws()) {
                    if (p.kind() != AwsPrincipal.Kind.ACCOUNT || ctx.account().equals(p.account()) || reported.contains(p.account())) {
                        continue;
                    }
                    alone = alone != null ? alone : withDenies(document, s);
                    if (admitsAccount(alone, role.arn(), ctx.partition(), p.account(), false, trust.keys())) {
                        reported.add(p.account());
                        report(ctx, role, s, NodeIds.accountRoot(ctx.partition(), p.account()), p.account(), Severity.HIGH,
                                "every principal of account " + p.account() + " whose own policies allow sts:AssumeRole");
                    }
                }
            }
            if (ParsedPolicy.mayAllowAction(s, "sts:assumerolewithwebidentity")) {
                for (String provider : s.principal().federated()) {
                    if (provider.contains(":saml-provider/")) {
                        continue;
                    }
                    alone = alone != null ? alone : withDenies(document, s);
                    if (admitsTokenHolder(alone, role.arn(), provider, trust.keys())) {
                        report(ctx, role, s, provider, provider, Severity.HIGH,
                                "anyone holding a token from " + provider + " (whatever its subject)");
                    }
                }
            }
        }
    }

    /** The statement as a policy of its own, with the trust policy's Deny statements (which can limit it). */
    private static NamedPolicy withDenies(PolicyDocument document, Statement s) {
        List<Statement> statements = new ArrayList<>();
        statements.add(s);
        for (Statement other : document.statements()) {
            if (other.effect() == Effect.DENY) {
                statements.add(other);
            }
        }
        return new NamedPolicy("trust policy statement " + LambdaPolicies.sid(s), new PolicyDocument(document.version(),
                document.id(), statements, document.sourceText(), document.statementArray()));
    }

    /** An account id that is not the analysed account and appears nowhere in the trust policy. */
    private static String outsiderAccount(String own, ParsedPolicy trust) {
        String text = trust.document().sourceText() == null ? "" : trust.document().sourceText();
        for (long n = 999_988_887_777L; ; n -= 1_111_111_111L) {
            String candidate = Long.toString(n);
            if (!candidate.equals(own) && !text.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** Other accounts a statement's conditions name: account keys' values, and the account of principal/source ARNs. */
    private static Set<String> namedAccounts(Statement s) {
        Set<String> out = new TreeSet<>();
        for (Condition c : s.conditions()) {
            String k = c.lowerCaseKey();
            for (String v : c.values()) {
                if (k.equals("aws:principalaccount") || k.equals("aws:sourceaccount")) {
                    if (AwsPrincipal.isAccountId(v)) {
                        out.add(v);
                    }
                } else if (k.equals("aws:principalarn") || k.equals("aws:sourcearn")) {
                    String[] parts = v.split(":", 6);
                    if (parts.length == 6 && AwsPrincipal.isAccountId(parts[4])) {
                        out.add(parts[4]);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether some principal of {@code account} that knows nothing the trust could check may assume the role: a role
     * of the account that sends no external id and no organization, or an arbitrary external id and another
     * organization; with {@code service}, also an AWS service acting for a resource of the account.
     */
    private static boolean admitsAccount(NamedPolicy policy, String roleArn, String partition, String account,
            boolean service, Set<String> keys) {
        String caller = "arn:" + partition + ":iam::" + account + ":role/" + OUTSIDER_ROLE;
        Map<String, List<String>> omits = new HashMap<>();
        omits.put("aws:userid", List.of("AROAIAMATLASOUTSIDER:" + OUTSIDER_ROLE));
        if (allowed(policy, RequestPrincipal.parse(caller), "sts:AssumeRole", roleArn, omits, Set.of(), keys)) {
            return true;
        }
        Map<String, List<String>> guesses = new HashMap<>(omits);
        guesses.put("sts:externalid", List.of("iam-atlas-any-external-id"));
        guesses.put("aws:principalorgid", List.of("o-iamatlasother"));
        guesses.put("aws:principalorgpaths", List.of("o-iamatlasother/r-iamatlas/ou-iamatlas-other/"));
        guesses.put("aws:sourceidentity", List.of("iam-atlas-any-source-identity"));
        if (allowed(policy, RequestPrincipal.parse(caller), "sts:AssumeRole", roleArn, guesses, Set.of(), keys)) {
            return true;
        }
        if (!service) {
            return false;
        }
        Map<String, List<String>> forAccount = new HashMap<>();
        forAccount.put("aws:sourceaccount", List.of(account));
        forAccount.put("aws:sourcearn", List.of("arn:" + partition + ":iam-atlas-any-service:us-east-1:" + account
                + ":any-resource"));
        return allowed(policy, RequestPrincipal.parse("iam-atlas-any-service.amazonaws.com"), "sts:AssumeRole", roleArn,
                forAccount, Set.of(), keys);
    }

    /**
     * Whether a token of {@code provider} that belongs to someone else (another subject; for GitHub Actions another
     * repository) may assume the role. The provider's claims the trust checks get an outsider's values; the
     * audience of an issuer whose callers choose it, and Cognito's {@code amr}, are unknown (the caller's choice).
     */
    private static boolean admitsTokenHolder(NamedPolicy policy, String roleArn, String provider, Set<String> keys) {
        RequestPrincipal caller;
        try {
            caller = RequestPrincipal.parse(provider);
        } catch (IllegalArgumentException e) {
            return false; // not a provider the evaluator can name: nothing to ask
        }
        String issuer = (provider.contains(":oidc-provider/")
                ? provider.substring(provider.indexOf(":oidc-provider/") + ":oidc-provider/".length()) : provider)
                .toLowerCase(Locale.ROOT);
        boolean chosenAudience = false;
        for (String i : CALLER_CHOSEN_AUDIENCE) {
            chosenAudience |= issuer.equals(i) || issuer.startsWith(i + "/");
        }
        Map<String, List<String>> claims = new HashMap<>();
        Set<String> chosen = new HashSet<>();
        for (String key : keys) {
            if (!key.startsWith(issuer + ":")) {
                continue;
            }
            String claim = key.substring(issuer.length() + 1);
            if ((claim.equals("aud") && chosenAudience) || claim.equals("amr")) {
                chosen.add(key);
            } else if (claim.equals("sub")) {
                claims.put(key, List.of(chosenAudience ? "repo:" + OUTSIDER_ROLE + "/any-repository:ref:refs/heads/main"
                        : "iam-atlas-any-subject"));
            } else {
                claims.put(key, List.of(OUTSIDER_ROLE + "/any-" + claim));
            }
        }
        return allowed(policy, caller, "sts:AssumeRoleWithWebIdentity", roleArn, claims, chosen, keys);
    }

    /**
     * Asks the evaluator: {@code context} is what the caller sends, {@link #LIMITING} keys it does not send are
     * absent, {@code chosen} and every other key the trust uses are unknown; true when some value of them allows.
     */
    private static boolean allowed(NamedPolicy policy, RequestPrincipal caller, String action, String roleArn,
            Map<String, List<String>> context, Set<String> chosen, Set<String> keys) {
        EvaluationRequest.Builder r = EvaluationRequest.builder().principal(caller).action(action).resource(roleArn)
                .resourcePolicy(policy).missingKeysUnknown(false).deriveContextKeys(true);
        if (caller.isIamPrincipal()) {
            r.identityPolicy(MAY_ASSUME);
        }
        context.forEach(r::context);
        for (String key : keys) {
            if (!context.containsKey(key) && (chosen.contains(key) || !LIMITING.contains(key))) {
                r.unknownKey(key);
            }
        }
        Decision d = Check.EVALUATOR.evaluate(r.build());
        return d.mostPermissive() == Outcome.ALLOW;
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
        String message = "Role " + role.name() + " trusts " + who + " (statement " + sid + "), and no sts:ExternalId"
                + " or equivalent condition keeps such a caller out.";
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
