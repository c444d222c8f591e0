package dev.iamatlas.model.findings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every finding rule IAM Atlas knows, by stable id, in display order. The same text is in {@code docs/rules.md}. */
public final class RuleCatalogue {

    public static final String APIGW_LAMBDA_PERMISSION_MISSING = "APIGW_LAMBDA_PERMISSION_MISSING";
    public static final String APIGW_CREDENTIALS_ROLE_BROKEN = "APIGW_CREDENTIALS_ROLE_BROKEN";
    public static final String LAMBDA_PERMISSION_NO_SOURCE = "LAMBDA_PERMISSION_NO_SOURCE";
    public static final String LAMBDA_PERMISSION_SOURCE_TOO_BROAD = "LAMBDA_PERMISSION_SOURCE_TOO_BROAD";
    public static final String LAMBDA_PUBLIC_INVOKE = "LAMBDA_PUBLIC_INVOKE";
    public static final String LAMBDA_CROSS_ACCOUNT_INVOKE = "LAMBDA_CROSS_ACCOUNT_INVOKE";
    public static final String PUBLIC_ROUTE_TO_PRIVILEGED_ROLE = "PUBLIC_ROUTE_TO_PRIVILEGED_ROLE";
    public static final String ROLE_TRUST_TOO_BROAD = "ROLE_TRUST_TOO_BROAD";
    public static final String UNUSED_LAMBDA_PERMISSION = "UNUSED_LAMBDA_PERMISSION";

    private static final Map<String, RuleInfo> RULES = new LinkedHashMap<>();

