package dev.iamatlas.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo account, loaded the way the program loads it, has the shape that {@code docs/demo-account.md}
 * describes: Acme Shop's APIs, functions, aliases, authorizers, function URLs and the partner account.
 */
class DemoAccountShapeTest {

    private static final String ACCOUNT = "111122223333";
    private static final String PARTNER = "444455556666";
    private static AccountSnapshot demo;

    @BeforeAll
    static void load() throws IOException {
        demo = SnapshotSource.load("demo");
    }

    @Test
    void itIsAcmeShopInTwoRegions() {
        assertThat(demo.accountId()).isEqualTo(ACCOUNT);
        assertThat(demo.metadata().accountAlias()).isEqualTo("acme-shop-prod");
        assertThat(demo.metadata().regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(demo.metadata().source()).isEqualTo("demo");
        assertThat(demo.gaps()).isEmpty();
    }

    @Test
    void itHasThreeRestApisAndAnHttpApi() {
        assertThat(demo.restApis()).extracting(RestApi::name)
                .containsExactly("storefront-api", "orders-api", "admin-api");
        assertThat(demo.restApis()).extracting(a -> a.endpointTypes().get(0))
                .containsExactly("EDGE", "REGIONAL", "PRIVATE");
        assertThat(restApi("admin-api").vpcEndpointIds()).containsExactly("vpce-0a12b34c56d78e9f0");
        assertThat(restApi("admin-api").policy().json()).contains("aws:SourceVpce");
        assertThat(restApi("orders-api").policy().json()).contains("aws:SourceIp");
        assertThat(demo.apisV2()).singleElement().satisfies(api -> {
            assertThat(api.name()).isEqualTo("partner-webhooks");
            assertThat(api.protocolType()).isEqualTo("HTTP");
            assertThat(api.region()).isEqualTo("eu-west-1");
            assertThat(api.stages()).extracting(StageV2::stageName).containsExactly("$default");
            assertThat(api.routes()).extracting(RouteV2::routeKey).contains("$default");
            assertThat(api.authorizers()).extracting(AuthorizerV2::authorizerType).containsExactly("JWT");
        });
    }

    @Test
    void stageVariablesPickTheAliasPerStage() {
        for (String name : List.of("storefront-api", "orders-api")) {
            assertThat(restApi(name).stages()).extracting(s -> s.name() + "=" + s.variables().get("lambdaAlias"))
                    .containsExactly("prod=live", "dev=canary");
        }
        assertThat(methods().map(m -> m.integration().uri()).filter(Objects::nonNull))
                .anyMatch(uri -> uri.contains(":${stageVariables.lambdaAlias}/invocations"));
    }

    @Test
    void itHasADozenFunctionsWithAliasesAndVersions() {
        assertThat(demo.functions()).hasSizeBetween(12, 16);
        assertThat(demo.functions()).extracting(LambdaFunction::name).contains("orders-api-handler",
                "legacy-reports", "auth-token-validator", "image-resizer", "inventory-sync", "partner-sync");
        assertThat(demo.functions()).flatExtracting(LambdaFunction::aliases).extracting(FunctionAlias::name)
                .contains("live", "canary");
        assertThat(function("orders-api-handler").aliases()).anyMatch(a -> !a.additionalVersionWeights().isEmpty());
        assertThat(demo.functions()).allSatisfy(f -> assertThat(f.versions()).allSatisfy(
                v -> assertThat(v.arn()).isEqualTo(f.arn() + ":" + v.version())));
    }

    @Test
    void everyFunctionRunsAsARoleOfTheAccountAndEveryManagedPolicyIsPresent() {
        Set<String> roles = new HashSet<>();
        demo.iam().roles().forEach(r -> roles.add(r.arn()));
        assertThat(demo.functions()).allSatisfy(f -> assertThat(roles).contains(f.roleArn()));
        Set<String> managed = new HashSet<>();
        demo.iam().managedPolicies().forEach(m -> managed.add(m.arn()));
        Stream.of(demo.iam().roles().stream().flatMap(r -> Stream.concat(r.attachedPolicyArns().stream(),
                                Stream.ofNullable(r.permissionsBoundaryArn()))),
                        demo.iam().users().stream().flatMap(u -> Stream.concat(u.attachedPolicyArns().stream(),
                                Stream.ofNullable(u.permissionsBoundaryArn()))),
                        demo.iam().groups().stream().flatMap(g -> g.attachedPolicyArns().stream()))
                .flatMap(s -> s).forEach(arn -> assertThat(managed).contains(arn));
    }

    @Test
    void theOrdersApiHasALambdaAuthorizerAndCognito() {
        RestApi orders = restApi("orders-api");
        assertThat(orders.authorizers()).extracting(RestAuthorizer::type)
                .containsExactly("TOKEN", "COGNITO_USER_POOLS");
        assertThat(orders.authorizers().get(0).authorizerUri())
                .contains(":function:auth-token-validator:live/invocations");
        assertThat(function("auth-token-validator").aliases().get(0).resourcePolicy().json())
                .contains("r7t2v9w4yb/authorizers/tk8c2a");
    }

    @Test
    void thereIsAPublicFunctionUrlAndAnIamOne() {
        assertThat(function("image-resizer").urlConfigs()).singleElement()
                .extracting(FunctionUrlConfig::authType).isEqualTo("NONE");
        assertThat(function("image-resizer").resourcePolicy().json())
                .contains("\"lambda:FunctionUrlAuthType\":\"NONE\"", "lambda:InvokeFunctionUrl", "\"Principal\":\"*\"");
        assertThat(function("export-service").urlConfigs()).singleElement()
                .extracting(FunctionUrlConfig::authType).isEqualTo("AWS_IAM");
    }

    @Test
    void thePartnerAccountMayInvokeAFunctionAndAssumeARole() {
        String partnerRoot = "arn:aws:iam::" + PARTNER + ":root";
        assertThat(function("inventory-sync").aliases()).singleElement()
                .satisfies(a -> assertThat(a.resourcePolicy().json()).contains(partnerRoot));
        assertThat(demo.iam().roles()).filteredOn(r -> r.trustPolicy().json().contains(partnerRoot))
                .extracting(IamRole::name).containsExactly("partner-inventory-access", "partner-reporting-readonly");
    }

    @Test
    void theAccountIsInAnOrganization() {
        assertThat(demo.organization().scpLevels()).extracting(OrgLevel::targetType)
                .containsExactly("ROOT", "ORGANIZATIONAL_UNIT", "ACCOUNT");
    }

    private static RestApi restApi(String name) {
        return demo.restApis().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static LambdaFunction function(String name) {
        return demo.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Stream<RestMethod> methods() {
        return demo.restApis().stream().flatMap(a -> a.resources().stream()).flatMap(r -> r.methods().stream());
    }
}
