package dev.iamatlas.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanMetadata;
import dev.iamatlas.model.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;

/** Throttling and transient 5xx answers injected between the scanner and the endpoint lose nothing. */
class FaultInjectionTest extends ScanTestSupport {

    @Test
    void aScanThroughThrottlingAndServerErrorsGathersExactlyWhatADirectScanGathers() throws Exception {
        IamScanTest.accountOverTwoPages(aws);
        aws.iamPolicyOutsideGaad(IamScanTest.POWER_USER, "v1", IamScanTest.READ_S3_V1);
        LambdaScanTest.twoFunctionsOverTwoPages(aws);
        ApiGatewayScanTest.twoRestApis(aws);
        OrganizationsScanTest.accountInAnOrganization(aws);
        aws.stub(4, FakeAws.organizations("ListPoliciesForTarget").withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("RESOURCE_CONTROL_POLICY")),
                FakeAws.jsonError(400, "PolicyTypeNotEnabledException", "not enabled"));

        AccountSnapshot direct = scan();
        AccountSnapshot spoiled;
        int injected;
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(aws.endpoint(), 3)) {
            spoiled = scan(request().endpointUrl(proxy.endpoint()));
            injected = proxy.injected();
        }

        assertThat(direct.gaps()).isEmpty();
        assertThat(injected).isGreaterThan(15);
        assertThat(spoiled.gaps()).isEmpty();
        assertThat(withoutTimesAndCounts(spoiled)).isEqualTo(withoutTimesAndCounts(direct));
        assertThat(spoiled.metadata().totalApiCalls()).isEqualTo(direct.metadata().totalApiCalls() + injected);
    }

    private static String withoutTimesAndCounts(AccountSnapshot snapshot) {
        ScanMetadata m = snapshot.metadata();
        return SnapshotJson.toJson(snapshot.toBuilder().metadata(new ScanMetadata(m.accountId(), m.accountAlias(),
                m.partition(), m.regions(), m.source(), m.toolVersion(), m.callerArn(), null, null, m.complete(),
                null)).build());
    }
}
