package dev.iamatlas.app.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.iamatlas.app.scan.FakeAws.functionConfig;
import static dev.iamatlas.app.scan.FakeAws.inRegion;
import static dev.iamatlas.app.scan.FakeAws.lambdaError;
import static dev.iamatlas.app.scan.FakeAws.listFunctions;
import static dev.iamatlas.app.scan.FakeAws.query;
import static dev.iamatlas.app.scan.FakeAws.roleArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

class ScannerBehaviourTest extends ScanTestSupport {

    @Test
    void anEmptyAccountIsCompleteWithTheFewestCallsPossible() {
        AccountSnapshot snapshot = scan();

        assertThat(snapshot.accountId()).isEqualTo(FakeAws.ACCOUNT);
        assertThat(snapshot.metadata().callerArn()).isEqualTo(FakeAws.CALLER_ARN);
        assertThat(snapshot.metadata().regions()).containsExactly("us-east-1");
        assertThat(snapshot.metadata().source()).isEqualTo("scan");
        assertThat(snapshot.metadata().complete()).isTrue();
        assertThat(snapshot.metadata().startedAt()).isBeforeOrEqualTo(snapshot.metadata().finishedAt());
        assertThat(snapshot.functions()).isEmpty();
        assertThat(snapshot.restApis()).isEmpty();
        assertThat(snapshot.apisV2()).isEmpty();
        assertThat(snapshot.iam().users()).isEmpty();
        assertThat(snapshot.organization()).isNull();
        assertThat(snapshot.gaps()).isEmpty();
        assertThat(calls(snapshot)).isEqualTo(Map.of("sts", 1L, "iam", 3L, "organizations", 1L, "lambda", 1L,
                "apigateway", 1L, "apigatewayv2", 1L));
    }

    @Test
    void aRegionThatIsNotEnabledIsAGapAndTheOtherRegionIsComplete() {
        aws.functionsPage(null, null, functionConfig("orders", "$LATEST", roleArn("r")));
        for (String path : List.of("/2015-03-31/functions/?", "/restapis", "/v2/apis")) {
            aws.stub(1, inRegion(get(urlPathMatching(path)), "ap-east-1"), lambdaError(403,
                    "UnrecognizedClientException", "The security token included in the request is invalid."));
        }

        AccountSnapshot snapshot = scan(request().region("us-east-1").region("ap-east-1"));

        assertThat(snapshot.metadata().regions()).containsExactly("us-east-1", "ap-east-1");
        assertThat(snapshot.functions()).extracting(LambdaFunction::region).containsExactly("us-east-1");
        assertThat(snapshot.gaps()).hasSize(3).allSatisfy(gap -> {
            assertThat(gap.region()).isEqualTo("ap-east-1");
            assertThat(gap.errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(gap.message()).startsWith("the region may not be enabled for this account");
        });
        assertThat(snapshot.gaps()).extracting(g -> g.service() + " " + g.operation())
                .containsExactly("apigateway GetRestApis", "apigatewayv2 GetApis", "lambda ListFunctions");
        assertThat(snapshot.metadata().complete()).isTrue();
    }

    @Test
    void cancellingKeepsWhatWasGatheredAndMarksTheSnapshotIncomplete() {
        String[] configs = new String[20];
        for (int i = 0; i < configs.length; i++) {
            configs[i] = functionConfig("fn" + i, "$LATEST", roleArn("r"));
        }
        aws.functionsPage(null, null, configs);
        aws.slow(get(urlPathMatching("/2015-03-31/functions/[^/]+/policy")), Duration.ofMillis(300),
                lambdaError(404, "ResourceNotFoundException", "none"));
        CancellationToken cancellation = CancellationToken.create();
        List<ScanProgress> reports = new CopyOnWriteArrayList<>();
        ScanListener cancelOnceFunctionsAreListed = progress -> {
            reports.add(progress);
            if (progress.services().stream().anyMatch(s -> s.service().equals("lambda") && s.found() == 20)) {
                cancellation.cancel();
            }
        };

        long start = System.nanoTime();
        AccountSnapshot snapshot = AwsScanner.create().scan(request().tuning(FAST.withThreadsPerLane(1)).build(),
                cancelOnceFunctionsAreListed, cancellation);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(snapshot.metadata().complete()).isFalse();
        assertThat(snapshot.functions()).hasSize(20);
        assertThat(snapshot.gaps()).anySatisfy(gap -> {
            assertThat(gap.service()).isEqualTo("lambda");
            assertThat(gap.errorCode()).isEqualTo("Cancelled");
        });
        assertThat(aws.requests(get(urlPathMatching("/2015-03-31/functions/[^/]+/policy")))).hasSizeLessThan(20);
        assertThat(reports.get(reports.size() - 1).finished()).isTrue();
        assertThat(reports.get(reports.size() - 1).fraction()).isLessThan(1.0);
    }

    @Test
    void progressReportsCountsPerServiceAndRegionAndEndsAtOne() {
        LambdaScanTest.twoFunctionsOverTwoPages(aws);
        List<ScanProgress> reports = new CopyOnWriteArrayList<>();

        AwsScanner.create().scan(request().build(), reports::add, CancellationToken.create());

        ScanProgress last = reports.get(reports.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.apiCalls()).isEqualTo(1 + 3 + 1 + 13 + 1 + 1);
        assertThat(last.services()).extracting(s -> s.service() + " " + s.region())
                .contains("lambda us-east-1", "apigateway us-east-1", "apigatewayv2 us-east-1", "iam global",
                        "organizations global");
        assertThat(last.services()).filteredOn(s -> s.service().equals("lambda")).singleElement()
                .satisfies(s -> {
                    assertThat(s.found()).isEqualTo(2);
                    assertThat(s.finished()).isTrue();
                });
        List<Double> fractions = reports.stream().map(ScanProgress::fraction).toList();
        assertThat(fractions).isSorted();
    }

    @Test
    void theReadOnlyGuardRefusesEveryOperationThatCouldChangeTheAccountBeforeSendingIt() {
        ScanRequest request = request().build();
        ScanInterceptor interceptor = new ScanInterceptor(new Pacer(1), new ApiCallCounter(), CancellationToken.create());
        try (ClientFactory clients = new ClientFactory(request, interceptor)) {
            clients.credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")));

            assertThatThrownBy(() -> clients.iam(Region.AWS_GLOBAL).deleteRole(r -> r.roleName("auditor")))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("read-only")
                    .hasMessageContaining("iam:DeleteRole");
            assertThatThrownBy(() -> clients.lambda("us-east-1").addPermission(r -> r.functionName("orders")
                    .statementId("x").action("lambda:InvokeFunction").principal("*")))
                    .hasMessageContaining("lambda:AddPermission");
            assertThatThrownBy(() -> clients.apiGateway("us-east-1").deleteRestApi(r -> r.restApiId("abc")))
                    .hasMessageContaining("apigateway:DeleteRestApi");
            assertThatThrownBy(() -> clients.apiGatewayV2("us-east-1").createRoute(r -> r.apiId("h1").routeKey("$default")))
                    .hasMessageContaining("apigatewayv2:CreateRoute");
        }
        OrganizationsJsonClient organizations = new OrganizationsJsonClient(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "SECRET")), aws.endpoint(),
                "us-east-1", new Pacer(1), new ApiCallCounter(), new RetryPolicy(FAST), CancellationToken.create());
        assertThatThrownBy(() -> organizations.call("DetachPolicy", OrganizationsJsonClient.body()))
                .hasMessageContaining("organizations:DetachPolicy");

