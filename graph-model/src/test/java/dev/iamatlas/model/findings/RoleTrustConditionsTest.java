package dev.iamatlas.model.findings;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamRole;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code ROLE_TRUST_TOO_BROAD} judges a trust by what the policy evaluator lets an outsider do, not by which condition
 * keys the text mentions.
 *
 * <ul>
 *   <li>An {@code ...IfExists} operator holds when the key is absent, so a caller that omits the external id passes
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists">...IfExists
 *       condition operators</a>); {@code StringLike "*"} admits any value.</li>
 *   <li>The external id, and what it protects against:
 *       <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html">Access to
 *       AWS accounts owned by third parties</a>,
 *       <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html">The confused deputy problem</a>.</li>
 *   <li>GitHub Actions: the {@code sub} condition is what ties the role to a repository; the audience is chosen by
 *       the workflow
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub">Create
 *       a role for OIDC federation: GitHub</a>,
 *       <a href="https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services">GitHub:
 *       configuring OpenID Connect in AWS</a>).</li>
 *   <li>A Deny is evaluated with the Allow it limits
 *       (<a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html">explicit
 *       deny</a>).</li>
 * </ul>
 */
class RoleTrustConditionsTest {
    private static final String OTHER_ROOT = "arn:aws:iam::" + OTHER_ACCOUNT + ":root";
    private static final String GITHUB = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";

    private static List<Finding> findings(String... statements) {
        AccountSnapshot s = account().role(IamRole.builder(roleArn("shared"), "shared").trustPolicy(policy(statements))
                .build()).build();
        try (AnalysisSession session = AnalysisSession.open(s, 1)) {
            return session.findings().stream().filter(f -> f.ruleId().equals(RuleCatalogue.ROLE_TRUST_TOO_BROAD))
                    .collect(Collectors.toList());
        }
    }

    private static String assume(String principal, String condition) {
        return "{'Effect':'Allow','Principal':" + principal + ",'Action':'sts:AssumeRole'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    private static String gitHub(String condition) {
        return "{'Effect':'Allow','Principal':{'Federated':'" + GITHUB + "'},'Action':'sts:AssumeRoleWithWebIdentity',"
                + "'Condition':" + condition + "}";
    }

    // 1. An external id under ...IfExists: the caller omits it.

    @Test
    void externalIdIfExistsOnAnotherAccountIsHigh() {
        List<Finding> found = findings(assume("{'AWS':'" + OTHER_ROOT + "'}",
                "{'StringEqualsIfExists':{'sts:ExternalId':'abc'}}"));

        assertThat(found).extracting(Finding::severity).containsExactly(Severity.HIGH);
        assertThat(found.get(0).principal()).isEqualTo(OTHER_ACCOUNT);
    }

    @Test
    void externalIdIfExistsOnEveryoneIsCritical() {
        assertThat(findings(assume("{'AWS':'*'}", "{'StringEqualsIfExists':{'sts:ExternalId':'abc'}}")))
                .extracting(Finding::severity).containsExactly(Severity.CRITICAL);
    }

    @Test
    void externalIdWithAConcreteValueStaysHealthy() {
        assertThat(findings(assume("{'AWS':'" + OTHER_ROOT + "'}", "{'StringEquals':{'sts:ExternalId':'abc'}}"))).isEmpty();
        assertThat(findings(assume("{'AWS':'*'}", "{'StringEquals':{'sts:ExternalId':'abc'}}"))).isEmpty();
    }

    // 2. An external id that any value matches.

    @Test
    void externalIdLikeAnythingIsHigh() {
        assertThat(findings(assume("{'AWS':'" + OTHER_ROOT + "'}", "{'StringLike':{'sts:ExternalId':'*'}}")))
                .extracting(Finding::severity).containsExactly(Severity.HIGH);
    }

    @Test
    void externalIdLikeAConcretePrefixStaysHealthy() {
        assertThat(findings(assume("{'AWS':'" + OTHER_ROOT + "'}", "{'StringLike':{'sts:ExternalId':'abc-*'}}"))).isEmpty();
    }

    // 3. GitHub Actions with an audience and no subject.

    @Test
    void gitHubWithOnlyTheAudienceIsHigh() {
        List<Finding> found = findings(gitHub("{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'}}"));

        assertThat(found).extracting(Finding::severity).containsExactly(Severity.HIGH);
        assertThat(found.get(0).principal()).isEqualTo(GITHUB);
        assertThat(found.get(0).fix().policyChange()).contains("token.actions.githubusercontent.com:sub");
    }

