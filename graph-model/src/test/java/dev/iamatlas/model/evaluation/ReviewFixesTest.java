package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.B;
import static dev.iamatlas.model.evaluation.Eval.context;
import static dev.iamatlas.model.evaluation.Eval.decide;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The defects found by the evaluator review, one test each, with the page that decides it. The
 * same points are also documentation cases ({@code policy-cases/review-*.jsonl}).
 */
class ReviewFixesTest {
    private static final String USER = "arn:aws:iam::" + A + ":user/alice";
    private static final String ROUTE = "arn:aws:execute-api:us-east-1:" + A + ":a1b2c3d4e5/prod/GET/pets";

    /**
     * "simplified format supported here because apiId is not known yet and partition/region/account
     * can be derived at import time": {@code execute-api:/stage/method/path}.
     * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-create-attach.html
     */
    @Test
    void apiGatewayShorthandNamesTheApiOfTheResourcePolicy() {
        NamedPolicy all = statements("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'execute-api:/*'}");
        NamedPolicy getPets = statements("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'execute-api:/prod/GET/pets'}");
        assertThat(decide(request("anonymous", "execute-api:Invoke", ROUTE).resourcePolicy(all))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request("anonymous", "execute-api:Invoke", ROUTE).resourcePolicy(getPets))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request("anonymous", "execute-api:Invoke", ROUTE.replace("GET", "POST")).resourcePolicy(getPets)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        // only in resource-based policies, and only for execute-api resources
        NamedPolicy identity = statements("{'Effect':'Allow','Action':'execute-api:Invoke','Resource':'execute-api:/*'}");
        assertThat(decide(request(USER, "execute-api:Invoke", ROUTE).identityPolicy(identity))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request("anonymous", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:" + A + ":function:f")
                .resourcePolicy(statements("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'execute-api:/*'}"))))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /**
     * "If there is no session policy, the code checks whether the principal is a role session. If the
     * principal is a role session, then the request is Allowed. Otherwise, the request is implicitly
     * denied." https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
     */
    @Test
    void federatedUserSessionNeedsASessionPolicy() {
        String fed = "arn:aws:sts::" + A + ":federated-user/fed";
        NamedPolicy s3 = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*'}");
        assertThat(decide(request(fed, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).identityPolicy(s3)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(fed, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).identityPolicy(s3).sessionPolicy(s3)))
                .isEqualTo(Outcome.ALLOW);
        NamedPolicy grantToSession = statements("{'Effect':'Allow','Principal':{'AWS':'" + fed + "'},'Action':'s3:*','Resource':'*'}");
        assertThat(decide(request(fed, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).resourcePolicy(grantToSession)))
                .isEqualTo(Outcome.ALLOW);
    }

    /**
     * "IAM role trust policies and KMS key policies are exceptions to this logic, because they must
     * explicitly allow access for principals": the trust policy governs every sts: action on the role
     * (sts:TagSession must be allowed by it, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html).
     */
    @Test
    void trustPolicyMustAllowTagSession() {
        String role = "arn:aws:iam::" + A + ":role/target";
        NamedPolicy identity = statements("{'Effect':'Allow','Action':['sts:AssumeRole','sts:TagSession'],'Resource':'" + role + "'}");
        NamedPolicy assumeOnly = statements("{'Effect':'Allow','Principal':{'AWS':'" + A + "'},'Action':'sts:AssumeRole'}");
        NamedPolicy both = statements("{'Effect':'Allow','Principal':{'AWS':'" + A + "'},'Action':['sts:AssumeRole','sts:TagSession']}");
        assertThat(decide(request(USER, "sts:TagSession", role).identityPolicy(identity).resourcePolicy(assumeOnly)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(USER, "sts:TagSession", role).identityPolicy(identity).resourcePolicy(both))).isEqualTo(Outcome.ALLOW);
    }

    /** A role's or user's ARN includes its path (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html). */
    @Test
    void principalArnsAreComparedWithTheirPath() {
        NamedPolicy namesApp = statements("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + A + ":role/app'},'Action':'s3:*','Resource':'*'}");
        NamedPolicy namesTeamApp = statements("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + A + ":role/team/app'},'Action':'s3:*','Resource':'*'}");
        String teamApp = "arn:aws:iam::" + A + ":role/team/app";
        assertThat(decide(request(teamApp, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).resourcePolicy(namesApp)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(teamApp, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).resourcePolicy(namesTeamApp)))
                .isEqualTo(Outcome.ALLOW);
        // a session ARN has no path: the session of role app is named by the role ARN with its path
        assertThat(decide(request("arn:aws:sts::" + A + ":assumed-role/app/s1", "s3:GetObject", "arn:aws:s3:::b/k")
                .resourceAccount(A).resourcePolicy(namesTeamApp))).isEqualTo(Outcome.ALLOW);
    }

    /** "You can use a policy variable with the Boolean condition operator" (Condition operators page). */
    @Test
    void boolTakesPolicyVariables() {
        NamedPolicy p = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'${aws:PrincipalTag/tls}'}}}");
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(p)
                .context(context("{'aws:SecureTransport':'true','aws:PrincipalTag/tls':'true'}")))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(p)
                .context(context("{'aws:SecureTransport':'true','aws:PrincipalTag/tls':'false'}")))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(p)
                .context(context("{'aws:SecureTransport':'true'}")))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** W3C date formats (https://www.w3.org/TR/NOTE-datetime) named by the Date operators: YYYY and YYYY-MM. */
    @Test
    void w3cYearAndYearMonthDates() {
        NamedPolicy year = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'DateGreaterThanEquals':{'aws:CurrentTime':'2020'}}}");
        NamedPolicy month = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'DateLessThan':{'aws:CurrentTime':'2020-06'}}}");
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(year).context(context("{'aws:CurrentTime':'2020-01-01T00:00:00Z'}"))))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(year).context(context("{'aws:CurrentTime':'2019-12-31T23:59:59Z'}"))))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(month).context(context("{'aws:CurrentTime':'2020-05-31T23:59:59Z'}"))))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(month).context(context("{'aws:CurrentTime':'2020-06-01T00:00:00Z'}"))))
                .isEqualTo(Outcome.IMPLICIT_DENY);
        // epoch time is digits with an optional fraction: +10 and 1e1 are not dates
        assertThat(decide(request(USER, "s3:GetObject", "*").identityPolicy(year).context(context("{'aws:CurrentTime':'+1e10'}"))))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /**
     * "NotPrincipal with Deny ... will always deny any IAM principal that has a permissions boundary
     * policy attached, regardless of the values specified in the NotPrincipal element".
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
     */
    @Test
    void notPrincipalDenyWithEveryoneListedStillDeniesACallerWithABoundary() {
        NamedPolicy rp = statements("{'Effect':'Deny','NotPrincipal':{'AWS':'*'},'Action':'s3:*','Resource':'*'}");
        NamedPolicy all = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*'}");
        assertThat(decide(request(USER, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).identityPolicy(all).resourcePolicy(rp)))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(USER, "s3:GetObject", "arn:aws:s3:::b/k").resourceAccount(A).identityPolicy(all)
                .permissionBoundary(all).resourcePolicy(rp))).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    /** Service principals are compared exactly as written (Principal page; reading in ambiguous.jsonl). */
    @Test
    void servicePrincipalsAreComparedExactly() {
        NamedPolicy upper = statements("{'Effect':'Allow','Principal':{'Service':'LAMBDA.AMAZONAWS.COM'},'Action':'sqs:*','Resource':'*'}");
        assertThat(decide(request("lambda.amazonaws.com", "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + B + ":q").resourcePolicy(upper)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    /** A UTF-8 byte order mark before a request line is not part of the request. */
    @Test
    void byteOrderMarkBeforeALineIsIgnored() throws IOException {
        String line = "\uFEFF{\"id\":\"x\",\"principal\":\"anonymous\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}\n";
        StringWriter out = new StringWriter();
        new BatchSimulator(new DefaultPolicyEvaluator(), false, 1).run(new BufferedReader(new StringReader(line)), out);
        assertThat(out.toString()).isEqualTo("{\"id\":\"x\",\"decision\":\"IMPLICIT_DENY\"}\n");
    }
}