        assertThat(aws.server.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void theGuardAllowsExactlyTheOperationsTheScannerUses() {
        for (String operation : List.of("GetAccountAuthorizationDetails", "ListAccountAliases", "ListRoles",
                "GetPolicy", "GetPolicyVersion", "ListFunctions", "ListAliases", "ListFunctionUrlConfigs",
                "GetFunctionUrlConfig", "GetRestApis", "GetResources", "GetMethod", "GetStages", "GetAuthorizers",
                "GetApis", "GetRoutes", "GetIntegrations", "GetAuthorizer", "DescribeOrganization", "ListParents",
                "ListRoots", "DescribeOrganizationalUnit", "DescribeAccount", "ListPoliciesForTarget",
                "DescribePolicy", "GetCallerIdentity")) {
            assertThat(ReadOnlyGuard.allows("any", operation)).as(operation).isTrue();
        }
        assertThat(ReadOnlyGuard.allows("sts", "AssumeRole")).isTrue();
        for (String operation : List.of("AssumeRole", "PutRolePolicy", "AddPermission", "RemovePermission",
                "UpdateFunctionConfiguration", "CreateDeployment", "TagResource", "DeleteRestApi", "InvokeFunction",
                "Invoke", "AttachPolicy")) {
            assertThat(ReadOnlyGuard.allows("iam", operation)).as(operation).isFalse();
        }
    }

    @Test
    void theStandardEndpointSettingsAreHonouredWhenNoEndpointIsGiven() {
        try (FakeAws lambdaElsewhere = new FakeAws().emptyAccount()) {
            lambdaElsewhere.functionsPage(null, null, functionConfig("elsewhere", "$LATEST", roleArn("r")));
            aws.functionsPage(null, null, functionConfig("here", "$LATEST", roleArn("r")));
            aws.accountAlias("via-aws-endpoint-url");
            System.setProperty("aws.endpointUrl", aws.endpoint().toString());
            System.setProperty("aws.endpointUrlLambda", lambdaElsewhere.endpoint().toString());
            try {
                AccountSnapshot fromSettings = scan(ScanRequest.builder().tuning(FAST));
                assertThat(fromSettings.metadata().accountAlias()).isEqualTo("via-aws-endpoint-url");
                assertThat(fromSettings.functions()).extracting(LambdaFunction::name).containsExactly("elsewhere");
                assertThat(aws.requests(FakeAws.organizations("DescribeOrganization"))).hasSize(1);

                AccountSnapshot overridden = scan(ScanRequest.builder().tuning(FAST).endpointUrl(aws.endpoint()));
                assertThat(overridden.functions()).extracting(LambdaFunction::name).containsExactly("here");
            } finally {
                System.clearProperty("aws.endpointUrl");
                System.clearProperty("aws.endpointUrlLambda");
            }
        }
    }

    @Test
    void aRoleIsAssumedWithItsExternalIdAndTheScanUsesItsCredentials() {
        stubAssumeRole("ASIAASSUMEDKEY", "assumed-secret-value", "assumed-session-token");

        AccountSnapshot snapshot = scan(request().roleArn("arn:aws:iam::111122223333:role/auditor")
                .externalId("ext-42"));

        var assume = aws.requests(query("sts", "AssumeRole"));
        assertThat(assume).singleElement().satisfies(r -> {
            assertThat(r.getBodyAsString()).contains("RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fauditor")
                    .contains("ExternalId=ext-42").contains("RoleSessionName=iam-atlas-scan");
            assertThat(r.getHeader("Authorization")).contains("Credential=" + ACCESS_KEY + "/");
        });
        assertThat(aws.requests(listFunctions())).singleElement().satisfies(r -> {
            assertThat(r.getHeader("Authorization")).contains("Credential=ASIAASSUMEDKEY/");
            assertThat(r.getHeader("X-Amz-Security-Token")).isEqualTo("assumed-session-token");
        });
        assertThat(calls(snapshot, "sts")).isEqualTo(2);
        String json = SnapshotJson.toJson(snapshot);
        assertThat(json).doesNotContain(SECRET_KEY).doesNotContain("assumed-secret-value")
                .doesNotContain("assumed-session-token").doesNotContain(ACCESS_KEY);
    }

    @Test
    void aProfileWithMfaAsksForTheCodeAndAssumesItsRoleFromItsSourceProfile() throws Exception {
        java.nio.file.Files.writeString(configFile, """
                [profile audit]
                role_arn = arn:aws:iam::111122223333:role/auditor
                source_profile = base
                mfa_serial = arn:aws:iam::111122223333:mfa/alice
                region = us-east-1
                """);
        java.nio.file.Files.writeString(credentialsFile, """
                [base]
                aws_access_key_id = AKIDBASEPROFILE
                aws_secret_access_key = base-secret
                """);
        stubAssumeRole("ASIAMFAKEY", "mfa-secret", "mfa-token");
        List<String> asked = new ArrayList<>();

        AccountSnapshot snapshot = scan(request().profile("audit").mfaPrompt(serial -> {
            asked.add(serial);
            return "123456";
        }));

        assertThat(asked).containsExactly("arn:aws:iam::111122223333:mfa/alice");
        assertThat(aws.requests(query("sts", "AssumeRole"))).singleElement().satisfies(r -> {
            assertThat(r.getBodyAsString()).contains("SerialNumber=arn%3Aaws%3Aiam%3A%3A111122223333%3Amfa%2Falice")
                    .contains("TokenCode=123456");
            assertThat(r.getHeader("Authorization")).contains("Credential=AKIDBASEPROFILE/");
        });
        assertThat(aws.requests(listFunctions()).get(0).getHeader("Authorization")).contains("Credential=ASIAMFAKEY/");
        assertThat(snapshot.gaps()).isEmpty();
    }

    @Test
    void aNamedProfileIsUsedInsteadOfTheDefaultChain() throws Exception {
        java.nio.file.Files.writeString(credentialsFile, """
                [shop]
                aws_access_key_id = AKIDSHOPPROFILE
                aws_secret_access_key = shop-secret
                """);

        scan(request().profile("shop"));

        assertThat(aws.requests(listFunctions()).get(0).getHeader("Authorization")).contains("Credential=AKIDSHOPPROFILE/");
    }

    @Test
    void anUnknownProfileOrCredentialsThatStsRejectsStopTheScanWithOneLine() {
        assertThatThrownBy(() -> scan(request().profile("nope"))).isInstanceOf(ScanException.class)
                .hasMessageStartingWith("profile 'nope' is not in the AWS config files");

        aws.stub(1, query("sts", "GetCallerIdentity"), com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(403).withHeader("Content-Type", "text/xml").withBody("<ErrorResponse><Error><Type>Sender"
                        + "</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is "
                        + "invalid.</Message></Error><RequestId>1</RequestId></ErrorResponse>"));
        assertThatThrownBy(this::scan).isInstanceOf(ScanException.class).hasMessage(
                "could not identify the account with these credentials: InvalidClientTokenId (The security token "
                        + "included in the request is invalid.)");
    }

    private void stubAssumeRole(String keyId, String secret, String token) {
        aws.stub(1, query("sts", "AssumeRole"), com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(200).withHeader("Content-Type", "text/xml").withBody(
                        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                                + "<Credentials><AccessKeyId>" + keyId + "</AccessKeyId><SecretAccessKey>" + secret
                                + "</SecretAccessKey><SessionToken>" + token + "</SessionToken><Expiration>"
                                + "2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::"
                                + "111122223333:assumed-role/auditor/iam-atlas-scan</Arn><AssumedRoleId>AROAX:"
                                + "iam-atlas-scan</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                                + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>"));
    }

}