    @Test
    void gitHubWithASubjectThatAnyRepositoryMatchesIsHigh() {
        assertThat(findings(gitHub("{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                + "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:*'}}")))
                .extracting(Finding::severity).containsExactly(Severity.HIGH);
    }

    @Test
    void gitHubWithTheRepositoryAsSubjectStaysHealthy() {
        assertThat(findings(gitHub("{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                + "'StringLike':{'token.actions.githubusercontent.com:sub':'repo:org/app:ref:refs/heads/main'}}"))).isEmpty();
        assertThat(findings(gitHub("{'StringLike':{'token.actions.githubusercontent.com:sub':'repo:org/app:*'}}"))).isEmpty();
    }

    @Test
    void otherProvidersAudienceStillLimits() {
        String eks = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC";
        assertThat(findings("{'Effect':'Allow','Principal':{'Federated':'" + eks + "'},'Action':'sts:AssumeRoleWithWebIdentity',"
                + "'Condition':{'StringEquals':{'oidc.eks.us-east-1.amazonaws.com/id/ABC:aud':'sts.amazonaws.com'}}}")).isEmpty();
    }

    // 4. "*" limited to another account by aws:PrincipalAccount or aws:SourceAccount.

    @Test
    void everyoneLimitedToAnotherAccountIsHighLikeThatAccountsRoot() {
        for (String key : List.of("aws:PrincipalAccount", "aws:SourceAccount")) {
            List<Finding> found = findings(assume("{'AWS':'*'}", "{'StringEquals':{'" + key + "':'" + OTHER_ACCOUNT + "'}}"));

            assertThat(found).as(key).extracting(Finding::severity).containsExactly(Severity.HIGH);
            assertThat(found.get(0).principal()).as(key).isEqualTo(OTHER_ACCOUNT);
            assertThat(found.get(0).fix().policyChange()).as(key).contains("sts:ExternalId");
        }
    }

    @Test
    void everyoneLimitedToAnotherAccountWithAnExternalIdStaysHealthy() {
        assertThat(findings(assume("{'AWS':'*'}", "{'StringEquals':{'aws:PrincipalAccount':'" + OTHER_ACCOUNT + "',"
                + "'sts:ExternalId':'abc'}}"))).isEmpty();
    }

    @Test
    void everyoneLimitedToTheOwnAccountStaysHealthy() {
        assertThat(findings(assume("{'AWS':'*'}", "{'StringEquals':{'aws:PrincipalAccount':'" + ACCOUNT + "'}}"))).isEmpty();
    }

    // 5. An Allow for "*" limited to the organization by a Deny.

    @Test
    void everyoneLimitedToTheOrganizationByADenyStaysHealthy() {
        assertThat(findings(assume("{'AWS':'*'}", null),
                "{'Effect':'Deny','Principal':{'AWS':'*'},'Action':'sts:AssumeRole',"
                        + "'Condition':{'StringNotEquals':{'aws:PrincipalOrgID':'o-abc123'}}}")).isEmpty();
    }

    @Test
    void aDenyThatKeepsOnlyOneOtherOrganizationOutDoesNotLimit() {
        assertThat(findings(assume("{'AWS':'*'}", null),
                "{'Effect':'Deny','Principal':{'AWS':'*'},'Action':'sts:AssumeRole',"
                        + "'Condition':{'StringEquals':{'aws:PrincipalOrgID':'o-bad'}}}"))
                .extracting(Finding::severity).containsExactly(Severity.CRITICAL);
    }

    // Cases that stay as they were.

    @Test
    void anotherAccountsRootOrIdIsHigh() {
        assertThat(findings(assume("{'AWS':'" + OTHER_ROOT + "'}", null))).extracting(Finding::severity)
                .containsExactly(Severity.HIGH);
        assertThat(findings(assume("{'AWS':'" + OTHER_ACCOUNT + "'}", null))).extracting(Finding::severity)
                .containsExactly(Severity.HIGH);
    }

    @Test
    void everyoneIsCriticalInEitherSpelling() {
        assertThat(findings(assume("'*'", null))).extracting(Finding::severity).containsExactly(Severity.CRITICAL);
        assertThat(findings(assume("{'AWS':['*']}", null))).extracting(Finding::severity).containsExactly(Severity.CRITICAL);
    }

    @Test
    void organizationOwnAccountAndNamedRolesStayHealthy() {
        assertThat(findings(assume("{'AWS':'*'}", "{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'}}"))).isEmpty();
        assertThat(findings(assume("{'AWS':'" + OTHER_ROOT + "'}", "{'StringEquals':{'aws:PrincipalOrgID':'o-abc123'}}")))
                .isEmpty();
        assertThat(findings(assume("{'AWS':'arn:aws:iam::" + ACCOUNT + ":root'}", null))).isEmpty();
        assertThat(findings(assume("{'AWS':'arn:aws:iam::" + OTHER_ACCOUNT + ":role/deployer'}", null))).isEmpty();
    }

    @Test
    void samlAndServiceLinkedRolesStayHealthy() {
        assertThat(findings("{'Effect':'Allow','Principal':{'Federated':'arn:aws:iam::" + ACCOUNT + ":saml-provider/okta'},"
                + "'Action':'sts:AssumeRoleWithSAML','Condition':{'StringEquals':{'SAML:aud':"
                + "'https://signin.aws.amazon.com/saml'}}}")).isEmpty();
        AccountSnapshot slr = account().role(IamRole.builder("arn:aws:iam::" + ACCOUNT
                + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
                "AWSServiceRoleForElasticLoadBalancing").path("/aws-service-role/elasticloadbalancing.amazonaws.com/").trustPolicy(trusts("elasticloadbalancing.amazonaws.com")).build())
                .build();
        try (AnalysisSession session = AnalysisSession.open(slr, 1)) {
            assertThat(session.findings()).noneMatch(f -> f.ruleId().equals(RuleCatalogue.ROLE_TRUST_TOO_BROAD));
        }
    }
}
