package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.B;
import static dev.iamatlas.model.evaluation.Eval.decide;
import static dev.iamatlas.model.evaluation.Eval.policy;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** AWS's policy evaluation logic, one documented behaviour per test. */
class EvaluationLogicTest {

    static final String USER = "arn:aws:iam::" + A + ":user/carlossalazar";
    static final String ROLE = "arn:aws:iam::" + A + ":role/app";
    static final String SESSION = "arn:aws:sts::" + A + ":assumed-role/app/session-1";
    static final String BUCKET_KEY = "arn:aws:s3:::amzn-s3-demo-bucket/key";
    static final String FUNCTION = "arn:aws:lambda:us-east-1:" + A + ":function:orders";

    static final NamedPolicy ALLOW_S3 = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*'}");
    static final NamedPolicy DENY_S3 = statements("{'Effect':'Deny','Action':'s3:*','Resource':'*'}");
    static final NamedPolicy ALLOW_ALL = statements("{'Effect':'Allow','Action':'*','Resource':'*'}");

    static NamedPolicy resourceAllowing(String principalJson) {
        return statements("{'Effect':'Allow','Principal':" + principalJson + ",'Action':'s3:*','Resource':'*'}");
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html */
    @Nested
    class DenyAndAllow {
        @Test
        void withoutAnyPolicyARequestIsImplicitlyDenied() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void anIdentityPolicyAllowAllowsWithinOneAccount() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anExplicitDenyOverridesAnAllowInAnotherPolicy() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).identityPolicy(DENY_S3)))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void anExplicitDenyInTheResourcePolicyOverridesAnIdentityAllow() {
            NamedPolicy bucket = statements("{'Effect':'Deny','Principal':{'AWS':'" + USER + "'},'Action':'s3:*','Resource':'*'}");
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).resourcePolicy(bucket)))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notActionAllowsEverythingButTheListedActions() {
            NamedPolicy p = statements("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}");
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(p))).isEqualTo(Outcome.ALLOW);
            assertThat(decide(request(USER, "iam:CreateUser", "*").identityPolicy(p))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void notResourceAllowsEverythingButTheListedResources() {
            NamedPolicy p = statements("{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::secret/*'}");
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(p))).isEqualTo(Outcome.ALLOW);
            assertThat(decide(request(USER, "s3:GetObject", "arn:aws:s3:::secret/x").identityPolicy(p))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void anIdentityAllowWithoutResourceCannotAllowButADenyWithoutResourceDenies() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(statements("{'Effect':'Allow','Action':'s3:*'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3)
                    .identityPolicy(statements("{'Effect':'Deny','Action':'s3:*'}")))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void actionNamesAreCaseInsensitive() {
            NamedPolicy p = statements("{'Effect':'Allow','Action':'S3:getobject','Resource':'*'}");
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).identityPolicy(p))).isEqualTo(Outcome.ALLOW);
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html */
    @Nested
    class SameAccountResourcePolicies {
        @Test
        void aResourcePolicyNamingTheUserAllowsWithoutAnIdentityPolicy() {
            assertThat(decide(request(USER, "s3:PutObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'" + USER + "'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aResourcePolicyNamingTheRoleAllowsItsSessions() {
            assertThat(decide(request(SESSION, "s3:PutObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'" + ROLE + "'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aRoleArnWithAPathMatchesSessionArnsWhichHaveNone() {
            String pathRole = "arn:aws:iam::" + A + ":role/service-role/app";
            assertThat(decide(request(SESSION, "s3:PutObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'" + pathRole + "'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aSessionArnMatchesOnlyThatSession() {
            String other = "arn:aws:sts::" + A + ":assumed-role/app/session-2";
            assertThat(decide(request(SESSION, "s3:PutObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'" + other + "'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-accounts */
        @Test
        void aResourcePolicyNamingTheAccountDelegatesAndDoesNotAllowByItself() {
            assertThat(decide(request(USER, "s3:PutObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'arn:aws:iam::" + A + ":root'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(request(USER, "s3:PutObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'" + A + "'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aResourcePolicyNamingTheAccountWithAnIdentityAllowAllows() {
            assertThat(decide(request(USER, "s3:PutObject", BUCKET_KEY).identityPolicy(ALLOW_S3)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + A + "'}")))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void principalStarAndAwsStarAreEquivalentAndMatchAnonymousCallers() {
            assertThat(decide(request("anonymous", "s3:GetObject", BUCKET_KEY).resourcePolicy(resourceAllowing("'*'")))).isEqualTo(Outcome.ALLOW);
            assertThat(decide(request("anonymous", "s3:GetObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'*'}")))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anonymousCallersIgnoreIdentityPolicies() {
            assertThat(decide(request("anonymous", "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void anUnrecognizedPrincipalSuchAsAUniqueIdMatchesNoOne() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'AROAEXAMPLEID12345'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aResourcePolicyAllowWithoutPrincipalGrantsNoOne() {
            NamedPolicy p = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*'}");
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).resourcePolicy(p))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        /** "IAM role trust policies and KMS key policies are exceptions to this logic" (denyallow page). */
        @Test
        void assumingARoleNeedsItsTrustPolicyEvenWithinOneAccount() {
            String target = "arn:aws:iam::" + A + ":role/target";
            NamedPolicy allowAssume = statements("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'" + target + "'}");
            assertThat(decide(request(SESSION, "sts:AssumeRole", target).identityPolicy(allowAssume))).isEqualTo(Outcome.IMPLICIT_DENY);
            NamedPolicy trustsAccount = statements("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + A + ":root'},'Action':'sts:AssumeRole'}");
            assertThat(decide(request(SESSION, "sts:AssumeRole", target).identityPolicy(allowAssume).resourcePolicy(trustsAccount)))
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decide(request(SESSION, "sts:AssumeRole", target).resourcePolicy(trustsAccount))).isEqualTo(Outcome.IMPLICIT_DENY);
            NamedPolicy trustsRole = statements("{'Effect':'Allow','Principal':{'AWS':'" + ROLE + "'},'Action':'sts:AssumeRole'}");
            assertThat(decide(request(SESSION, "sts:AssumeRole", target).resourcePolicy(trustsRole))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aServiceAssumesARoleThatTrustsIt() {
            NamedPolicy trust = statements("{'Effect':'Allow','Principal':{'Service':'lambda.amazonaws.com'},'Action':'sts:AssumeRole'}");
            assertThat(decide(request("lambda.amazonaws.com", "sts:AssumeRole", ROLE).resourcePolicy(trust))).isEqualTo(Outcome.ALLOW);
            assertThat(decide(request("apigateway.amazonaws.com", "sts:AssumeRole", ROLE).resourcePolicy(trust))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void theRootUserHasFullAccessInItsOwnAccount() {
            assertThat(decide(request("arn:aws:iam::" + A + ":root", "s3:GetObject", BUCKET_KEY))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theRootUserIsStillSubjectToExplicitDenies() {
            NamedPolicy bucket = statements("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*'}");
            assertThat(decide(request("arn:aws:iam::" + A + ":root", "s3:GetObject", BUCKET_KEY).resourcePolicy(bucket)))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html */
    @Nested
    class CrossAccount {
        final String otherRole = "arn:aws:iam::" + B + ":role/partner";
        final String otherSession = "arn:aws:sts::" + B + ":assumed-role/partner/s";

        @Test
        void anIdentityAllowAloneDoesNotReachAnotherAccount() {
            assertThat(decide(request(otherSession, "s3:GetObject", BUCKET_KEY).resourceAccount(A).identityPolicy(ALLOW_S3)))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aResourcePolicyAloneDoesNotSufficeAcrossAccounts() {
            assertThat(decide(request(otherSession, "s3:GetObject", BUCKET_KEY).resourceAccount(A)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + otherRole + "'}")))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void bothSidesAllowingAllows() {
            assertThat(decide(request(otherSession, "s3:GetObject", BUCKET_KEY).resourceAccount(A).identityPolicy(ALLOW_S3)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + otherRole + "'}")))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aResourcePolicyNamingTheCallersAccountSufficesForTheResourceSide() {
            assertThat(decide(request(otherSession, "s3:GetObject", BUCKET_KEY).resourceAccount(A).identityPolicy(ALLOW_S3)
                    .resourcePolicy(resourceAllowing("{'AWS':'arn:aws:iam::" + B + ":root'}")))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theResourceAccountIsTakenFromTheResourceArn() {
            assertThat(decide(request(otherSession, "lambda:InvokeFunction", FUNCTION).identityPolicy(ALLOW_ALL)))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void theBoundaryStillLimitsTheIdentitySideAcrossAccounts() {
            NamedPolicy boundary = statements("{'Effect':'Allow','Action':'ec2:*','Resource':'*'}");
            assertThat(decide(request(otherSession, "s3:GetObject", BUCKET_KEY).resourceAccount(A).identityPolicy(ALLOW_S3)
                    .permissionBoundary(boundary).resourcePolicy(resourceAllowing("{'AWS':'" + otherSession + "'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html */
    @Nested
    class PermissionsBoundaries {
        final NamedPolicy shirleyBoundary = statements("{'Effect':'Allow','Action':['s3:*','cloudwatch:*','ec2:*'],'Resource':'*'}");
        final String shirley = "arn:aws:iam::" + A + ":user/ShirleyRodriguez";

        @Test
        void theBoundaryCapsWhatIdentityPoliciesGrant() {
            NamedPolicy createUser = statements("{'Effect':'Allow','Action':'iam:CreateUser','Resource':'*'}");
            assertThat(decide(request(shirley, "iam:CreateUser", "*").identityPolicy(createUser).permissionBoundary(shirleyBoundary)))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void theBoundaryAloneGrantsNothing() {
            assertThat(decide(request(shirley, "s3:GetObject", BUCKET_KEY).permissionBoundary(shirleyBoundary))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void identityAndBoundaryBothAllowing() {
            assertThat(decide(request(shirley, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).permissionBoundary(shirleyBoundary)))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anExplicitDenyInTheBoundaryWins() {
            NamedPolicy boundary = statements("{'Effect':'Allow','Action':'*','Resource':'*'},{'Effect':'Deny','Action':'s3:*','Resource':'arn:aws:s3:::logs/*'}");
            assertThat(decide(request(shirley, "s3:GetObject", "arn:aws:s3:::logs/a").identityPolicy(ALLOW_S3).permissionBoundary(boundary)))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void aResourcePolicyNamingTheUserArnIsNotLimitedByTheBoundary() {
            assertThat(decide(request(shirley, "lambda:InvokeFunction", FUNCTION).permissionBoundary(shirleyBoundary)
                    .resourcePolicy(statements("{'Effect':'Allow','Principal':{'AWS':'" + shirley + "'},'Action':'lambda:*','Resource':'*'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aResourcePolicyNamingTheRoleArnIsLimitedByTheBoundary() {
            assertThat(decide(request(SESSION, "lambda:InvokeFunction", FUNCTION).permissionBoundary(shirleyBoundary)
                    .resourcePolicy(statements("{'Effect':'Allow','Principal':{'AWS':'" + ROLE + "'},'Action':'lambda:*','Resource':'*'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void aResourcePolicyNamingTheRoleArnWithinTheBoundaryAllowsWithoutIdentityPolicy() {
            NamedPolicy boundary = statements("{'Effect':'Allow','Action':'lambda:*','Resource':'*'}");
            assertThat(decide(request(SESSION, "lambda:InvokeFunction", FUNCTION).permissionBoundary(boundary)
                    .resourcePolicy(statements("{'Effect':'Allow','Principal':{'AWS':'" + ROLE + "'},'Action':'lambda:*','Resource':'*'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aResourcePolicyNamingTheSessionArnIsNotLimitedByTheBoundary() {
            assertThat(decide(request(SESSION, "lambda:InvokeFunction", FUNCTION).permissionBoundary(shirleyBoundary)
                    .resourcePolicy(statements("{'Effect':'Allow','Principal':{'AWS':'" + SESSION + "'},'Action':'lambda:*','Resource':'*'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aResourcePolicyNamingTheFederatedUserSessionIsNotLimitedByTheBoundary() {
            String federated = "arn:aws:sts::" + A + ":federated-user/bob";
            assertThat(decide(request(federated, "lambda:InvokeFunction", FUNCTION).permissionBoundary(shirleyBoundary)
                    .resourcePolicy(statements("{'Effect':'Allow','Principal':{'AWS':'" + federated + "'},'Action':'lambda:*','Resource':'*'}"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aPrincipalStarGrantToARoleSessionIsLimitedByTheBoundary() {
            assertThat(decide(request(SESSION, "lambda:InvokeFunction", FUNCTION).permissionBoundary(shirleyBoundary)
                    .resourcePolicy(statements("{'Effect':'Allow','Principal':'*','Action':'lambda:*','Resource':'*'}"))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session */
    @Nested
    class SessionPolicies {
        final NamedPolicy onlyEc2 = statements("{'Effect':'Allow','Action':'ec2:*','Resource':'*'}");

        @Test
        void theSessionPolicyIntersectsWithIdentityPolicies() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).sessionPolicy(onlyEc2)))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).sessionPolicy(ALLOW_S3)))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void theSessionPolicyAloneGrantsNothing() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).sessionPolicy(ALLOW_S3))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void theSessionPolicyLimitsAResourcePolicyNamingTheRole() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).sessionPolicy(onlyEc2)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + ROLE + "'}")))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void theSessionPolicyDoesNotLimitAResourcePolicyNamingTheSession() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).sessionPolicy(onlyEc2)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + SESSION + "'}")))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anExplicitDenyInTheSessionPolicyWins() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).sessionPolicy(DENY_S3)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + SESSION + "'}")))).isEqualTo(Outcome.EXPLICIT_DENY);
        }
    }

    /** https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html */
    @Nested
    class ServiceControlPolicies {
        final NamedPolicy fullAccess = policy("FullAWSAccess", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}");
        final NamedPolicy onlyS3 = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*'}");

        @Test
        void everyLevelMustAllow() {
            assertThat(decide(request(SESSION, "lambda:InvokeFunction", FUNCTION).identityPolicy(ALLOW_ALL)
                    .scps(List.of(List.of(fullAccess), List.of(onlyS3))))).isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_ALL)
                    .scps(List.of(List.of(fullAccess), List.of(onlyS3))))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void onePolicyAllowingAtALevelIsEnough() {
            assertThat(decide(request(SESSION, "lambda:InvokeFunction", FUNCTION).identityPolicy(ALLOW_ALL)
                    .scps(List.of(List.of(fullAccess), List.of(onlyS3, fullAccess))))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void anScpGrantsNothingByItself() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).scps(List.of(List.of(fullAccess))))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void anScpDenyWins() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_ALL)
                    .scps(List.of(List.of(fullAccess, DENY_S3))))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void scpsLimitWhatASameAccountResourcePolicyGrants() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).resourcePolicy(resourceAllowing("{'AWS':'" + SESSION + "'}"))
                    .scps(List.of(List.of(statements("{'Effect':'Allow','Action':'ec2:*','Resource':'*'}")))))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void scpsApplyToTheMemberAccountRootUser() {
            assertThat(decide(request("arn:aws:iam::" + A + ":root", "lambda:InvokeFunction", FUNCTION)
                    .scps(List.of(List.of(onlyS3))))).isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void scpsDoNotApplyToServicePrincipals() {
            NamedPolicy function = statements("{'Effect':'Allow','Principal':{'Service':'apigateway.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'*'}");
            assertThat(decide(request("apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION).resourcePolicy(function)
                    .scps(List.of(List.of(statements("{'Effect':'Deny','Action':'*','Resource':'*'}")))))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void scpsDoNotApplyToServiceLinkedRoles() {
            String slr = "arn:aws:iam::" + A + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing";
            String slrSession = "arn:aws:sts::" + A + ":assumed-role/AWSServiceRoleForElasticLoadBalancing/ElasticLoadBalancing";
            List<List<NamedPolicy>> denyAll = List.of(List.of(statements("{'Effect':'Deny','Action':'*','Resource':'*'}")));
            assertThat(decide(request(slr, "ec2:DescribeInstances", "*").identityPolicy(ALLOW_ALL).scps(denyAll))).isEqualTo(Outcome.ALLOW);
            assertThat(decide(request(slrSession, "ec2:DescribeInstances", "*").identityPolicy(ALLOW_ALL).scps(denyAll))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void noScpLevelsMeansNotInAnOrganization() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3).scps(List.of()))).isEqualTo(Outcome.ALLOW);
        }
    }

    /** https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_evaluation.html */
    @Nested
    class ResourceControlPolicies {
        final NamedPolicy rcpFullAccess = statements("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}");
        final NamedPolicy identityPerimeter = statements("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
                + "'Condition':{'StringNotEqualsIfExists':{'aws:PrincipalOrgID':'o-123'},'BoolIfExists':{'aws:PrincipalIsAWSService':'false'}}}");
        final String otherSession = "arn:aws:sts::" + B + ":assumed-role/partner/s";

        @Test
        void anRcpDenyBlocksAnOtherwiseAllowedCrossAccountRequest() {
            assertThat(decide(request(otherSession, "s3:GetObject", BUCKET_KEY).resourceAccount(A).identityPolicy(ALLOW_S3)
                    .resourcePolicy(resourceAllowing("{'AWS':'" + otherSession + "'}"))
                    .context("aws:PrincipalOrgID", "o-other").context("aws:PrincipalIsAWSService", "false")
                    .rcps(List.of(List.of(rcpFullAccess, identityPerimeter))))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void anRcpPerimeterLetsOrganizationPrincipalsThrough() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3)
                    .context("aws:PrincipalOrgID", "o-123").context("aws:PrincipalIsAWSService", "false")
                    .rcps(List.of(List.of(rcpFullAccess, identityPerimeter))))).isEqualTo(Outcome.ALLOW);
        }

        @Test
        void everyRcpLevelMustAllow() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3)
                    .rcps(List.of(List.of(rcpFullAccess), List.of(statements("{'Effect':'Allow','Principal':'*','Action':'sqs:*','Resource':'*'}"))))))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
        }

        @Test
        void rcpsApplyToServicePrincipalsAndAnonymousCallers() {
            NamedPolicy publicRead = resourceAllowing("'*'");
            List<List<NamedPolicy>> denyS3 = List.of(List.of(rcpFullAccess, statements("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*'}")));
            assertThat(decide(request("anonymous", "s3:GetObject", BUCKET_KEY).resourcePolicy(publicRead).rcps(denyS3))).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decide(request("cloudtrail.amazonaws.com", "s3:PutObject", BUCKET_KEY).resourcePolicy(publicRead).rcps(denyS3)))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void rcpsDoNotApplyToServiceLinkedRoles() {
            String slr = "arn:aws:iam::" + A + ":role/aws-service-role/s3.amazonaws.com/AWSServiceRoleForS3";
            assertThat(decide(request(slr, "s3:GetObject", BUCKET_KEY).identityPolicy(ALLOW_S3)
                    .rcps(List.of(List.of(statements("{'Effect':'Deny','Principal':'*','Action':'*','Resource':'*'}")))))).isEqualTo(Outcome.ALLOW);
        }
    }

    /** https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html */
    @Nested
    class NotPrincipal {
        final NamedPolicy allowEveryoneInAccount = resourceAllowing("'*'");

        NamedPolicy denyAllBut(String... arns) {
            StringBuilder list = new StringBuilder();
            for (String arn : arns) {
                list.append(list.length() == 0 ? "" : ",").append("'").append(arn).append("'");
            }
            return statements("{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'},"
                    + "{'Effect':'Deny','NotPrincipal':{'AWS':[" + list + "]},'Action':'s3:*','Resource':'*'}");
        }

        @Test
        void aUserListedWithItsAccountIsExempt() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).resourcePolicy(denyAllBut(USER, "arn:aws:iam::" + A + ":root"))))
                    .isEqualTo(Outcome.ALLOW);
        }

        @Test
        void aUserListedWithoutItsAccountIsDenied() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).resourcePolicy(denyAllBut(USER)))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void aRoleSessionIsExemptOnlyWithSessionRoleAndAccountListed() {
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).resourcePolicy(denyAllBut(SESSION, ROLE, "arn:aws:iam::" + A + ":root"))))
                    .isEqualTo(Outcome.ALLOW);
            assertThat(decide(request(SESSION, "s3:GetObject", BUCKET_KEY).resourcePolicy(denyAllBut(ROLE, "arn:aws:iam::" + A + ":root"))))
                    .isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void anyoneNotListedIsDenied() {
            assertThat(decide(request("arn:aws:iam::" + A + ":user/other", "s3:GetObject", BUCKET_KEY)
                    .resourcePolicy(denyAllBut(USER, "arn:aws:iam::" + A + ":root")))).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decide(request("anonymous", "s3:GetObject", BUCKET_KEY)
                    .resourcePolicy(denyAllBut(USER, "arn:aws:iam::" + A + ":root")))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void aCallerWithAPermissionsBoundaryIsAlwaysDenied() {
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).permissionBoundary(ALLOW_ALL)
                    .resourcePolicy(denyAllBut(USER, "arn:aws:iam::" + A + ":root")))).isEqualTo(Outcome.EXPLICIT_DENY);
        }

        @Test
        void notPrincipalWithAllowGrantsNothing() {
            NamedPolicy p = statements("{'Effect':'Allow','NotPrincipal':{'AWS':'arn:aws:iam::" + B + ":root'},'Action':'s3:*','Resource':'*'}");
            assertThat(decide(request(USER, "s3:GetObject", BUCKET_KEY).resourcePolicy(p))).isEqualTo(Outcome.IMPLICIT_DENY);
        }
    }
}
