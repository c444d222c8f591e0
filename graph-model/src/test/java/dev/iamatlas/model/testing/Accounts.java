package dev.iamatlas.model.testing;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.FunctionAlias;
import dev.iamatlas.model.snapshot.IamRole;
import dev.iamatlas.model.snapshot.LambdaFunction;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.RestApi;
import dev.iamatlas.model.snapshot.RestIntegration;
import dev.iamatlas.model.snapshot.RestMethod;
import dev.iamatlas.model.snapshot.RestResource;
import dev.iamatlas.model.snapshot.RestStage;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small hand-built accounts for tests: one account, one region, policies written with single quotes for
 * readability ({@code json("{'Effect':'Allow'}")}).
 */
public final class Accounts {
    public static final String ACCOUNT = "111122223333";
    public static final String OTHER_ACCOUNT = "444455556666";
    public static final String REGION = "us-east-1";
    public static final String API_ID = "abc123";

    private Accounts() {
    }

    /** An empty account. */
    public static AccountSnapshot.Builder account() {
        return AccountSnapshot.builder(ScanMetadata.of(ACCOUNT, "test", List.of(REGION)));
    }

    /** A policy from JSON written with single quotes. */
    public static PolicyText json(String singleQuoted) {
        return PolicyText.of(singleQuoted.replace('\'', '"'));
    }

    /** A policy document with the given statements (single-quoted JSON objects). */
    public static PolicyText policy(String... statements) {
        return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
    }

    public static String functionArn(String name) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
    }

    public static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    public static String userArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    /** The REST route ARN of {@link #API_ID}. */
    public static String routeArn(String stage, String method, String path) {
        return "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":" + API_ID + "/" + stage + "/" + method + "/"
                + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** The Lambda integration URI for a (possibly qualified) function ARN. */
    public static String invocationUri(String functionArn) {
        return "arn:aws:apigateway:" + REGION + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    /** A trust policy letting one service assume the role. */
    public static PolicyText trusts(String service) {
        return policy("{'Effect':'Allow','Principal':{'Service':'" + service + "'},'Action':'sts:AssumeRole'}");
    }

    /** A statement as Lambda's add-permission writes it for API Gateway with a source ARN. */
    public static String apiGatewayPermission(String sid, String resource, String sourceArn) {
        return "{'Sid':'" + sid + "','Effect':'Allow','Principal':{'Service':'apigateway.amazonaws.com'},"
                + "'Action':'lambda:InvokeFunction','Resource':'" + resource + "',"
                + "'Condition':{'ArnLike':{'AWS:SourceArn':'" + sourceArn + "'}}}";
    }

    /**
     * The statement Lambda writes for a function URL's public access: {@code "*"} may call
     * {@code lambda:InvokeFunctionUrl} when the URL's auth type is {@code authType}.
     */
    public static String functionUrlPermission(String resource, String authType) {
        return "{'Sid':'FunctionURLAllowPublicAccess','Effect':'Allow','Principal':'*',"
                + "'Action':'lambda:InvokeFunctionUrl','Resource':'" + resource + "','Condition':{'StringEquals':"
                + "{'lambda:FunctionUrlAuthType':'" + authType + "'}}}";
    }

    /** The statement function URLs need since October 2025: {@code "*"} may invoke through a function URL. */
    public static String invokeViaFunctionUrlPermission(String resource) {
        return "{'Sid':'FunctionURLAllowInvokeAction','Effect':'Allow','Principal':'*',"
                + "'Action':'lambda:InvokeFunction','Resource':'" + resource + "','Condition':{'Bool':"
                + "{'lambda:InvokedViaFunctionUrl':'true'}}}";
    }

    /** A role trusted by Lambda with one inline policy. */
    public static IamRole executionRole(String name, PolicyText inline) {
        IamRole.Builder b = IamRole.builder(roleArn(name), name).roleId("AROA" + name.toUpperCase()).trustPolicy(
                trusts("lambda.amazonaws.com"));
        if (inline != null) {
            b.inlinePolicy(name + "-policy", inline);
        }
        return b.build();
    }

    /** A function running as {@code role}, with a resource policy (or none). */
    public static LambdaFunction function(String name, String role, PolicyText resourcePolicy) {
        return LambdaFunction.builder(functionArn(name), name, REGION).runtime("java17").roleArn(roleArn(role))
                .resourcePolicy(resourcePolicy).build();
    }

    /** An alias of a function pointing at a version, with its own policy. */
    public static FunctionAlias alias(String function, String alias, String version, PolicyText policy) {
        return new FunctionAlias(alias, functionArn(function) + ":" + alias, version, Map.of(), policy);
    }

    /** One method on one path. */
    public static RestMethod method(String httpMethod, String auth, String integrationUri) {
        return new RestMethod(httpMethod, auth, null, false, List.of(),
                integrationUri == null ? null : new RestIntegration("AWS_PROXY", integrationUri, "POST", null));
    }

    /** A REST API {@link #API_ID} with the given stages and one resource per (path, method) pair. */
    public static RestApi.Builder restApi(List<String> stages, Object... pathsAndMethods) {
        RestApi.Builder b = RestApi.builder(API_ID, "shop", REGION).endpointType("REGIONAL");
        for (String s : stages) {
            b.stage(new RestStage(s, "dep1", Map.of(), null));
        }
        List<RestResource> resources = new ArrayList<>();
        for (int i = 0; i < pathsAndMethods.length; i += 2) {
            String path = (String) pathsAndMethods[i];
            RestMethod m = (RestMethod) pathsAndMethods[i + 1];
            resources.add(new RestResource("r" + i, null, path, List.of(m)));
        }
        return b.resources(resources);
    }
}
