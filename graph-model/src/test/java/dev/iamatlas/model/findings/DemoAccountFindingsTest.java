package dev.iamatlas.model.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled demo account gives exactly the findings and the reach that docs/demo-account.md lists as its answer
 * key: each of the nine rules on its exact resources, nothing on the healthy neighbours. (Skipped where the demo
 * account is not bundled yet.)
 */
class DemoAccountFindingsTest {
    private static final String DEMO = "/dev/iamatlas/resources/demo/demo-account.json";
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:111122223333:function:";
    private static final String LAMBDA_EU = "arn:aws:lambda:eu-west-1:111122223333:function:";
    private static final String IAM = "arn:aws:iam::111122223333:role/";
    private static final String STOREFRONT = "arn:aws:execute-api:us-east-1:111122223333:k3x8pq2m7d/";

    private static AnalysisSession session;

    @BeforeAll
    static void open() throws IOException {
        try (InputStream in = DemoAccountFindingsTest.class.getResourceAsStream(DEMO)) {
            Assumptions.assumeTrue(in != null, "the demo account is not bundled on this branch");
            AccountSnapshot demo = SnapshotJson.read(in, "demo");
            session = AnalysisSession.open(demo, 2);
        }
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void everyIntendedFindingIsReportedOnItsExactResourceAndNothingElse() {
        List<String> found = session.findings().stream().map(f -> f.ruleId() + " " + f.resource()).sorted().toList();

        assertThat(found).containsExactlyInAnyOrder(
                "APIGW_LAMBDA_PERMISSION_MISSING " + LAMBDA + "invoice-renderer:live", // prod
                "APIGW_LAMBDA_PERMISSION_MISSING " + LAMBDA + "invoice-renderer:live", // dev
                "APIGW_CREDENTIALS_ROLE_BROKEN " + LAMBDA + "payments-service:live",
                "APIGW_CREDENTIALS_ROLE_BROKEN " + LAMBDA + "payments-service:live",
                "LAMBDA_PERMISSION_NO_SOURCE " + LAMBDA_EU + "partner-sync",
                "LAMBDA_PERMISSION_SOURCE_TOO_BROAD " + LAMBDA + "cart-service:live",
                "LAMBDA_PUBLIC_INVOKE " + LAMBDA + "image-resizer",
                "LAMBDA_CROSS_ACCOUNT_INVOKE " + LAMBDA_EU + "inventory-sync:live",
                "PUBLIC_ROUTE_TO_PRIVILEGED_ROLE " + STOREFRONT + "prod/GET/reports/daily",
                "PUBLIC_ROUTE_TO_PRIVILEGED_ROLE " + STOREFRONT + "dev/GET/reports/daily",
                "ROLE_TRUST_TOO_BROAD " + IAM + "partners/partner-inventory-access",
                "UNUSED_LAMBDA_PERMISSION " + LAMBDA + "catalog-service");
    }

    @Test
    void thePrivilegedRouteNamesTheAdministratorRoleBehindIt() {
        assertThat(session.findings()).filteredOn(f -> f.ruleId().equals(RuleCatalogue.PUBLIC_ROUTE_TO_PRIVILEGED_ROLE))
                .allSatisfy(f -> assertThat(f.principal()).isEqualTo(IAM + "legacy-reports-role"));
    }

    @Test
    void theReachSummaryListsThePublicStorefrontRoutesTheirFunctionsAndRoles() {
        ReachSummary reach = session.reach();

        List<String> storefront = List.of("GET /reports/daily", "GET /products", "OPTIONS /products",
                "GET /products/{productId}", "GET /cart", "POST /cart", "DELETE /cart/items/{itemId}", "ANY /legacy/{proxy+}");
        List<String> expected = new java.util.ArrayList<>();
        storefront.forEach(r -> expected.add(r + " [prod]"));
        storefront.forEach(r -> expected.add(r + " [dev]"));
        expected.add("GET /health [$default]");
        assertThat(reach.publicRoutes()).extracting(ReachSummary.PublicRoute::label)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(reach.publicRoutes()).extracting(ReachSummary.PublicRoute::apiId)
                .containsOnly("k3x8pq2m7d", "w5n3b7c1ze"); // not the private admin-api, not the IP-restricted orders-api route
        assertThat(reach.functions()).extracting(ReachSummary.ReachedFunction::functionId).containsExactlyInAnyOrder(
                LAMBDA + "catalog-service", LAMBDA + "cart-service", LAMBDA + "legacy-reports",
                LAMBDA_EU + "shipping-webhook", LAMBDA + "image-resizer");
        assertThat(directQualifiers(reach, LAMBDA + "catalog-service")).containsExactly("canary [dev]", "live [prod]");
        assertThat(directQualifiers(reach, LAMBDA + "cart-service")).containsExactly("canary [dev]", "live [prod]");
        assertThat(directQualifiers(reach, LAMBDA + "legacy-reports")).containsExactly("$LATEST [dev] [prod]");
        assertThat(directQualifiers(reach, LAMBDA_EU + "shipping-webhook")).containsExactly("live [$default]");
        assertThat(directQualifiers(reach, LAMBDA + "image-resizer")).containsExactly("$LATEST (URL)");
        assertThat(reach.roles()).extracting(ReachSummary.RoleBehind::roleId).containsExactlyInAnyOrder(
                IAM + "cart-service-role", IAM + "catalog-service-role", IAM + "image-resizer-role",
                IAM + "legacy-reports-role", IAM + "shipping-webhook-role");
        assertThat(reach.roles()).filteredOn(ReachSummary.RoleBehind::adminEquivalent)
                .extracting(ReachSummary.RoleBehind::roleId).containsExactly(IAM + "legacy-reports-role");
    }

    /** Each qualifier a public route or URL names, with the stages of its routes ("live [prod]") or "(URL)". */
    private static List<String> directQualifiers(ReachSummary reach, String function) {
        ReachSummary.ReachedFunction f = reach.functions().stream().filter(x -> x.functionId().equals(function))
                .findFirst().orElseThrow();
        return f.directQualifiers().stream().map(q -> q.qualifier() + " " + q.via().stream()
                .map(v -> v.startsWith("https://") ? "(URL)" : "[" + v.split("/")[1] + "]").distinct().sorted()
                .collect(java.util.stream.Collectors.joining(" "))).toList();
    }
}
