package dev.iamatlas.model.synth;

import dev.iamatlas.model.synth.AwsPolicies.Statement;
import java.util.List;

/**
 * The statements {@code aws lambda add-permission} writes into a function's (or an alias's or version's)
 * resource policy, exactly as {@code GetPolicy} returns them
 * (<a href="https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html">AddPermission</a>): the
 * {@code Sid} is the {@code --statement-id}, {@code Resource} the ARN the permission was added to (qualified when
 * {@code --qualifier} was given), {@code --source-arn} becomes {@code ArnLike AWS:SourceArn}, {@code --source-account}
 * {@code StringEquals AWS:SourceAccount}, an account principal {@code {"AWS": "arn:aws:iam::ACCOUNT:root"}}.
 */
public final class LambdaPermissions {
    /** The service principal of API Gateway. */
    public static final String APIGATEWAY = "apigateway.amazonaws.com";

    private LambdaPermissions() {
    }

    /** {@code add-permission --principal apigateway.amazonaws.com --source-arn SOURCE_ARN}. */
    public static Statement apiGateway(String sid, String resourceArn, String sourceArn) {
        return AwsPolicies.allow().sid(sid).service(APIGATEWAY).action("lambda:InvokeFunction").resource(resourceArn)
                .condition("ArnLike", "AWS:SourceArn", sourceArn);
    }

    /** {@code add-permission --principal SERVICE} with neither {@code --source-arn} nor {@code --source-account}. */
    public static Statement serviceWithoutSource(String sid, String resourceArn, String service) {
        return AwsPolicies.allow().sid(sid).service(service).action("lambda:InvokeFunction").resource(resourceArn);
    }

    /** {@code add-permission --principal SERVICE --source-account ACCOUNT}. */
    public static Statement serviceFromAccount(String sid, String resourceArn, String service, String sourceAccount) {
        return AwsPolicies.allow().sid(sid).service(service).action("lambda:InvokeFunction").resource(resourceArn)
                .condition("StringEquals", "AWS:SourceAccount", sourceAccount);
    }

    /** {@code add-permission --principal ACCOUNT_ID}: any principal of that account whose own policy allows it. */
    public static Statement account(String sid, String resourceArn, String accountId) {
        return AwsPolicies.allow().sid(sid).aws(Arns.accountRoot(accountId)).action("lambda:InvokeFunction")
                .resource(resourceArn);
    }

    /** {@code add-permission --principal '*' --principal-org-id ORG}: any principal of the organization. */
    public static Statement organization(String sid, String resourceArn, String orgId) {
        return AwsPolicies.allow().sid(sid).anyone().action("lambda:InvokeFunction").resource(resourceArn)
                .condition("StringEquals", "aws:PrincipalOrgID", orgId);
    }

    /**
     * What the console (and {@code add-permission --function-url-auth-type NONE}, plus
     * {@code --invoked-via-function-url} since October 2025) adds for a public function URL with auth type
     * {@code NONE}: {@code lambda:InvokeFunctionUrl} for {@code "*"} when the URL's auth type is NONE, and
     * {@code lambda:InvokeFunction} for {@code "*"} when invoked through the URL
     * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html">Function URL access control</a>).
     */
    public static List<Statement> publicFunctionUrl(String resourceArn) {
        return List.of(
                AwsPolicies.allow().sid("FunctionURLAllowPublicAccess").anyone().action("lambda:InvokeFunctionUrl")
                        .resource(resourceArn).condition("StringEquals", "lambda:FunctionUrlAuthType", "NONE"),
                AwsPolicies.allow().sid("FunctionURLAllowInvokeAction").anyone().action("lambda:InvokeFunction")
                        .resource(resourceArn).condition("Bool", "lambda:InvokedViaFunctionUrl", "true"));
    }

    /** {@code lambda:InvokeFunctionUrl} for one IAM principal on a URL with auth type {@code AWS_IAM}. */
    public static Statement functionUrlIam(String sid, String resourceArn, String principalArn) {
        return AwsPolicies.allow().sid(sid).aws(principalArn).action("lambda:InvokeFunctionUrl").resource(resourceArn)
                .condition("StringEquals", "lambda:FunctionUrlAuthType", "AWS_IAM");
    }
}
