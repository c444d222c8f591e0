package dev.iamatlas.model.rules;

import static dev.iamatlas.model.testing.Accounts.*;
import static dev.iamatlas.model.testing.TestGraphs.build;
import static dev.iamatlas.model.testing.TestGraphs.edge;
import static dev.iamatlas.model.testing.TestGraphs.edges;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.graph.AccessEdge;
import dev.iamatlas.model.graph.AccessGraph;
import dev.iamatlas.model.graph.EdgeStatus;
import dev.iamatlas.model.graph.EdgeType;
import dev.iamatlas.model.graph.NodeIds;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionUrlConfig;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestAuthorizer;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statement function URLs need since October 2025 ({@code "*"} may {@code lambda:InvokeFunction} when
 * {@code lambda:InvokedViaFunctionUrl} is true) as seen by direct Invoke callers (CAN_INVOKE edges): a direct call
 * is not made through the URL, so the statement admits none of them.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Control access to Lambda function URLs</a>
 */
class FunctionUrlInvokePermissionTest {
    /**
     * The statement Lambda writes for the October 2025 function-URL model ("*" may lambda:InvokeFunction when
     * lambda:InvokedViaFunctionUrl is true, Control access to Lambda function URLs) does not let any AWS principal call
     * the Invoke API: on a direct Invoke that key is not true. The tool shows "any AWS principal" as a CONDITIONAL
     * invoker of every public-URL function.
     */
    @Test
    void invokeViaFunctionUrlStatementDoesNotMakeAnyAwsPrincipalAnInvoker() {
        String f = functionArn("web");
        LambdaFunction fn = function("web", "web-role", policy(functionUrlPermission(f, "NONE"),
                invokeViaFunctionUrlPermission(f))).toBuilder()
                .urlConfig(new FunctionUrlConfig("https://x.lambda-url.us-east-1.on.aws/", f, null, "NONE", "BUFFERED"))
                .build();
        AccessGraph g = build(account().function(fn).build(), new ResourcePolicyInvokers());

        List<AccessEdge> any = edges(g, EdgeType.CAN_INVOKE, NodeIds.ANY_AWS_PRINCIPAL, f);

        assertThat(any).allMatch(e -> e.status() == EdgeStatus.DENIED);
    }
}
