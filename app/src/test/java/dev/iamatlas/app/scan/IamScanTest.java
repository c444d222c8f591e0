package dev.iamatlas.app.scan;

import static dev.iamatlas.app.scan.FakeAws.attached;
import static dev.iamatlas.app.scan.FakeAws.iamGroup;
import static dev.iamatlas.app.scan.FakeAws.iamRole;
import static dev.iamatlas.app.scan.FakeAws.iamUser;
import static dev.iamatlas.app.scan.FakeAws.inlinePolicy;
import static dev.iamatlas.app.scan.FakeAws.managedPolicy;
import static dev.iamatlas.app.scan.FakeAws.member;
import static dev.iamatlas.app.scan.FakeAws.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.IamUser;
import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import org.junit.jupiter.api.Test;

class IamScanTest extends ScanTestSupport {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String DYNAMO = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"dynamodb:GetItem\",\"Resource\":\"arn:aws:dynamodb:us-east-1:111122223333:table/orders\"}]}";
    static final String READ_S3_V1 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shop/*\"}]}";
    static final String READ_S3_V2 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"a b+c\"}}}]}";
    static final String READ_S3 = "arn:aws:iam::111122223333:policy/read-s3";
    static final String POWER_USER = "arn:aws:iam::aws:policy/PowerUserAccess";

    /** An account whose GAAD answer spans two pages: users and a group on the first, roles and policies on the second. */
    static void accountOverTwoPages(FakeAws aws) {
        aws.gaadPage(null, "page-2-marker",
                iamUser("alice", member("devs"), inlinePolicy("tables", DYNAMO), attached(READ_S3), POWER_USER),
                iamGroup("devs", attached(READ_S3)), "", "");
        aws.gaadPage("page-2-marker", null, "", "",
                iamRole("orders-fn", TRUST, inlinePolicy("dynamo", DYNAMO), attached(READ_S3)),
                managedPolicy(READ_S3, "v2", READ_S3_V2, "v1", READ_S3_V1));
    }

    @Test
    void usersGroupsRolesAndPoliciesComeFromEveryPageWithTheirDocumentsDecoded() {
        accountOverTwoPages(aws);
        aws.iamPolicyOutsideGaad(POWER_USER, "v9", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}");

        AccountSnapshot snapshot = scan();

        IamUser alice = snapshot.iam().users().get(0);
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.groups()).containsExactly("devs");
        assertThat(alice.inlinePolicies().get(0).document()).isEqualTo(PolicyText.of(DYNAMO));
        assertThat(alice.attachedPolicyArns()).containsExactly(READ_S3);
        assertThat(alice.permissionsBoundaryArn()).isEqualTo(POWER_USER);
        assertThat(alice.tags()).containsEntry("team", "shop");
        assertThat(snapshot.iam().groups()).extracting(g -> g.name()).containsExactly("devs");

        IamRole role = snapshot.iam().roles().get(0);
        assertThat(role.trustPolicy()).isEqualTo(PolicyText.of(TRUST));
        assertThat(role.inlinePolicies().get(0).document()).isEqualTo(PolicyText.of(DYNAMO));
        assertThat(role.tags()).containsEntry("env", "prod");

        ManagedPolicy readS3 = snapshot.iam().managedPolicies().get(0);
        assertThat(readS3.arn()).isEqualTo(READ_S3);
        assertThat(readS3.defaultVersionId()).isEqualTo("v2");
        assertThat(readS3.versions()).extracting(v -> v.versionId()).containsExactly("v2", "v1");
        assertThat(readS3.defaultDocument()).contains(PolicyText.of(READ_S3_V2));
        assertThat(readS3.defaultDocument().get().json()).contains("a b+c");
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void aManagedPolicyUsedOnlyAsPermissionsBoundaryIsReadAlthoughGaadLeavesItOut() {
        accountOverTwoPages(aws);
        String boundary = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\","
                + "\"Resource\":\"*\"}]}";
        aws.iamPolicyOutsideGaad(POWER_USER, "v9", boundary);

        AccountSnapshot snapshot = scan();

        ManagedPolicy powerUser = snapshot.iam().managedPolicies().stream().filter(p -> p.arn().equals(POWER_USER))
                .findFirst().orElseThrow();
        assertThat(powerUser.defaultVersionId()).isEqualTo("v9");
        assertThat(powerUser.defaultDocument()).contains(PolicyText.of(boundary));
        assertThat(calls(snapshot, "iam")).isEqualTo(2 + 1 + 1 + 2); // GAAD pages, alias, ListRoles, GetPolicy+Version
    }

    @Test
    void aRolesMaximumSessionDurationComesFromListRoles() {
        accountOverTwoPages(aws);
        aws.iamPolicyOutsideGaad(POWER_USER, "v1", READ_S3_V1);
        aws.iamRoleSessionDuration("orders-fn", 7200);

        assertThat(scan().iam().roles().get(0).maxSessionDuration()).isEqualTo(7200);
    }

    @Test
    void throttledIamCallsAreRetriedAndNothingIsLost() {
        accountOverTwoPages(aws);
        aws.iamPolicyOutsideGaad(POWER_USER, "v1", READ_S3_V1);
        aws.throttleFirst(() -> query("iam", "GetAccountAuthorizationDetails"), 3);

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.iam().users()).hasSize(1);
        assertThat(snapshot.iam().roles()).hasSize(1);
        assertThat(snapshot.gaps()).isEmpty();
        assertThat(aws.requests(query("iam", "GetAccountAuthorizationDetails"))).hasSize(2 + 3);
        assertThat(calls(snapshot, "iam")).isEqualTo(2 + 3 + 1 + 1 + 2);
    }

    @Test
    void accessDeniedOnIamIsAGapAndEveryOtherServiceIsStillRead() {
        aws.deny(query("iam", "GetAccountAuthorizationDetails"), "iam");
        aws.functionsPage(null, null, FakeAws.functionConfig("orders", "$LATEST", FakeAws.roleArn("orders-fn")));

        AccountSnapshot snapshot = scan();

        assertThat(gapLines(snapshot)).containsExactly("iam global GetAccountAuthorizationDetails: AccessDenied "
                + "(User: arn:aws:iam::111122223333:user/scanner is not authorized)");
        assertThat(snapshot.iam().users()).isEmpty();
        assertThat(snapshot.functions()).extracting(f -> f.name()).containsExactly("orders");
        assertThat(snapshot.metadata().complete()).isTrue();
    }

    @Test
    void aManagedPolicyWithoutItsNameInGaadIsNamedAfterItsArn() {
        // Some AWS-compatible servers leave PolicyName and PolicyId out of GAAD's Policies.
        aws.gaadPage(null, null, "", "", iamRole("fn", TRUST, "", attached(READ_S3)),
                managedPolicy(READ_S3, "v1", READ_S3_V1).replaceFirst("<PolicyName>[^<]*</PolicyName>", "")
                        .replaceFirst("<PolicyId>[^<]*</PolicyId>", ""));

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.iam().managedPolicies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("read-s3");
            assertThat(p.defaultDocument()).contains(PolicyText.of(READ_S3_V1));
        });
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void theAccountAliasIsRecorded() {
        aws.accountAlias("shop-prod");

        assertThat(scan().metadata().accountAlias()).isEqualTo("shop-prod");
    }
}
