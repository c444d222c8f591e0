package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.EVALUATOR;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Three-valued evaluation for context keys a static snapshot cannot know. */
class UnknownKeysTest {
    static final String API = "arn:aws:execute-api:us-east-1:" + A + ":abc123/prod/GET/orders";
    static final NamedPolicy IP_ALLOW_LIST = statements("{'Sid':'office','Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*',"
            + "'Condition':{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}}");

    @Test
    void aConditionOnAnUnknownKeyMakesTheDecisionConditional() {
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(IP_ALLOW_LIST)
                .unknownKey("aws:SourceIp").build());
        assertThat(d.isConditional()).isTrue();
        assertThat(d.leastPermissive()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.mostPermissive()).isEqualTo(Outcome.ALLOW);
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.unknownKeys()).containsExactly("aws:SourceIp");
    }

    @Test
    void withoutUnknownKeysAMissingKeyIsSimplyAbsent() {
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(IP_ALLOW_LIST).build());
        assertThat(d.isConditional()).isFalse();
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(d.unknownKeys()).isEmpty();
    }

    @Test
    void aGivenValueIsKnownEvenWhenEveryMissingKeyIsUnknown() {
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(IP_ALLOW_LIST)
                .context("aws:SourceIp", "192.0.2.1").missingKeysUnknown(true).build());
        assertThat(d.isConditional()).isFalse();
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void treatingEveryMissingKeyAsUnknownFindsTheConditionalEdge() {
        Decision d = EVALUATOR.explain(request("anonymous", "execute-api:Invoke", API).resourcePolicy(IP_ALLOW_LIST)
                .missingKeysUnknown(true).build());
        assertThat(d.isConditional()).isTrue();
        StatementEvidence s = d.evidence().get(0).statements().get(0);
        assertThat(s.matched()).isEqualTo(TriState.UNKNOWN);
        assertThat(s.conditions().get(0).result()).isEqualTo(TriState.UNKNOWN);
        assertThat(s.conditions().get(0).contextValues()).isNull();
    }

    @Test
    void anUnknownDenyConditionBoundsTheOutcomeFromBelow() {
        NamedPolicy p = statements("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*'},"
                + "{'Effect':'Deny','Principal':'*','Action':'execute-api:Invoke','Resource':'*','Condition':{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}}");
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(p).unknownKey("aws:SourceIp").build());
        assertThat(d.leastPermissive()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(d.mostPermissive()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void anUnknownThatCannotChangeTheOutcomeLeavesItDefinite() {
        NamedPolicy p = statements("{'Effect':'Allow','Principal':'*','Action':'execute-api:Invoke','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'192.0.2.0/24'}}},"
                + "{'Effect':'Deny','Principal':'*','Action':'execute-api:Invoke','Resource':'*'}");
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(p).unknownKey("aws:SourceIp").build());
        assertThat(d.isConditional()).isFalse();
        assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void ifExistsOnAnUnknownKeyIsUnknown() {
        NamedPolicy p = statements("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*','Condition':{'StringEqualsIfExists':{'aws:SourceVpce':'vpce-1'}}}");
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(p).unknownKey("aws:SourceVpce").build());
        assertThat(d.isConditional()).isTrue();
    }

    @Test
    void anUnknownPolicyVariableInTheResourceMakesTheStatementConditional() {
        NamedPolicy p = statements("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*'}");
        Decision d = EVALUATOR.evaluate(request("arn:aws:iam::" + A + ":user/alice", "s3:GetObject", "arn:aws:s3:::bucket/pay/x")
                .identityPolicy(p).unknownKey("aws:PrincipalTag/team").build());
        assertThat(d.isConditional()).isTrue();
        assertThat(d.mostPermissive()).isEqualTo(Outcome.ALLOW);
        assertThat(d.unknownKeys()).containsExactly("aws:principaltag/team");
    }

    @Test
    void explainNamesTheDecidingStatement() {
        Decision d = EVALUATOR.explain(request("anonymous", "execute-api:Invoke", API).resourcePolicy(IP_ALLOW_LIST)
                .context("aws:SourceIp", "192.0.2.9").build());
        assertThat(d.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(d.reason()).isEqualTo(DecisionReason.ALLOWED_BY_RESOURCE_POLICY);
        assertThat(d.decidingStatements()).singleElement().satisfies(ref -> {
            assertThat(ref.sid()).isEqualTo("office");
            assertThat(ref.policyType()).isEqualTo(PolicyType.RESOURCE);
            assertThat(ref.index()).isZero();
        });
        ConditionEvidence c = d.evidence().get(0).statements().get(0).conditions().get(0);
        assertThat(c.operator()).isEqualTo("IpAddress");
        assertThat(c.policyValues()).containsExactly("192.0.2.0/24");
        assertThat(c.contextValues()).containsExactly("192.0.2.9");
        assertThat(c.result()).isEqualTo(TriState.TRUE);
    }

    @Test
    void theFastPathRecordsNoEvidence() {
        Decision d = EVALUATOR.evaluate(request("anonymous", "execute-api:Invoke", API).resourcePolicy(IP_ALLOW_LIST).build());
        assertThat(d.hasEvidence()).isFalse();
        assertThat(d.decidingStatements()).isEmpty();
    }
}
