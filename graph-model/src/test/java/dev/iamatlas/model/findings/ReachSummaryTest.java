package dev.iamatlas.model.findings;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.FunctionVersion;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The reach summary lists each Internet-reachable function once, with the qualifiers it is reached through, and
 * counts a public function URL the way {@code LAMBDA_PUBLIC_INVOKE} does.
 */
class ReachSummaryTest {
    private static final String ORDERS = functionArn("orders");
    private static final String URL = "https://u.lambda-url.us-east-1.on.aws/";

    private static <T> T analyse(AccountSnapshot s, Function<AnalysisSession, T> what) {
        try (AnalysisSession session = AnalysisSession.open(s, 1)) {
            return what.apply(session);
        }
    }

    /** orders with versions 1 and 2, alias live → 1 behind GET /orders and canary → 2 behind GET /beta, on prod. */
    private static AccountSnapshot twoAliases() {
        String live = ORDERS + ":live";
        String canary = ORDERS + ":canary";
        LambdaFunction f = function("orders", "orders-role", null).toBuilder()
                .version(new FunctionVersion("1", ORDERS + ":1", roleArn("orders-role"), null))
                .version(new FunctionVersion("2", ORDERS + ":2", roleArn("orders-role"), null))
                .alias(alias("orders", "live", "1", policy(apiGatewayPermission("live", live,
                        routeArn("prod", "GET", "/orders")))))
                .alias(alias("orders", "canary", "2", policy(apiGatewayPermission("canary", canary,
                        routeArn("prod", "GET", "/beta")))))
                .build();
        return account().role(executionRole("orders-role", null)).function(f)
                .restApi(restApi(List.of("prod"), "/orders", method("GET", "NONE", invocationUri(live)),
                        "/beta", method("GET", "NONE", invocationUri(canary))).build())
                .build();
    }

    @Test
    void aFunctionReachedThroughTwoAliasesIsOneEntryListingEachAliasWithItsOwnRoute() {
        ReachSummary reach = analyse(twoAliases(), AnalysisSession::reach);

        assertThat(reach.functions()).hasSize(1);
        ReachSummary.ReachedFunction f = reach.functions().get(0);
        assertThat(f.functionId()).isEqualTo(ORDERS);
        assertThat(f.label()).isEqualTo("orders");
        assertThat(f.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(f.via()).containsExactly(routeArn("prod", "GET", "/beta"), routeArn("prod", "GET", "/orders"));
        assertThat(f.roles()).containsExactly(roleArn("orders-role"));
        assertThat(f.qualifiers()).extracting(ReachSummary.ReachedQualifier::qualifier)
                .containsExactly("canary", "live", "1", "2");
        assertThat(f.directQualifiers()).extracting(f::describe).containsExactly("canary → 2", "live → 1");
        assertThat(f.directQualifiers()).extracting(ReachSummary.ReachedQualifier::via).containsExactly(
                List.of(routeArn("prod", "GET", "/beta")), List.of(routeArn("prod", "GET", "/orders")));
    }

    @Test
    void theRoleBehindNamesTheFunctionNotItsVersions() {
        ReachSummary reach = analyse(twoAliases(), AnalysisSession::reach);

        assertThat(reach.roles()).singleElement().satisfies(r -> assertThat(r.functions()).containsExactly(ORDERS));
    }

    private static final String URL_ONLY = functionUrlPermission(ORDERS, "NONE");
    private static final String INVOKE_VIA_URL = invokeViaFunctionUrlPermission(ORDERS);
    private static final String URL_FROM_OFFICE = "{'Sid':'office','Effect':'Allow','Principal':'*',"
            + "'Action':['lambda:InvokeFunctionUrl','lambda:InvokeFunction'],'Resource':'" + ORDERS + "','Condition':"
            + "{'StringEquals':{'lambda:FunctionUrlAuthType':'NONE'},'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}";

    private static AccountSnapshot publicUrl(PolicyText policy) {
        LambdaFunction f = function("orders", "orders-role", policy).toBuilder()
                .urlConfig(new FunctionUrlConfig(URL, ORDERS, null, "NONE", null)).build();
        return account().role(executionRole("orders-role", null)).function(f).build();
    }

    @Test
    void aUrlWithBothPermissionsMakesItsFunctionReachableForCertain() {
        ReachSummary reach = analyse(publicUrl(policy(URL_ONLY, INVOKE_VIA_URL)), AnalysisSession::reach);

        assertThat(reach.functions()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(EdgeStatus.ALLOWED);
            assertThat(f.directQualifiers()).extracting(f::describe).containsExactly("$LATEST");
            assertThat(f.via()).containsExactly(URL);
        });
    }

    @Test
    void aUrlGrantingOnlyInvokeFunctionUrlIsShownAsPossiblyPublicAndReported() {
        AccountSnapshot s = publicUrl(policy(URL_ONLY));

        ReachSummary reach = analyse(s, AnalysisSession::reach);
        List<Finding> found = FindingsTest.findings(s, RuleCatalogue.LAMBDA_PUBLIC_INVOKE);

        assertThat(reach.functions()).singleElement().satisfies(f -> {
            assertThat(f.functionId()).isEqualTo(ORDERS);
            assertThat(f.status()).isEqualTo(EdgeStatus.CONDITIONAL);
            assertThat(f.via()).containsExactly(URL);
        });
        assertThat(reach.roles()).extracting(ReachSummary.RoleBehind::roleId).containsExactly(roleArn("orders-role"));
        assertThat(found).singleElement().satisfies(f -> assertThat(f.message()).contains("lambda:InvokeFunction"));
    }

    @Test
    void aUrlOpenOnlyToSomeAddressesIsNeitherReachableNorReportedAsPublic() {
        AccountSnapshot s = publicUrl(policy(URL_FROM_OFFICE));

        assertThat(analyse(s, AnalysisSession::reach).functions()).isEmpty();
        assertThat(FindingsTest.findings(s, RuleCatalogue.LAMBDA_PUBLIC_INVOKE)).isEmpty();
    }
}
