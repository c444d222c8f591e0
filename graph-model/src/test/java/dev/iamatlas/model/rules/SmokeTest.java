package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.*;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void prints() {
        AccountSnapshot s = account()
                .role(executionRole("orders-role", policy("{'Effect':'Allow','Action':['dynamodb:GetItem','dynamodb:Query'],'Resource':'arn:aws:dynamodb:us-east-1:111122223333:table/orders'}")))
                .function(function("orders", "orders-role", policy(apiGatewayPermission("apigw", functionArn("orders"), routeArn("prod", "GET", "/orders")))))
                .restApi(restApi(List.of("prod", "test"), "/orders", method("GET", "NONE", invocationUri(functionArn("orders")))).build())
                .build();
        AccessGraph g = AccessEngine.buildGraph(s);
        for (AccessEdge e : g.edges()) {
            System.out.println(e.status() + " " + e.id() + "\n   " + e.explanation() + "\n   " + e.evidence().notes());
        }
    }
}
