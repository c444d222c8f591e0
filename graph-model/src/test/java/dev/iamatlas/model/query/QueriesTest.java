package dev.iamatlas.model.query;

import static dev.iamatlas.model.testing.Accounts.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamatlas.model.edit.AnalysisSession;
import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.testing.ShopAccount;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries over the shop account (see {@link ShopAccount}). */
class QueriesTest {
    private static AnalysisSession session;

    @BeforeAll
    static void open() {
        session = AnalysisSession.open(ShopAccount.snapshot(), 1);
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void whoCanInvokeFindsTheInternetThroughAPublicRoute() {
        WhoCanInvoke.Result r = WhoCanInvoke.of(session.graph(), session.run(), ShopAccount.ORDERS, false);

        WhoCanInvoke.CallerPath internet = r.callers().stream().filter(c -> c.callerId().equals(NodeIds.INTERNET))
                .findFirst().orElseThrow();
        assertThat(internet.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(internet.path()).hasSize(2);
        assertThat(internet.path().get(0).type()).isEqualTo(EdgeType.CALLS_ROUTE);
        assertThat(internet.path().get(1).type()).isIn(EdgeType.INVOKES, EdgeType.INVOKES_VIA_ROLE);
        assertThat(r.targets()).contains(ShopAccount.ORDERS + ":live", ShopAccount.ORDERS + ":1");
    }

    @Test
    void pathsFindTheInternetReachingTheAliasThroughTheStageVariable() {
        Paths.Result r = Paths.between(session.graph(), NodeIds.INTERNET, ShopAccount.ORDERS + ":live");

        assertThat(r.paths()).anySatisfy(p -> assertThat(p.edges()).extracting(AccessEdge::type)
                .containsExactly(EdgeType.CALLS_ROUTE, EdgeType.INVOKES));
    }

    @Test
    void whoCanInvokeIncludesPrincipalsWhoseOwnPoliciesAllowIt() {
        WhoCanInvoke.Result r = WhoCanInvoke.of(session.graph(), session.run(), ShopAccount.ORDERS, false);

        WhoCanInvoke.CallerPath bob = r.callers().stream().filter(c -> c.callerId().equals(userArn("bob")))
                .findFirst().orElseThrow();
        assertThat(bob.path().get(bob.path().size() - 1).derived()).isTrue();
        assertThat(bob.status()).isEqualTo(EdgeStatus.ALLOWED);
        assertThat(WhoCanInvoke.callerIds(r)).contains(roleArn("apigw-invoker"));
    }

    @Test
    void whoCanInvokeShowsBrokenPathsOnlyWhenAsked() {
        WhoCanInvoke.Result healthy = WhoCanInvoke.of(session.graph(), session.run(), ShopAccount.ORDERS, false);
        WhoCanInvoke.Result all = WhoCanInvoke.of(session.graph(), session.run(), ShopAccount.ORDERS, true);

        assertThat(healthy.callers()).allMatch(c -> c.status() != EdgeStatus.DENIED);
        assertThat(all.callers()).anyMatch(c -> c.status() == EdgeStatus.DENIED);
    }

    @Test
    void whoCanInvokeRejectsAFunctionThatIsNotThere() {
        assertThatThrownBy(() -> WhoCanInvoke.of(session.graph(), session.run(), functionArn("nope"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("function:nope");
    }

    @Test
    void canReachFollowsAssumeRoleChainsTransitively() {
        String provider = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";

        CanReach.Result r = CanReach.of(session.graph(), session.run(), provider);

        assertThat(r.roles()).extracting(CanReach.Reached::id).contains(roleArn("ci"), roleArn("deployer"));
        CanReach.Reached deployer = r.roles().stream().filter(x -> x.id().equals(roleArn("deployer"))).findFirst().orElseThrow();
        assertThat(deployer.path()).extracting(AccessEdge::type).containsExactly(EdgeType.CAN_ASSUME, EdgeType.CAN_ASSUME);
        assertThat(deployer.adminEquivalent()).isTrue();
        assertThat(r.adminReachable()).isTrue();
    }

    @Test
    void canReachFromTheInternetReachesTheAdminRoleBehindThePublicRoute() {
        CanReach.Result r = CanReach.of(session.graph(), session.run(), NodeIds.INTERNET);

        assertThat(r.functions()).extracting(CanReach.Reached::id).contains(ShopAccount.PAYMENTS, ShopAccount.REPORTS);
        assertThat(r.roles()).extracting(CanReach.Reached::id).contains(roleArn("payments-role"));
        assertThat(r.capabilities()).anyMatch(CanReach.Reached::adminEquivalent);
    }

    @Test
    void canReachExpandsIdentityPermissionsToTheFunctionsTheyCover() {
        CanReach.Result r = CanReach.of(session.graph(), session.run(), userArn("bob"));

        CanReach.Reached orders = r.functions().stream().filter(x -> x.id().equals(ShopAccount.ORDERS)).findFirst().orElseThrow();
        assertThat(orders.path().get(orders.path().size() - 1).derived()).isTrue();
        assertThat(r.roles()).extracting(CanReach.Reached::id).contains(roleArn("orders-role"));
    }

    @Test
    void pathsListsEverySimplePathBetweenTwoNodes() {
        Paths.Result r = Paths.between(session.graph(), NodeIds.INTERNET, roleArn("payments-role"));

        assertThat(r.paths()).isNotEmpty();
        assertThat(r.paths()).allMatch(p -> p.nodeIds().get(0).equals(NodeIds.INTERNET)
                && p.nodeIds().get(p.nodeIds().size() - 1).equals(roleArn("payments-role")));
        assertThat(r.paths().stream().map(p -> p.nodeIds().get(1)).collect(Collectors.toSet()))
                .contains(routeArn("prod", "POST", "/pay"), routeArn("test", "POST", "/pay"));
    }

    @Test
    void pathsSkipDeniedEdgesUnlessAsked() {
        String testPost = routeArn("test", "POST", "/orders");

        assertThat(Paths.between(session.graph(), testPost, ShopAccount.ORDERS).paths()).isEmpty();
        assertThat(Paths.between(session.graph(), testPost, ShopAccount.ORDERS, 4, 10, true).paths())
                .singleElement().extracting(Paths.Path::status).isEqualTo(EdgeStatus.DENIED);
    }

    @Test
    void pathsAreBounded() {
        Paths.Result r = Paths.between(session.graph(), NodeIds.INTERNET, roleArn("payments-role"), 8, 1, false);

        assertThat(r.paths()).hasSize(1);
        assertThat(r.truncated()).isTrue();
    }
}
