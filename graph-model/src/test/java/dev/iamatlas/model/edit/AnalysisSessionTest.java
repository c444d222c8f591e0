package dev.iamatlas.model.edit;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.model.findings.Finding;
import dev.iamatlas.model.findings.RuleCatalogue;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.testing.ShopAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisSessionTest {
    private static final String GET_ORDERS_TEST = routeArn("test", "POST", "/orders");

    @Test
    void addingAPermissionRepairsTheRouteAndUndoBreaksItAgain() {
        try (AnalysisSession session = AnalysisSession.open(ShopAccount.snapshot(), 1)) {
            ChangeSet added = session.apply(AddLambdaPermission.forApiGateway(ShopAccount.ORDERS, "test-post",
                    GET_ORDERS_TEST, ACCOUNT));

            assertThat(added.diff().changed()).anyMatch(c -> c.type() == EdgeType.INVOKES && c.source().equals(GET_ORDERS_TEST)
                    && c.before() == EdgeStatus.DENIED && c.after() == EdgeStatus.ALLOWED);
            assertThat(added.diff().gained()).isNotEmpty();
            assertThat(session.changeList()).containsExactly(added.description());

            ChangeSet undone = session.undo();

            assertThat(undone.diff().lost()).anyMatch(c -> c.source().equals(GET_ORDERS_TEST));
            assertThat(undone.diff().newFindings()).extracting(Finding::ruleId)
                    .contains(RuleCatalogue.APIGW_LAMBDA_PERMISSION_MISSING);
            assertThat(session.snapshot()).isEqualTo(ShopAccount.snapshot());

            session.redo();
            assertThat(session.canRedo()).isFalse();
        }
    }

    @Test
    void removingAPermissionThatIsNotThereIsRefused() {
        try (AnalysisSession session = AnalysisSession.open(ShopAccount.snapshot(), 1)) {
            assertThatThrownBy(() -> session.apply(new RemoveLambdaPermission(ShopAccount.ORDERS, "nope")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no statement nope");
            assertThat(session.canUndo()).isFalse();
        }
    }

    @Test
    void addingAStatementIdTwiceIsRefusedLikeLambdaDoes() {
        AddLambdaPermission twice = AddLambdaPermission.forApiGateway(ShopAccount.ORDERS, "apigw-post", GET_ORDERS_TEST, ACCOUNT);

        assertThatThrownBy(() -> twice.execute(ShopAccount.snapshot())).hasMessageContaining("already exists");
    }

    @Test
    void editsWriteStatementsTheWayLambdaWritesThem() {
        AccountSnapshot s = new AddLambdaPermission(ShopAccount.PAYMENTS, "partner", OTHER_ACCOUNT,
                "lambda:InvokeFunction", null, null, null).execute(ShopAccount.snapshot());

        String policy = s.functions().stream().filter(f -> f.arn().equals(ShopAccount.PAYMENTS)).findFirst().orElseThrow()
                .resourcePolicy().json();
        assertThat(policy).contains("\"Principal\":{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"}");
    }

    @Test
    void everyEditUndoesExactly() {
        AccountSnapshot before = ShopAccount.snapshot();
        List<SnapshotEdit> edits = List.of(
                new SetRoleTrustPolicy(roleArn("deployer"), trusts("ec2.amazonaws.com")),
                new AttachManagedPolicy(roleArn("ci"), ShopAccount.READ_S3),
                new DetachManagedPolicy(userArn("bob"), ShopAccount.INVOKE_ORDERS),
                new SetInlinePolicy("arn:aws:iam::" + ACCOUNT + ":group/devs", "extra", policy("{'Effect':'Allow','Action':'s3:*','Resource':'*'}")),
                new SetManagedPolicyDocument(ShopAccount.READ_S3, policy("{'Effect':'Allow','Action':'*','Resource':'*'}")),
                new SetFunctionPolicy(ShopAccount.ORDERS + ":live", null),
                new SetApiResourcePolicy(API_ID, policy("{'Effect':'Deny','Principal':'*','Action':'execute-api:Invoke','Resource':'*'}")),
                SetRouteAuthorization.rest(API_ID, "/pay", "POST", "AWS_IAM", null),
                SetRouteAuthorization.http("h1", "GET /me", "NONE", null),
                new RemoveLambdaPermission(ShopAccount.AUTH, "old"));
        for (SnapshotEdit edit : edits) {
            AccountSnapshot after = edit.execute(before);
            assertThat(after).as(edit.description()).isNotEqualTo(before);
            assertThat(edit.undo(after)).as("undo " + edit.description()).isEqualTo(before);
        }
    }

    @Test
    void snapshotDiffReportsReachGainedAndFindingsResolved() {
        AccountSnapshot before = ShopAccount.snapshot();
        AccountSnapshot after = SetRouteAuthorization.rest(API_ID, "/pay", "POST", "AWS_IAM", null).execute(before);

        ReachDiff diff = SnapshotDiff.between(before, after);

        assertThat(diff.resolvedFindings()).extracting(Finding::ruleId).contains(RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE);
        assertThat(diff.removed()).anyMatch(c -> c.type() == EdgeType.CALLS_ROUTE && c.target().equals(routeArn("prod", "POST", "/pay")));
        assertThat(SnapshotDiff.between(before, before).isEmpty()).isTrue();
    }
}
