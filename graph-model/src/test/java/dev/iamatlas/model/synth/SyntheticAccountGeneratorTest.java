package dev.iamatlas.model.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ApiV2;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticAccountGeneratorTest {

    /** A tenth of the benchmark account: big enough for every kind of thing to appear, quick to build. */
    private static final SynthConfig TENTH = SynthConfig.of(500, 1_000, 100, 7);
    private static final AccountSnapshot ACCOUNT = SyntheticAccountGenerator.generate(TENTH);

    @Test
    void theSameSeedGivesByteIdenticalJson() {
        String first = SnapshotJson.toJson(SyntheticAccountGenerator.generate(SynthConfig.of(120, 200, 25, 42)));
        String second = SnapshotJson.toJson(SyntheticAccountGenerator.generate(SynthConfig.of(120, 200, 25, 42)));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherAccount() {
        String first = SnapshotJson.toJson(SyntheticAccountGenerator.generate(SynthConfig.of(120, 200, 25, 42)));
        String other = SnapshotJson.toJson(SyntheticAccountGenerator.generate(SynthConfig.of(120, 200, 25, 43)));
        assertThat(other).isNotEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource({"500, 1000, 100, 2000, 2000", "50, 100, 10, 200, 200", "10, 5, 3, 3, 40", "0, 0, 0, 0, 0",
        "30, 60, 4, 90, 150"})
    void theRequestedCountsAreMetExactly(int functions, int roles, int apis, int routes, int policies) {
        AccountSnapshot account = SyntheticAccountGenerator.generate(
                new SynthConfig(functions, roles, apis, routes, policies, 3, "123456789012"));

        assertThat(account.functions()).hasSize(functions);
        assertThat(account.iam().roles()).hasSize(roles);
        assertThat(account.restApis().size() + account.apisV2().size()).isEqualTo(apis);
        assertThat(SyntheticAccounts.routeCount(account)).isEqualTo(routes);
        if (policies >= 2 * roles) {
            assertThat(SyntheticAccounts.policyCount(account)).isEqualTo(policies);
        }
    }

    @Test
    void theTenthAccountHitsItsPolicyTarget() {
        assertThat(SyntheticAccounts.policyCount(ACCOUNT)).isEqualTo(TENTH.policies());
    }

    @Test
    void namesAndIdsAreUnique() {
        assertThat(unique(ACCOUNT.functions().stream().map(LambdaFunction::arn))).isTrue();
        assertThat(unique(ACCOUNT.iam().roles().stream().map(IamRole::arn))).isTrue();
        assertThat(unique(Stream.concat(ACCOUNT.restApis().stream().map(RestApi::id),
                ACCOUNT.apisV2().stream().map(ApiV2::apiId)))).isTrue();
        assertThat(unique(ACCOUNT.iam().managedPolicies().stream().map(m -> m.arn()))).isTrue();
    }

    @Test
    void everyFunctionRunsAsARoleOfTheAccount() {
        Set<String> roles = new HashSet<>();
        ACCOUNT.iam().roles().forEach(r -> roles.add(r.arn()));
        assertThat(ACCOUNT.functions()).allSatisfy(f -> assertThat(roles).contains(f.roleArn()));
    }

    @Test
    void everyAttachedManagedPolicyIsInTheSnapshot() {
        Set<String> managed = new HashSet<>();
        ACCOUNT.iam().managedPolicies().forEach(m -> managed.add(m.arn()));
        ACCOUNT.iam().roles().forEach(r -> assertThat(managed).containsAll(r.attachedPolicyArns()));
        ACCOUNT.iam().users().forEach(u -> assertThat(managed).containsAll(u.attachedPolicyArns()));
        ACCOUNT.iam().groups().forEach(g -> assertThat(managed).containsAll(g.attachedPolicyArns()));
        ACCOUNT.iam().roles().stream().map(IamRole::permissionsBoundaryArn).filter(Objects::nonNull)
                .forEach(b -> assertThat(managed).contains(b));
    }

    @Test
    void everyPolicyIsAJsonPolicyDocument() {
        Stream<PolicyText> policies = Stream.of(
                ACCOUNT.iam().roles().stream().flatMap(r -> Stream.concat(Stream.of(r.trustPolicy()),
                        r.inlinePolicies().stream().map(p -> p.document()))),
                ACCOUNT.iam().managedPolicies().stream().flatMap(m -> m.versions().stream().map(v -> v.document())),
                ACCOUNT.functions().stream().flatMap(f -> Stream.concat(Stream.of(f.resourcePolicy()),
                        f.aliases().stream().map(FunctionAlias::resourcePolicy))),
                ACCOUNT.restApis().stream().map(RestApi::policy)).flatMap(s -> s).filter(Objects::nonNull);
        assertThat(policies).allSatisfy(p -> {
            assertThat(p.isJson()).isTrue();
            assertThat(p.tree().path("Version").asText()).isEqualTo("2012-10-17");
            assertThat(p.tree().path("Statement").isArray()).isTrue();
        });
    }

    @Test
    void theAccountHasTheVarietyOfARealOne() {
        List<RestMethod> methods = ACCOUNT.restApis().stream().flatMap(a -> a.resources().stream())
                .flatMap(r -> r.methods().stream()).toList();
        assertThat(methods).extracting(RestMethod::authorizationType)
                .contains("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS");
        assertThat(methods).filteredOn(m -> m.integration() != null).extracting(m -> m.integration().type())
                .contains("AWS_PROXY", "AWS", "HTTP_PROXY", "MOCK");
        assertThat(methods).anyMatch(RestMethod::apiKeyRequired);
        assertThat(methods).anyMatch(m -> m.integration() != null && m.integration().credentials() != null);
        assertThat(methods).anyMatch(m -> m.integration() != null && m.integration().uri() != null
                && m.integration().uri().contains("${stageVariables.alias}"));
        assertThat(ACCOUNT.restApis()).flatExtracting(RestApi::endpointTypes).contains("EDGE", "REGIONAL", "PRIVATE");
        assertThat(ACCOUNT.restApis()).filteredOn(RestApi::privateEndpoint)
                .allSatisfy(a -> assertThat(a.policy().json()).contains("aws:SourceVpce"));
        assertThat(ACCOUNT.restApis()).anyMatch(a -> a.policy() != null && a.policy().json().contains("aws:SourceIp"));
        assertThat(ACCOUNT.apisV2()).extracting(ApiV2::protocolType).contains("HTTP", "WEBSOCKET");
        assertThat(ACCOUNT.apisV2()).flatExtracting(ApiV2::authorizers).extracting(a -> a.authorizerType())
                .contains("JWT", "REQUEST");
        assertThat(ACCOUNT.apisV2()).flatExtracting(ApiV2::routes).extracting(r -> r.routeKey())
                .contains("$default", "$connect");

        String policies = String.join("\n", ACCOUNT.functions().stream().flatMap(f -> Stream.concat(
                Stream.of(f.resourcePolicy()), f.aliases().stream().map(FunctionAlias::resourcePolicy)))
                .filter(Objects::nonNull).map(PolicyText::json).toList());
        for (String needle : List.of("\"AWS:SourceArn\"", "/*/*\"", "\"AWS\":\"arn:aws:iam::", ":root\"",
                "lambda:FunctionUrlAuthType", "\"Id\":\"default\"", "\"Service\":\"apigateway.amazonaws.com\"")) {
            assertThat(policies.contains(needle)).as("some function policy contains %s", needle).isTrue();
        }
        assertThat(ACCOUNT.functions()).flatExtracting(LambdaFunction::urlConfigs).extracting(u -> u.authType())
                .contains("NONE", "AWS_IAM");
        assertThat(ACCOUNT.functions()).flatExtracting(LambdaFunction::aliases).extracting(FunctionAlias::name)
                .contains("live", "canary");

        assertThat(ACCOUNT.iam().roles()).anyMatch(IamRole::serviceLinked);
        assertThat(ACCOUNT.iam().roles()).anyMatch(r -> r.permissionsBoundaryArn() != null);
        assertThat(ACCOUNT.iam().roles()).anyMatch(r -> r.trustPolicy().json().contains("sts:ExternalId"));
        assertThat(ACCOUNT.iam().roles()).anyMatch(r -> r.trustPolicy().json().contains(":root\"")
                && !r.trustPolicy().json().contains("sts:ExternalId"));
        assertThat(ACCOUNT.iam().roles()).anyMatch(r -> r.attachedPolicyArns()
                .contains(AwsManagedPolicies.ADMINISTRATOR_ACCESS));
        assertThat(ACCOUNT.iam().managedPolicies()).anyMatch(m -> m.versions().size() > 2);
        assertThat(ACCOUNT.iam().users()).isNotEmpty();
        assertThat(ACCOUNT.iam().groups()).isNotEmpty();
        assertThat(ACCOUNT.organization().scpLevels()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(ACCOUNT.metadata().regions()).hasSizeBetween(2, 3);
        assertThat(ACCOUNT.metadata().source()).isEqualTo("synth");
    }

    @Test
    void restResourcesFormATree() {
        for (RestApi api : ACCOUNT.restApis()) {
            Set<String> ids = new HashSet<>();
            api.resources().forEach(r -> ids.add(r.id()));
            assertThat(api.resources()).filteredOn(r -> r.path().equals("/")).hasSize(1);
            assertThat(api.resources()).filteredOn(r -> !r.path().equals("/"))
                    .allSatisfy(r -> assertThat(ids).contains(r.parentId()));
            assertThat(unique(api.resources().stream().map(RestResource::path))).isTrue();
        }
    }

    @Test
    void impossibleSizesAreRefusedWithTheBadValue() {
        assertThatThrownBy(() -> new SynthConfig(-1, 1, 1, 1, 1, 0, "123456789012"))
                .hasMessageContaining("functions must be at least 0, got -1");
        assertThatThrownBy(() -> new SynthConfig(1, 1, 10, 5, 1, 0, "123456789012"))
                .hasMessageContaining("routes must be at least 10, got 5");
        assertThatThrownBy(() -> new SynthConfig(1, 1, 1, 1, 1, 0, "12345"))
                .hasMessageContaining("accountId must be 12 digits");
    }

    private static boolean unique(Stream<String> values) {
        Set<String> seen = new HashSet<>();
        return values.allMatch(seen::add);
    }
}
