package dev.iamatlas.model.evaluation;

import static dev.iamatlas.model.evaluation.Eval.A;
import static dev.iamatlas.model.evaluation.Eval.context;
import static dev.iamatlas.model.evaluation.Eval.decide;
import static dev.iamatlas.model.evaluation.Eval.request;
import static dev.iamatlas.model.evaluation.Eval.statements;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Condition operators, one row per documented behaviour. An IAM user's identity policy allows
 * everything under the condition, so the request is allowed exactly when the condition holds.
 *
 * <p>Sources: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html and
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
class ConditionOperatorTest {

    static Stream<Arguments> rows() {
        return Stream.of(
                // String operators
                row("StringEquals matches the exact value", "{'StringEquals':{'aws:PrincipalTag/job-category':'iamuser-admin'}}", "{'aws:PrincipalTag/job-category':'iamuser-admin'}", true),
                row("StringEquals is case-sensitive in values", "{'StringEquals':{'aws:PrincipalTag/job-category':'iamuser-admin'}}", "{'aws:PrincipalTag/job-category':'IAMUser-Admin'}", false),
                row("condition key names are case-insensitive", "{'StringEquals':{'AWS:PrincipalTag/Job-Category':'x'}}", "{'aws:principaltag/job-category':'x'}", true),
                row("StringEquals treats * as a literal character", "{'StringEquals':{'k':'a*'}}", "{'k':'abc'}", false),
                row("StringEquals matches a literal *", "{'StringEquals':{'k':'a*'}}", "{'k':'a*'}", true),
                row("StringEquals is false when the key is missing", "{'StringEquals':{'k':'a'}}", "{}", false),
                row("StringNotEquals is false for the value", "{'StringNotEquals':{'k':'a'}}", "{'k':'a'}", false),
                row("StringNotEquals is true for another value", "{'StringNotEquals':{'k':'a'}}", "{'k':'b'}", true),
                row("StringNotEquals is true when the key is missing", "{'StringNotEquals':{'k':'a'}}", "{}", true),
                row("StringNotEquals with several values needs a match with none", "{'StringNotEquals':{'k':['a','b']}}", "{'k':'b'}", false),
                row("StringEqualsIgnoreCase ignores case", "{'StringEqualsIgnoreCase':{'k':'ADMIN'}}", "{'k':'admin'}", true),
                row("StringNotEqualsIgnoreCase ignores case", "{'StringNotEqualsIgnoreCase':{'k':'ADMIN'}}", "{'k':'Admin'}", false),
                row("StringLike * matches any run", "{'StringLike':{'s3:prefix':['home/*']}}", "{'s3:prefix':'home/alice/docs'}", true),
                row("StringLike ? matches one character", "{'StringLike':{'k':'a?c'}}", "{'k':'abbc'}", false),
                row("StringLike is case-sensitive", "{'StringLike':{'k':'Home/*'}}", "{'k':'home/x'}", false),
                row("StringNotLike is true when the key is missing", "{'StringNotLike':{'k':'a*'}}", "{}", true),
                row("StringNotLike is false for a matching value", "{'StringNotLike':{'k':'a*'}}", "{'k':'abc'}", false),
                row("several values are ORed", "{'StringEquals':{'k':['a','b']}}", "{'k':'b'}", true),
                row("several keys are ANDed", "{'StringEquals':{'k1':'a','k2':'b'}}", "{'k1':'a'}", false),
                row("several operators are ANDed", "{'StringEquals':{'k1':'a'},'StringLike':{'k2':'b*'}}", "{'k1':'a','k2':'bc'}", true),
                row("a JSON number value compares as its text", "{'StringEquals':{'k':10}}", "{'k':'10'}", true),
                // Numeric
                row("NumericLessThan true below", "{'NumericLessThan':{'s3:max-keys':'10'}}", "{'s3:max-keys':'5'}", true),
                row("NumericLessThan false at the value", "{'NumericLessThan':{'s3:max-keys':'10'}}", "{'s3:max-keys':'10'}", false),
                row("NumericLessThanEquals true at the value", "{'NumericLessThanEquals':{'s3:max-keys':'10'}}", "{'s3:max-keys':'10'}", true),
                row("NumericGreaterThan", "{'NumericGreaterThan':{'n':'10'}}", "{'n':'10.5'}", true),
                row("NumericGreaterThanEquals", "{'NumericGreaterThanEquals':{'n':'10'}}", "{'n':'9'}", false),
                row("NumericEquals compares numbers, not text", "{'NumericEquals':{'n':'10'}}", "{'n':'10.0'}", true),
                row("NumericNotEquals", "{'NumericNotEquals':{'n':'10'}}", "{'n':'11'}", true),
                row("NumericEquals is false for a non-number", "{'NumericEquals':{'n':'10'}}", "{'n':'ten'}", false),
                row("NumericLessThan is false when the key is missing", "{'NumericLessThan':{'n':'10'}}", "{}", false),
                // Date
                row("DateGreaterThan with ISO 8601", "{'DateGreaterThan':{'aws:CurrentTime':'2020-04-01T00:00:00Z'}}", "{'aws:CurrentTime':'2020-06-30T00:00:00Z'}", true),
                row("DateGreaterThan with epoch seconds in the request", "{'DateGreaterThan':{'aws:CurrentTime':'2020-04-01T00:00:00Z'}}", "{'aws:CurrentTime':'1593475200'}", true),
                row("DateLessThan", "{'DateLessThan':{'aws:CurrentTime':'2020-06-30T23:59:59Z'}}", "{'aws:CurrentTime':'2020-07-01T00:00:00Z'}", false),
                row("DateEquals across forms of one instant", "{'DateEquals':{'aws:TokenIssueTime':'2020-01-01T01:00:00+01:00'}}", "{'aws:TokenIssueTime':'2020-01-01T00:00:00Z'}", true),
                row("DateNotEquals", "{'DateNotEquals':{'t':'2020-01-01'}}", "{'t':'2020-01-02'}", true),
                row("DateLessThanEquals at the instant", "{'DateLessThanEquals':{'t':'1577836800'}}", "{'t':'2020-01-01T00:00:00Z'}", true),
                row("DateGreaterThanEquals", "{'DateGreaterThanEquals':{'t':'2020-01-02'}}", "{'t':'2020-01-01T23:59:59Z'}", false),
                // Bool
                row("Bool true", "{'Bool':{'aws:SecureTransport':'true'}}", "{'aws:SecureTransport':'true'}", true),
                row("Bool false value does not match true", "{'Bool':{'aws:SecureTransport':'true'}}", "{'aws:SecureTransport':'false'}", false),
                row("Bool with a JSON boolean", "{'Bool':{'aws:MultiFactorAuthPresent':true}}", "{'aws:MultiFactorAuthPresent':'true'}", true),
                row("Bool is false when the key is missing", "{'Bool':{'aws:MultiFactorAuthPresent':'true'}}", "{}", false),
                row("BoolIfExists is true when the key is missing", "{'BoolIfExists':{'aws:MultiFactorAuthPresent':'false'}}", "{}", true),
                // Binary
                row("BinaryEquals compares base64 values", "{'BinaryEquals':{'key':'QmluYXJ5VmFsdWVJbkJhc2U2NA=='}}", "{'key':'QmluYXJ5VmFsdWVJbkJhc2U2NA=='}", true),
                row("BinaryEquals differs", "{'BinaryEquals':{'key':'QmluYXJ5VmFsdWVJbkJhc2U2NA=='}}", "{'key':'QmluYXJ5'}", false),
                // IP
                row("IpAddress in the CIDR block", "{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}", "{'aws:SourceIp':'203.0.113.5'}", true),
                row("IpAddress outside the block", "{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}", "{'aws:SourceIp':'198.51.100.1'}", false),
                row("IpAddress with IPv6", "{'IpAddress':{'aws:SourceIp':['203.0.113.0/24','2001:DB8:1234:5678::/64']}}", "{'aws:SourceIp':'2001:db8:1234:5678::10'}", true),
                row("IpAddress with a single address", "{'IpAddress':{'aws:SourceIp':'203.0.113.7'}}", "{'aws:SourceIp':'203.0.113.7'}", true),
                row("NotIpAddress inside the block", "{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", "{'aws:SourceIp':'192.0.2.8'}", false),
                row("NotIpAddress is true when the key is missing", "{'NotIpAddress':{'aws:SourceIp':'192.0.2.0/24'}}", "{}", true),
                // ARN
                row("ArnLike with wildcards", "{'ArnLike':{'aws:SourceArn':'arn:aws:cloudtrail:*:111122223333:trail/*'}}", "{'aws:SourceArn':'arn:aws:cloudtrail:us-east-2:111122223333:trail/t1'}", true),
                row("ArnEquals behaves as ArnLike", "{'ArnEquals':{'aws:SourceArn':'arn:aws:sns:*:111122223333:topic'}}", "{'aws:SourceArn':'arn:aws:sns:us-east-1:111122223333:topic'}", true),
                row("ARN wildcards do not cross a colon in the first segments", "{'ArnLike':{'aws:SourceArn':'arn:aws:sns:*:topic'}}", "{'aws:SourceArn':'arn:aws:sns:us-east-1:111122223333:topic'}", false),
                row("ARN matching is case-sensitive", "{'ArnLike':{'aws:SourceArn':'arn:aws:S3:::bucket'}}", "{'aws:SourceArn':'arn:aws:s3:::bucket'}", false),
                row("ArnNotEquals", "{'ArnNotEquals':{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/admin'}}", "{'aws:PrincipalArn':'arn:aws:iam::111122223333:role/dev'}", true),
                row("ArnNotLike is true when the key is missing", "{'ArnNotLike':{'aws:SourceArn':'arn:*'}}", "{}", true),
                row("ArnLike is false for a non-ARN value", "{'ArnLike':{'aws:SourceArn':'arn:aws:s3:::*'}}", "{'aws:SourceArn':'bucket'}", false),
                // Null
                row("Null true: key absent", "{'Null':{'aws:TokenIssueTime':'true'}}", "{}", true),
                row("Null true: key present", "{'Null':{'aws:TokenIssueTime':'true'}}", "{'aws:TokenIssueTime':'2020-01-01T00:00:00Z'}", false),
                row("Null false: key present", "{'Null':{'aws:TokenIssueTime':'false'}}", "{'aws:TokenIssueTime':'2020-01-01T00:00:00Z'}", true),
                row("Null false: key absent", "{'Null':{'aws:TokenIssueTime':'false'}}", "{}", false),
                // IfExists
                row("IfExists: true when the key is missing", "{'StringLikeIfExists':{'ec2:InstanceType':['t1.*','t2.*']}}", "{}", true),
                row("IfExists: evaluated when present", "{'StringLikeIfExists':{'ec2:InstanceType':['t1.*','t2.*']}}", "{'ec2:InstanceType':'m5.large'}", false),
                row("IfExists negated: missing key is true", "{'StringNotEqualsIfExists':{'k':'a'}}", "{}", true),
                // Set operators
                row("ForAllValues: every request value in the policy set", "{'ForAllValues:StringEquals':{'aws:TagKeys':['environment','cost-center']}}", "{'aws:TagKeys':['environment']}", true),
                row("ForAllValues: a value outside the set fails", "{'ForAllValues:StringEquals':{'aws:TagKeys':['environment','cost-center']}}", "{'aws:TagKeys':['environment','other']}", false),
                row("ForAllValues: missing key is true", "{'ForAllValues:StringEquals':{'aws:TagKeys':['environment']}}", "{}", true),
                row("ForAllValues: empty set is true", "{'ForAllValues:StringEquals':{'aws:TagKeys':['environment']}}", "{'aws:TagKeys':[]}", true),
                row("ForAnyValue: one request value in the set", "{'ForAnyValue:StringEquals':{'aws:TagKeys':['environment']}}", "{'aws:TagKeys':['other','environment']}", true),
                row("ForAnyValue: no value in the set", "{'ForAnyValue:StringEquals':{'aws:TagKeys':['environment']}}", "{'aws:TagKeys':['other']}", false),
                row("ForAnyValue: missing key is false", "{'ForAnyValue:StringEquals':{'aws:TagKeys':['environment']}}", "{}", false),
                row("ForAnyValue: empty set is false", "{'ForAnyValue:StringEquals':{'aws:TagKeys':['environment']}}", "{'aws:TagKeys':[]}", false),
                row("ForAnyValue: IfExists makes a missing key true", "{'ForAnyValue:StringEqualsIfExists':{'aws:TagKeys':['environment']}}", "{}", true),
                row("ForAllValues negated: no request value in the set", "{'ForAllValues:StringNotEquals':{'aws:TagKeys':['a']}}", "{'aws:TagKeys':['b','c']}", true),
                row("ForAllValues negated: one value in the set fails", "{'ForAllValues:StringNotEquals':{'aws:TagKeys':['a']}}", "{'aws:TagKeys':['a','b']}", false),
                row("ForAnyValue negated: one value outside the set", "{'ForAnyValue:StringNotEquals':{'aws:TagKeys':['a']}}", "{'aws:TagKeys':['a','b']}", true),
                row("ForAnyValue negated: all values in the set", "{'ForAnyValue:StringNotEquals':{'aws:TagKeys':['a']}}", "{'aws:TagKeys':['a']}", false),
                row("ForAnyValue negated: missing key is false", "{'ForAnyValue:StringNotEquals':{'aws:TagKeys':['a']}}", "{}", false),
                row("ForAnyValue:StringLike with a wildcard", "{'ForAnyValue:StringLike':{'aws:TagKeys':['key*']}}", "{'aws:TagKeys':['x','key1']}", true),
                row("ForAnyValue on a single-valued key with one value", "{'ForAnyValue:StringEquals':{'k':'a'}}", "{'k':'a'}", true),
                // Single-valued operators on a multivalued key
                row("a plain operator on several values is true when any matches", "{'StringEquals':{'aws:TagKeys':'a'}}", "{'aws:TagKeys':['a','b']}", true),
                row("a plain negated operator on several values is true only when none matches", "{'StringNotEquals':{'aws:TagKeys':'a'}}", "{'aws:TagKeys':['a','b']}", false),
                row("a plain negated operator on several values, none matching", "{'StringNotEquals':{'aws:TagKeys':'a'}}", "{'aws:TagKeys':['b','c']}", true),
                row("a plain operator on an empty list is as for a missing key", "{'StringEquals':{'aws:TagKeys':'a'}}", "{'aws:TagKeys':[]}", false));
    }

