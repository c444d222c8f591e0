package dev.iamatlas.model.synth;

import static dev.iamatlas.model.synth.AwsPolicies.allow;

import dev.iamatlas.model.snapshot.ManagedPolicy;
import dev.iamatlas.model.snapshot.PolicyText;
import dev.iamatlas.model.snapshot.PolicyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A few AWS-managed policies with their real names, paths, ids and default documents. The small ones
 * ({@code AdministratorAccess}, {@code IAMFullAccess}, {@code PowerUserAccess}, the Lambda execution roles) are
 * complete; the large read-only and service-role policies keep their essentials (the statements that matter for
 * reach: the services and access levels they grant), which the document says in its {@code Sid}.
 */
public final class AwsManagedPolicies {

    /** {@code *} on {@code *}. */
    public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    /** {@code iam:*} and Organizations reads: permissions management. */
    public static final String IAM_FULL_ACCESS = "arn:aws:iam::aws:policy/IAMFullAccess";
    /** Everything but IAM, Organizations and Account management. */
    public static final String POWER_USER_ACCESS = "arn:aws:iam::aws:policy/PowerUserAccess";
    /** Reads across services (essentials). */
    public static final String READ_ONLY_ACCESS = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    /** CloudWatch Logs writes for a Lambda function. */
    public static final String LAMBDA_BASIC_EXECUTION =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    /** Network interfaces and logs for a Lambda function in a VPC. */
    public static final String LAMBDA_VPC_ACCESS_EXECUTION =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";
    /** Reading an SQS event source. */
    public static final String LAMBDA_SQS_QUEUE_EXECUTION =
            "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole";
    /** X-Ray tracing writes. */
    public static final String XRAY_DAEMON_WRITE = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";
    /** API Gateway's account-level CloudWatch Logs role. */
    public static final String APIGATEWAY_PUSH_TO_CLOUDWATCH_LOGS =
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";
    /** The policy of API Gateway's service-linked role (essentials). */
    public static final String APIGATEWAY_SERVICE_ROLE_POLICY =
            "arn:aws:iam::aws:policy/aws-service-role/APIGatewayServiceRolePolicy";
    /** S3 reads. */
    public static final String S3_READ_ONLY_ACCESS = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    /** {@code s3:*}. */
    public static final String S3_FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonS3FullAccess";
    /** {@code dynamodb:*} and the console's supporting reads (essentials). */
    public static final String DYNAMODB_FULL_ACCESS = "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess";

    private record Definition(String name, String path, String policyId, String defaultVersionId, String created,
            PolicyText document) {
    }

    private static final Map<String, Definition> DEFINITIONS = definitions();

    private AwsManagedPolicies() {
    }

    /** Every ARN this class knows, sorted. */
    public static List<String> arns() {
        return List.copyOf(DEFINITIONS.keySet());
    }

    /**
     * The policy as GAAD returns it, with its default version only.
     *
     * @param arn one of the constants of this class
     * @param attachmentCount how many users, groups and roles it is attached to
     * @param boundaryUsageCount how many use it as a permissions boundary
     * @throws IllegalArgumentException when the ARN is not one this class knows
     */
    public static ManagedPolicy policy(String arn, int attachmentCount, int boundaryUsageCount) {
        Definition d = DEFINITIONS.get(Objects.requireNonNull(arn, "arn"));
        if (d == null) {
            throw new IllegalArgumentException("not a known AWS-managed policy: " + arn);
        }
        return new ManagedPolicy(arn, d.name(), d.policyId(), d.path(), d.defaultVersionId(), attachmentCount,
                boundaryUsageCount, List.of(new PolicyVersion(d.defaultVersionId(), true, d.document(),
                        Instant.parse(d.created()))));
    }

    /** The default document of a known policy. */
    public static PolicyText document(String arn) {
        Definition d = DEFINITIONS.get(arn);
        if (d == null) {
            throw new IllegalArgumentException("not a known AWS-managed policy: " + arn);
        }
        return d.document();
    }