    static {
        add(new RuleInfo(APIGW_LAMBDA_PERMISSION_MISSING, "API Gateway may not invoke the integrated function",
                Severity.HIGH,
                "A route (REST method or HTTP/WebSocket route, in a stage) or a Lambda authorizer integrates with a "
                        + "function, alias or version whose resource policy does not let apigateway.amazonaws.com "
                        + "invoke it from that route's execute-api ARN.",
                "Every call to the route fails with 500 Internal Server Error (\"Execution failed due to configuration "
                        + "error: Invalid permissions on Lambda function\"); an authorizer that cannot be invoked "
                        + "rejects every caller.",
                "Add a permission on exactly the qualifier the integration names, with the route's source ARN: "
                        + "aws lambda add-permission --function-name F --qualifier Q --principal apigateway.amazonaws.com "
                        + "--action lambda:InvokeFunction --source-arn ROUTE_ARN --source-account ACCOUNT.",
                "https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions"));
        add(new RuleInfo(APIGW_CREDENTIALS_ROLE_BROKEN, "The integration's credentials role does not work",
                Severity.HIGH,
                "An integration or authorizer calls Lambda through a credentials role, and API Gateway cannot assume "
                        + "that role (its trust policy does not allow apigateway.amazonaws.com, or the role does not "
                        + "exist), or the role may not call lambda:InvokeFunction on the function.",
                "Every call to the route fails with 500 Internal Server Error.",
                "Trust apigateway.amazonaws.com in the role's trust policy (with an aws:SourceAccount condition) and "
                        + "allow lambda:InvokeFunction on the exact function ARN in the role's permissions.",
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-lambda.html"));
        add(new RuleInfo(LAMBDA_PERMISSION_NO_SOURCE, "A service may invoke the function on behalf of anyone",
                Severity.HIGH,
                "A function, alias or version policy lets a service principal (such as apigateway.amazonaws.com) "
                        + "invoke it with no aws:SourceArn, aws:SourceAccount or aws:SourceOrgID condition.",
                "Confused deputy: any API, bucket or topic of any AWS account can be configured to invoke the "
                        + "function through that service.",
                "Replace the statement with one that names the source: remove-permission, then add-permission with "
                        + "--source-arn (and --source-account).",
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"));
        add(new RuleInfo(LAMBDA_PERMISSION_SOURCE_TOO_BROAD, "The permission's source ARN admits more than the integrations",
                Severity.MEDIUM,
                "A permission for apigateway.amazonaws.com has an aws:SourceArn pattern that admits APIs, stages, "
                        + "methods or routes that do not integrate with the function. Severity grows with what it "
                        + "admits: any API id or account (HIGH) > other stages (MEDIUM) > other methods or routes (LOW).",
                "Routes that were never meant to reach the function, or APIs in other accounts, can invoke it.",
                "Narrow aws:SourceArn to the routes that integrate with the function "
                        + "(arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH).",
                "https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway.html#apigateway-permissions"));
        add(new RuleInfo(LAMBDA_PUBLIC_INVOKE, "Anyone may invoke the function", Severity.HIGH,
                "The resource policy lets Principal \"*\" invoke the function without a limiting condition, or a "
                        + "function URL has AuthType NONE and a policy that lets anyone call it.",
                "Anyone on the Internet (or any AWS principal) can run the function with its execution role.",
                "Remove the public statement, or switch the function URL to AuthType AWS_IAM.",
                "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"));
        add(new RuleInfo(LAMBDA_CROSS_ACCOUNT_INVOKE, "A principal of another account may invoke the function",
                Severity.MEDIUM,
                "The resource policy lets an account, or a principal of an account, other than the function's own "
                        + "invoke it.",
                "Access from outside the account is easy to forget and is not visible in the other account's IAM.",
                "If it is not intended, remove the statement with remove-permission; otherwise narrow it to one "
                        + "principal and add an aws:PrincipalOrgID condition.",
                "https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-cross-account.html"));
        add(new RuleInfo(PUBLIC_ROUTE_TO_PRIVILEGED_ROLE, "An unauthenticated public route runs with admin-equivalent access",
                Severity.CRITICAL,
                "A route with authorization NONE that the Internet can reach (not a private API, not restricted by "
                        + "the API's resource policy) invokes a function whose execution role has admin-equivalent or "
                        + "permissions-management access (CRITICAL for admin-equivalent, HIGH for permissions "
                        + "management on every resource of a service, such as s3:PutBucketPolicy on *).",
                "A bug in the function (or anyone who can reach it) can take over the account, or open any of a "
                        + "service's resources to the world.",
                "Require authorization on the route (AWS_IAM, an authorizer) and give the function a least-privilege "
                        + "execution role.",
                "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html"));
        add(new RuleInfo(ROLE_TRUST_TOO_BROAD, "The role trusts too many principals", Severity.HIGH,
                "A role's trust policy lets \"*\", or a whole other account, assume it with no sts:ExternalId or "
                        + "equivalent condition (aws:PrincipalOrgID, aws:PrincipalArn, aws:SourceArn, "
                        + "aws:SourceAccount) that a caller must meet (the policy evaluator decides, so an IfExists "
                        + "or \"*\" external id does not count); or lets a web identity provider's tokens assume it "
                        + "whatever their subject.",
                "Any principal of that account (or of any account) whose own policy allows sts:AssumeRole can become "
                        + "the role; with a third-party account this is the confused deputy problem.",
                "Name the exact principal, and add an sts:ExternalId (third parties) or aws:PrincipalOrgID condition.",
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html"));
        add(new RuleInfo(UNUSED_LAMBDA_PERMISSION, "The permission names a source that does not exist", Severity.LOW,
                "A statement lets a service invoke the function from a source that is not in the account: an "
                        + "aws:SourceArn naming an API id, stage, method or route that does not exist.",
                "Dead permissions hide the real access rules, and if the API id is ever reused (or the ARN matches "
                        + "something created later) the function becomes reachable unexpectedly.",
                "Remove the statement with aws lambda remove-permission.",
                "https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html"));
    }

    private RuleCatalogue() {
    }

    private static void add(RuleInfo info) {
        RULES.put(info.id(), info);
    }

    /** Every rule, in display order. */
    public static List<RuleInfo> rules() {
        return List.copyOf(RULES.values());
    }

    /** The rule with this id, or empty. */
    public static Optional<RuleInfo> rule(String id) {
        return Optional.ofNullable(RULES.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * The rule with this id.
     *
     * @throws IllegalArgumentException naming the id when unknown
     */
    public static RuleInfo require(String id) {
        RuleInfo info = RULES.get(Objects.requireNonNull(id, "id"));
        if (info == null) {
            throw new IllegalArgumentException("unknown rule id " + id);
        }
        return info;
    }
}