    private static Arguments row(String behaviour, String condition, String context, boolean holds) {
        return Arguments.of(behaviour, condition, context, holds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void conditionOperatorBehavesAsDocumented(String behaviour, String condition, String ctx, boolean holds) {
        NamedPolicy identity = statements("{'Effect':'Allow','Action':'*','Resource':'*','Condition':" + condition + "}");
        Outcome outcome = decide(request("arn:aws:iam::" + A + ":user/alice", "s3:GetObject", "arn:aws:s3:::bucket/key")
                .context(context(ctx)).identityPolicy(identity));
        assertThat(outcome).as(behaviour).isEqualTo(holds ? Outcome.ALLOW : Outcome.IMPLICIT_DENY);
    }

    @ParameterizedTest(name = "in a Deny: {0}")
    @MethodSource("rows")
    void theSameConditionInADenyStatementDeniesExactlyWhenItHolds(String behaviour, String condition, String ctx, boolean holds) {
        NamedPolicy identity = statements("{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Deny','Action':'*','Resource':'*','Condition':" + condition + "}");
        Outcome outcome = decide(request("arn:aws:iam::" + A + ":user/alice", "s3:GetObject", "arn:aws:s3:::bucket/key")
                .context(context(ctx)).identityPolicy(identity));
        assertThat(outcome).as(behaviour).isEqualTo(holds ? Outcome.EXPLICIT_DENY : Outcome.ALLOW);
    }
}