    private static Map<String, Definition> definitions() {
        Map<String, Definition> m = new TreeMap<>();
        put(m, ADMINISTRATOR_ACCESS, "/", "ANPAIWMBCKSKIEE64ZLYK", "v1", "2015-02-06T18:39:46Z",
                AwsPolicies.document(allow().action("*").resource("*")));
        put(m, IAM_FULL_ACCESS, "/", "ANPAI7XKCFMBPM3QQRRVQ", "v2", "2019-06-21T19:40:00Z",
                AwsPolicies.document(allow().action("iam:*", "organizations:DescribeAccount",
                        "organizations:DescribeOrganization", "organizations:DescribeOrganizationalUnit",
                        "organizations:DescribePolicy", "organizations:ListChildren", "organizations:ListParents",
                        "organizations:ListPoliciesForTarget", "organizations:ListRoots", "organizations:ListPolicies",
                        "organizations:ListTargetsForPolicy").resource("*")));
        put(m, POWER_USER_ACCESS, "/", "ANPAJYRXTHIB4FOVS3ZXS", "v5", "2023-07-06T22:04:00Z",
                AwsPolicies.document(
                        allow().notAction("iam:*", "organizations:*", "account:*").resource("*"),
                        allow().action("account:GetAccountInformation", "account:GetPrimaryEmail",
                                "account:ListRegions", "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole",
                                "iam:ListRoles", "organizations:DescribeOrganization").resource("*")));
        put(m, READ_ONLY_ACCESS, "/", "ANPAILL3HVNFSB6DCOWYQ", "v121", "2025-06-20T17:18:03Z",
                AwsPolicies.document(allow().sid("ReadOnlyAccessEssentials").action("apigateway:GET",
                        "cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*", "dynamodb:BatchGet*",
                        "dynamodb:Describe*", "dynamodb:Get*", "dynamodb:List*", "dynamodb:Query", "dynamodb:Scan",
                        "iam:Generate*", "iam:Get*", "iam:List*", "iam:Simulate*", "kms:Describe*", "kms:Get*",
                        "kms:List*", "lambda:Get*", "lambda:List*", "logs:Describe*", "logs:FilterLogEvents",
                        "logs:Get*", "s3:Describe*", "s3:Get*", "s3:List*", "secretsmanager:DescribeSecret",
                        "secretsmanager:GetResourcePolicy", "secretsmanager:ListSecrets", "sns:Get*", "sns:List*",
                        "sqs:Get*", "sqs:List*").resource("*")));
        put(m, LAMBDA_BASIC_EXECUTION, "/service-role/", "ANPAJNCQGXC42545SKXIK", "v1", "2015-04-09T15:03:43Z",
                AwsPolicies.document(allow().action("logs:CreateLogGroup", "logs:CreateLogStream",
                        "logs:PutLogEvents").resource("*")));
        put(m, LAMBDA_VPC_ACCESS_EXECUTION, "/service-role/", "ANPAJVTME3YLVNL72YR2K", "v3", "2024-01-05T22:37:10Z",
                AwsPolicies.document(allow().sid("AWSLambdaVPCAccessExecutionPermissions").action(
                        "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                        "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses",
                        "ec2:UnassignPrivateIpAddresses").resource("*")));
        put(m, LAMBDA_SQS_QUEUE_EXECUTION, "/service-role/", "ANPAJFWJZI6JNND4TSELK", "v1", "2016-11-21T19:06:01Z",
                AwsPolicies.document(allow().action("sqs:ReceiveMessage", "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes", "logs:CreateLogGroup", "logs:CreateLogStream",
                        "logs:PutLogEvents").resource("*")));
        put(m, XRAY_DAEMON_WRITE, "/", "ANPAIOE47HSUE5AVBNEDM", "v1", "2018-08-28T23:00:33Z",
                AwsPolicies.document(allow().action("xray:PutTraceSegments", "xray:PutTelemetryRecords",
                        "xray:GetSamplingRules", "xray:GetSamplingTargets",
                        "xray:GetSamplingStatisticSummaries").resource("*")));
        put(m, APIGATEWAY_PUSH_TO_CLOUDWATCH_LOGS, "/service-role/", "ANPAIK4GFO7HLKYN64ASK", "v1",
                "2015-11-11T23:41:46Z",
                AwsPolicies.document(allow().action("logs:CreateLogGroup", "logs:CreateLogStream",
                        "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents",
                        "logs:GetLogEvents", "logs:FilterLogEvents").resource("*")));
        put(m, APIGATEWAY_SERVICE_ROLE_POLICY, "/aws-service-role/", "ANPAJS5MNFSGPK5NT5JRK", "v9",
                "2023-05-08T18:20:00Z",
                AwsPolicies.document(
                        allow().sid("ServiceRolePolicyEssentials").action("elasticloadbalancing:AddListenerCertificates",
                                "elasticloadbalancing:RemoveListenerCertificates",
                                "elasticloadbalancing:ModifyListener", "ec2:CreateNetworkInterface",
                                "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
                                "servicediscovery:DiscoverInstances", "xray:PutTraceSegments",
                                "xray:PutTelemetryRecords", "xray:GetSamplingTargets", "xray:GetSamplingRules",
                                "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
                                "logs:DeleteLogDelivery", "logs:ListLogDeliveries").resource("*"),
                        allow().sid("FirehoseEssentials").action("firehose:DescribeDeliveryStream",
                                "firehose:PutRecord", "firehose:PutRecordBatch")
                                .resource("arn:aws:firehose:*:*:deliverystream/amazon-apigateway-*")));
        put(m, S3_READ_ONLY_ACCESS, "/", "ANPAIZTJ4DXE7G6AGAE6M", "v3", "2023-08-10T21:31:39Z",
                AwsPolicies.document(allow().action("s3:Get*", "s3:List*", "s3:Describe*",
                        "s3-object-lambda:Get*", "s3-object-lambda:List*").resource("*")));
        put(m, S3_FULL_ACCESS, "/", "ANPAIFIR6V6BVTRAHWINE", "v2", "2021-09-27T20:16:37Z",
                AwsPolicies.document(allow().action("s3:*", "s3-object-lambda:*").resource("*")));
        put(m, DYNAMODB_FULL_ACCESS, "/", "ANPAINUGF2JSOSUY76KYA", "v16", "2025-01-10T18:00:00Z",
                AwsPolicies.document(
                        allow().sid("DynamoDBFullAccessEssentials").action("dynamodb:*", "dax:*",
                                "application-autoscaling:DescribeScalableTargets",
                                "cloudwatch:GetMetricStatistics", "kms:DescribeKey", "kms:ListAliases",
                                "lambda:ListFunctions", "sns:ListTopics").resource("*"),
                        allow().sid("DynamoDBPassRoleEssentials").action("iam:PassRole").resource("*")
                                .condition("StringLike", "iam:PassedToService",
                                        "application-autoscaling.amazonaws.com", "dax.amazonaws.com")));
        return m;
    }

    private static void put(Map<String, Definition> m, String arn, String path, String id, String version,
            String created, PolicyText document) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        m.put(arn, new Definition(name, path, id, version, created, document));
    }
}
