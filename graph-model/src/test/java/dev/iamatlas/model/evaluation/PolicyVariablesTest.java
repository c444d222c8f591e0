package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.decide;
import static dev.iamatlas.model.evaluation.Eval.policy;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Policy variables: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html */
class PolicyVariablesTest {
    static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
    static final NamedPolicy HOME = statements("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/home/${aws:username}/*'}");

    @Test
    void aVariableInTheResourceIsReplacedByTheRequestValue() {
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/home/alice/a.txt").context("aws:username", "alice").identityPolicy(HOME)))
                .isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/home/bob/a.txt").context("aws:username", "alice").identityPolicy(HOME)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aVariableWithoutValueMakesTheEntryMatchNothing() {
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/home//a.txt").identityPolicy(HOME))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/home/${aws:username}/a.txt").identityPolicy(HOME)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void simulateDerivesNoKeysButTheGraphCanAskForUsername() {
        EvaluationRequest.Builder b = request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/home/alice/a.txt").identityPolicy(HOME);
        assertThat(decide(b)).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(b.deriveContextKeys(true))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aDefaultValueIsUsedWhenTheKeyIsMissing() {
        // the default is written in single quotes inside the JSON string
        NamedPolicy withDefault = new NamedPolicy("p", dev.iamatlas.model.policy.PolicyParser.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                        + "\"Resource\":\"arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'company-wide'}/*\"}}"));
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/company-wide/x").identityPolicy(withDefault))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/payments/x").context("aws:PrincipalTag/team", "payments")
                .identityPolicy(withDefault))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/company-wide/x").context("aws:PrincipalTag/team", "payments")
                .identityPolicy(withDefault))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void specialCharacterVariablesAreLiteral() {
        NamedPolicy star = statements("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${*}'}");
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/*").identityPolicy(star))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/anything").identityPolicy(star))).isEqualTo(Outcome.IMPLICIT_DENY);
        NamedPolicy others = statements("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${?}${$}'}");
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/?$").identityPolicy(others))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/x$").identityPolicy(others))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void withoutVersion2012VariablesAreLiteralText() {
        NamedPolicy v2008 = policy("{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${aws:username}'}}");
        NamedPolicy none = policy("{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${aws:username}'}}");
        for (NamedPolicy p : new NamedPolicy[] {v2008, none}) {
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/alice").context("aws:username", "alice").identityPolicy(p)))
                    .isEqualTo(Outcome.IMPLICIT_DENY);
            assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/${aws:username}").context("aws:username", "alice").identityPolicy(p)))
                    .isEqualTo(Outcome.ALLOW);
        }
    }

    @Test
    void variablesWorkInStringConditionsAndKeyNamesAreCaseInsensitive() {
        NamedPolicy p = statements("{'Effect':'Allow','Action':'ec2:*','Resource':'*','Condition':{'StringEquals':{'aws:ResourceTag/owner':'${AWS:UserName}'}}}");
        assertThat(decide(request(ALICE, "ec2:StartInstances", "*").context("aws:username", "alice").context("aws:ResourceTag/owner", "alice")
                .identityPolicy(p))).isEqualTo(Outcome.ALLOW);
        assertThat(decide(request(ALICE, "ec2:StartInstances", "*").context("aws:username", "alice").context("aws:ResourceTag/owner", "bob")
                .identityPolicy(p))).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aSubstitutedValueIsLiteralEvenInStringLike() {
        NamedPolicy p = statements("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'StringLike':{'s3:prefix':'home/${aws:username}/*'}}}");
        assertThat(decide(request(ALICE, "s3:ListBucket", "arn:aws:s3:::b").context("aws:username", "*").context("s3:prefix", "home/bob/x")
                .identityPolicy(p))).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decide(request(ALICE, "s3:ListBucket", "arn:aws:s3:::b").context("aws:username", "alice").context("s3:prefix", "home/alice/x")
                .identityPolicy(p))).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void aMultivaluedKeyCannotBeAVariable() {
        NamedPolicy p = statements("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${aws:TagKeys}'}");
        assertThat(decide(request(ALICE, "s3:GetObject", "arn:aws:s3:::bucket/a").context("aws:TagKeys", "a", "b").identityPolicy(p)))
                .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void anyContextKeyCanBeAVariable() {
        NamedPolicy p = statements("{'Effect':'Allow','Action':'sqs:*','Resource':'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:queue-${aws:PrincipalTag/team}'}");
        assertThat(decide(request(ALICE, "sqs:SendMessage", "arn:aws:sqs:us-east-1:" + A + ":queue-pay").context("aws:PrincipalAccount", A)
                .context("aws:PrincipalTag/team", "pay").identityPolicy(p))).isEqualTo(Outcome.ALLOW);
    }
}
