package dev.iamatlas.app.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.OrgLevel;
import dev.iamatlas.model.snapshot.Organization;
import dev.iamatlas.model.snapshot.PolicyText;
import org.junit.jupiter.api.Test;

class OrganizationsScanTest extends ScanTestSupport {
    static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    static final String DENY_IAM = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:*\","
            + "\"Resource\":\"*\"}]}";

    /** Root r-root ⊃ OU ou-prod ⊃ this account; FullAWSAccess on the root and the account, deny-iam on the OU. */
    static void accountInAnOrganization(FakeAws aws) {
        aws.organizations("DescribeOrganization", null, "{\"Organization\":{\"Id\":\"o-abc\",\"Arn\":\"arn:aws:"
                + "organizations::999988887777:organization/o-abc\",\"MasterAccountId\":\"999988887777\"}}");
        aws.organizations("ListParents", "\"ChildId\":\"111122223333\"",
                "{\"Parents\":[{\"Id\":\"ou-prod\",\"Type\":\"ORGANIZATIONAL_UNIT\"}]}");
        aws.organizations("ListParents", "\"ChildId\":\"ou-prod\"", "{\"Parents\":[{\"Id\":\"r-root\",\"Type\":\"ROOT\"}]}");
        aws.organizations("ListRoots", null, "{\"Roots\":[{\"Id\":\"r-root\",\"Name\":\"Root\"}]}");
        aws.organizations("DescribeOrganizationalUnit", null, "{\"OrganizationalUnit\":{\"Id\":\"ou-prod\",\"Name\":\"prod\"}}");
        aws.organizations("DescribeAccount", null, "{\"Account\":{\"Id\":\"111122223333\",\"Name\":\"shop\"}}");
        String fullAccess = "{\"Id\":\"p-FullAWSAccess\",\"Arn\":\"arn:aws:organizations::aws:policy/"
                + "service_control_policy/p-FullAWSAccess\",\"Name\":\"FullAWSAccess\",\"Type\":\"SERVICE_CONTROL_POLICY\","
                + "\"AwsManaged\":true}";
        aws.organizations("ListPoliciesForTarget", "\"TargetId\":\"r-root\",\"Filter\":\"SERVICE_CONTROL_POLICY\"}",
                "{\"Policies\":[" + fullAccess + "]}");
        aws.organizations("ListPoliciesForTarget", "\"TargetId\":\"ou-prod\",\"Filter\":\"SERVICE_CONTROL_POLICY\"}",
                "{\"Policies\":[{\"Id\":\"p-deny\",\"Name\":\"deny-iam\",\"AwsManaged\":false}],\"NextToken\":\"t2\"}");
        aws.organizations("ListPoliciesForTarget", "\"TargetId\":\"ou-prod\",\"Filter\":\"SERVICE_CONTROL_POLICY\","
                + "\"NextToken\":\"t2\"", "{\"Policies\":[" + fullAccess + "]}");
        aws.organizations("ListPoliciesForTarget", "\"TargetId\":\"111122223333\",\"Filter\":\"SERVICE_CONTROL_POLICY\"}",
                "{\"Policies\":[" + fullAccess + "]}");
        aws.organizations("DescribePolicy", "p-FullAWSAccess", "{\"Policy\":{\"PolicySummary\":{\"Id\":\"p-FullAWSAccess\","
                + "\"Name\":\"FullAWSAccess\",\"AwsManaged\":true},\"Content\":" + FakeAws.quoted(FULL_ACCESS) + "}}");
        aws.organizations("DescribePolicy", "p-deny", "{\"Policy\":{\"PolicySummary\":{\"Id\":\"p-deny\",\"Arn\":"
                + "\"arn:aws:organizations::999988887777:policy/o-abc/service_control_policy/p-deny\",\"Name\":\"deny-iam\","
                + "\"AwsManaged\":false},\"Content\":" + FakeAws.quoted(DENY_IAM) + "}}");
    }

