package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.B;
import static dev.iamatlas.model.evaluation.Eval.EVALUATOR;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link EvaluationRequest#withActionAndResource} asks the same question about another action and resource: its
 * answers equal those of a request built anew, including the resource account taken from the new ARN (a resource of
 * another account makes the request cross-account) and conditions on keys the request declared unknown.
 */
class RequestWithActionAndResourceTest {

    private static final NamedPolicy IDENTITY = statements(
            "{'Effect':'Allow','Action':['s3:GetObject','dynamodb:*'],'Resource':'*'},"
            + "{'Effect':'Allow','Action':'sqs:SendMessage','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}},"
            + "{'Effect':'Deny','Action':'dynamodb:DeleteTable','Resource':'*'}");
    private static final NamedPolicy BOUNDARY = statements("{'Effect':'Allow','Action':['s3:*','sqs:*'],'Resource':'*'}");

    private static EvaluationRequest.Builder base(String action, String resource) {
        return request("arn:aws:iam::" + A + ":role/app", action, resource).identityPolicy(IDENTITY)
                .permissionBoundary(BOUNDARY).context("aws:PrincipalTag/team", "a").unknownKey("aws:sourceip");
    }

    @Test
    void answersEqualThoseOfARequestBuiltAnew() {
        EvaluationRequest template = base("s3:GetObject", "arn:aws:s3:::data/x").build();
        List<String[]> questions = List.of(
                new String[] {"s3:GetObject", "arn:aws:s3:::other/y"},
                new String[] {"dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:" + A + ":table/t"},
                new String[] {"dynamodb:DeleteTable", "arn:aws:dynamodb:us-east-1:" + A + ":table/t"},
                new String[] {"sqs:SendMessage", "arn:aws:sqs:us-east-1:" + A + ":q"},
                new String[] {"s3:GetObject", "arn:aws:dynamodb:us-east-1:" + B + ":table/theirs"},
                new String[] {"iam:PassRole", "*"});
        for (String[] q : questions) {
            EvaluationRequest derived = template.withActionAndResource(q[0], q[1]);
            EvaluationRequest fresh = base(q[0], q[1]).build();
            Decision a = EVALUATOR.evaluate(derived);
            Decision b = EVALUATOR.evaluate(fresh);
            assertThat(a.outcome()).as(q[0] + " on " + q[1]).isEqualTo(b.outcome());
            assertThat(a.mostPermissive()).as(q[0] + " on " + q[1]).isEqualTo(b.mostPermissive());
            assertThat(a.reason()).as(q[0] + " on " + q[1]).isEqualTo(b.reason());
            assertThat(derived.resourceAccount()).isEqualTo(fresh.resourceAccount());
            assertThat(derived.isCrossAccount()).isEqualTo(fresh.isCrossAccount());
        }
        assertThat(EVALUATOR.evaluate(template.withActionAndResource("sqs:SendMessage", "*")).isConditional()).isTrue();
        assertThat(EVALUATOR.evaluate(template.withActionAndResource("dynamodb:GetItem", "*")).outcome())
                .isEqualTo(Outcome.IMPLICIT_DENY); // the boundary does not allow DynamoDB
    }

    @Test
    void anEmptyActionIsRefused() {
        EvaluationRequest template = base("s3:GetObject", "*").build();
        assertThatThrownBy(() -> template.withActionAndResource("", "*")).isInstanceOf(IllegalArgumentException.class);
    }
}