    @Test
    void scpsAreReadForEveryLevelFromTheRootDownToTheAccount() {
        accountInAnOrganization(aws);
        aws.stub(4, FakeAws.organizations("ListPoliciesForTarget").withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("RESOURCE_CONTROL_POLICY")),
                FakeAws.jsonError(400, "PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types."));

        AccountSnapshot snapshot = scan();

        Organization org = snapshot.organization();
        assertThat(org).isNotNull();
        assertThat(org.organizationId()).isEqualTo("o-abc");
        assertThat(org.managementAccountId()).isEqualTo("999988887777");
        assertThat(org.scpLevels()).extracting(OrgLevel::targetId, OrgLevel::targetType, OrgLevel::targetName)
                .containsExactly(tuple("r-root", "ROOT", "Root"),
                        tuple("ou-prod", "ORGANIZATIONAL_UNIT", "prod"),
                        tuple("111122223333", "ACCOUNT", "shop"));
        assertThat(org.scpLevels().get(1).policies()).extracting(p -> p.name()).containsExactly("deny-iam", "FullAWSAccess");
        assertThat(org.scpLevels().get(1).policies().get(0).document()).isEqualTo(PolicyText.of(DENY_IAM));
        assertThat(org.scpLevels().get(0).policies().get(0).awsManaged()).isTrue();
        assertThat(org.rcpLevels()).isEmpty();
        assertThat(snapshot.gaps()).isEmpty();
        assertThat(aws.requests(FakeAws.organizations("DescribePolicy"))).hasSize(2);
    }

    @Test
    void rcpsAreReadWhenEnabled() {
        accountInAnOrganization(aws);
        String rcp = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
        aws.stub(4, FakeAws.organizations("ListPoliciesForTarget").withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("RESOURCE_CONTROL_POLICY")),
                FakeAws.json(200, "{\"Policies\":[{\"Id\":\"p-RCPFullAWSAccess\",\"Name\":\"RCPFullAWSAccess\","
                        + "\"AwsManaged\":true}]}"));
        aws.organizations("DescribePolicy", "p-RCPFullAWSAccess", "{\"Policy\":{\"PolicySummary\":{\"Id\":"
                + "\"p-RCPFullAWSAccess\",\"Name\":\"RCPFullAWSAccess\",\"AwsManaged\":true},\"Content\":"
                + FakeAws.quoted(rcp) + "}}");

        Organization org = scan().organization();

        assertThat(org.rcpLevels()).hasSize(3).allMatch(l -> l.policies().get(0).name().equals("RCPFullAWSAccess"));
    }

    @Test
    void anAccountInNoOrganizationHasNoOrganizationAndNoGap() {
        AccountSnapshot snapshot = scan();

        assertThat(snapshot.organization()).isNull();
        assertThat(snapshot.gaps()).isEmpty();
        assertThat(calls(snapshot, "organizations")).isEqualTo(1);
    }

    @Test
    void aMemberAccountThatMayNotListPoliciesHasAGapInsteadOfAnOrganization() {
        accountInAnOrganization(aws);
        aws.deny(FakeAws.organizations("ListParents"), "organizations");

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.organization()).isNull();
        assertThat(gapLines(snapshot)).containsExactly("organizations global ListParents 111122223333: "
                + "AccessDeniedException (You don't have permissions)");
    }

    @Test
    void throttledOrganizationsCallsAreRetried() {
        accountInAnOrganization(aws);
        aws.stub(4, FakeAws.organizations("ListPoliciesForTarget").withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("RESOURCE_CONTROL_POLICY")),
                FakeAws.jsonError(400, "PolicyTypeNotEnabledException", "not enabled"));
        aws.throttleFirst(() -> FakeAws.organizations("ListParents"), 2);
        aws.failFirst(() -> FakeAws.organizations("DescribePolicy"), 2);

        AccountSnapshot snapshot = scan();

        assertThat(snapshot.organization().scpLevels()).hasSize(3);
        assertThat(snapshot.gaps()).isEmpty();
    }
}
