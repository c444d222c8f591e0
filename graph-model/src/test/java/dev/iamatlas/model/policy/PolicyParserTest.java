package dev.iamatlas.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser reads every form AWS hands policies out in and names the place of every problem.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
class PolicyParserTest {

    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static final String POLICY = q("{'Version':'2012-10-17','Statement':[{'Sid':'Read','Effect':'Allow',"
            + "'Action':'s3:GetObject','Resource':'arn:aws:s3:::bucket/*'}]}");

    @Test
    void plainJsonIsRead() {
        PolicyDocument doc = PolicyParser.parse(POLICY);
        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(doc.statements()).hasSize(1);
        Statement s = doc.statements().get(0);
        assertThat(s.sid()).isEqualTo("Read");
        assertThat(s.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s.action()).extracting(ActionPattern::text).containsExactly("s3:GetObject");
        assertThat(s.resource()).extracting(ResourcePattern::text).containsExactly("arn:aws:s3:::bucket/*");
        assertThat(s.json()).contains("\"Sid\":\"Read\"");
        assertThat(doc.sourceText()).isEqualTo(POLICY);
    }

    @Test
    void urlEncodedTextAsIamReturnsItIsDecoded() {
        String encoded = URLEncoder.encode(POLICY, StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(encoded).startsWith("%7B%22Version");
        assertThat(PolicyParser.parse(encoded).statements().get(0).sid()).isEqualTo("Read");
    }

    @Test
    void jsonEscapedTextAsApiGatewayReturnsItIsUnescaped() {
        String escaped = POLICY.replace("\"", "\\\"").replace("/", "\\/");
        assertThat(PolicyParser.parse(escaped).statements().get(0).resource().get(0).text()).isEqualTo("arn:aws:s3:::bucket/*");
    }

    @Test
    void aWholeDocumentGivenAsAJsonStringLiteralIsRead() throws Exception {
        String literal = new ObjectMapper().writeValueAsString(POLICY);
        assertThat(literal).startsWith("\"{");
        assertThat(PolicyParser.parse(literal).statements()).hasSize(1);
    }

    @Test
    void aJsonTreeIsRead() throws Exception {
        assertThat(PolicyParser.parse(new ObjectMapper().readTree(POLICY)).statements()).hasSize(1);
    }

    @Test
    void aSingleObjectStatementIsStatementZeroAndNamedStatement() {
        PolicyDocument doc = PolicyParser.parse(q("{'Version':'2012-10-17','Statement':{'Effect':'Deny','Action':'*','Resource':'*'}}"));
        assertThat(doc.statements().get(0).index()).isZero();
        assertThat(doc.statementArray()).isFalse();
        assertThat(doc.statementLocation(0)).isEqualTo("Statement");
        assertThatThrownBy(() -> PolicyParser.parse(q("{'Statement':{'Effect':'allow','Action':'*'}}")))
                .hasMessage("Statement.Effect: must be \"Allow\" or \"Deny\", got \"allow\"");
    }

    @Test
    void everyStringOrArrayElementAcceptsBothForms() {
        PolicyDocument doc = PolicyParser.parse(q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Principal':{'AWS':['111122223333','arn:aws:iam::444455556666:role/r'],'Service':'lambda.amazonaws.com'},"
                + "'NotAction':['iam:*'],'NotResource':'arn:aws:s3:::x','Condition':{'StringEquals':{'a':['1','2'],'b':'3'}}}]}"));
        Statement s = doc.statements().get(0);
        assertThat(s.principal().aws()).extracting(AwsPrincipal::kind).containsExactly(AwsPrincipal.Kind.ACCOUNT, AwsPrincipal.Kind.ROLE);
        assertThat(s.principal().services()).containsExactly("lambda.amazonaws.com");
        assertThat(s.notAction()).hasSize(1);
        assertThat(s.notResource()).hasSize(1);
        assertThat(s.conditions()).hasSize(2);
        assertThat(s.conditions().get(0).values()).containsExactly("1", "2");
    }

    @Test
    void conditionValuesMayBeNumbersOrBooleans() {
        Statement s = PolicyParser.parse(q("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'Bool':{'aws:SecureTransport':true},'NumericLessThan':{'s3:max-keys':[10, 2.5]}}}}")).statements().get(0);
        assertThat(s.conditions().get(0).values()).containsExactly("true");
        assertThat(s.conditions().get(1).numbers()).containsExactly(10.0, 2.5);
    }

    @Test
    void missingVersionAndVersion2008KeepPolicyVariablesLiteral() {
        assertThat(PolicyParser.parse(q("{'Statement':{'Effect':'Allow','Action':'*','Resource':'arn:aws:s3:::${aws:username}'}}"))
                .variablesEnabled()).isFalse();
        assertThat(PolicyParser.parse(q("{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}"))
                .variablesEnabled()).isFalse();
        assertThat(PolicyParser.parse(POLICY).variablesEnabled()).isTrue();
    }

    @Test
    void operatorQualifiersAndIfExistsAreSplitOff() {
        Condition c = PolicyParser.parse(q("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'ForAllValues:StringLikeIfExists':{'aws:TagKeys':'a*'}}}}")).statements().get(0).conditions().get(0);
        assertThat(c.operator()).isEqualTo(ConditionOperator.STRING_LIKE);
        assertThat(c.qualifier()).isEqualTo(SetQualifier.FOR_ALL_VALUES);
        assertThat(c.ifExists()).isTrue();
        assertThat(c.operatorText()).isEqualTo("ForAllValues:StringLikeIfExists");
        assertThat(c.lowerCaseKey()).isEqualTo("aws:tagkeys");
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},"
                        + "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEqualz':{'a':'b'}}}]}",
                        "Statement[1]: unknown condition operator StringEqualz"),
                Arguments.of("{'Version':'2012-10-17','Statement':[{'Effect':'allow','Action':'*','Resource':'*'}]}",
                        "Statement[0].Effect: must be \"Allow\" or \"Deny\", got \"allow\""),
                Arguments.of("{'Version':'2012-10-18','Statement':[]}", "Version: must be \"2012-10-17\" or \"2008-10-17\", got \"2012-10-18\""),
                Arguments.of("{'Version':'2012-10-17'}", "missing Statement"),
                Arguments.of("{'Version':'2012-10-17','Statement':[],'Foo':1}",
                        "unknown element \"Foo\" (a policy has only Version, Id and Statement)"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Resource':'*','Extra':1}]}", "Statement[0]: unknown element \"Extra\""),
                Arguments.of("{'Statement':[{'Action':'*','Resource':'*'}]}", "Statement[0]: missing Effect"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Resource':'*'}]}", "Statement[0]: missing Action or NotAction"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','NotAction':'s3:*'}]}",
                        "Statement[0]: Action and NotAction cannot both be present"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':['s3:*',7]}]}", "Statement[0].Action[1]: must be a string, got 7"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Principal':'me'}]}",
                        "Statement[0].Principal: must be \"*\" or an object such as {\"AWS\": ...}, got \"me\""),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Principal':{'Group':'x'}}]}",
                        "Statement[0].Principal: unknown principal type \"Group\" (expected AWS, Service, Federated or CanonicalUser)"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'NumericLessThan':{'k':'ten'}}}]}",
                        "Statement[0].Condition.NumericLessThan.k: not a number: \"ten\""),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'IpAddress':{'aws:SourceIp':'300.1.1.1/8'}}}]}",
                        "Statement[0].Condition.IpAddress.aws:SourceIp: not an IP address or CIDR block: \"300.1.1.1/8\""),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'NullIfExists':{'k':'true'}}}]}",
                        "Statement[0]: unknown condition operator NullIfExists"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'StringEquals':{'k':{'x':1}}}}]}",
                        "Statement[0].Condition.StringEquals.k: condition values must be strings, numbers or booleans, got an object"),
                Arguments.of("{'Statement':[{'Effect':'Allow','Action':'*','Condition':{'StringEquals':'k'}}]}",
                        "Statement[0].Condition.StringEquals: must be an object of condition keys to values, got \"k\""),
                Arguments.of("{'Statement':[{'Effect':'Allow','Effect':'Deny','Action':'*'}]}", null),
                Arguments.of("[1,2]", "not a JSON object (a policy starts with '{')"),
                Arguments.of("", "empty policy document"),
                Arguments.of("{'Statement':'x'}", "Statement: must be an object or an array of objects, got \"x\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidDocuments")
    void invalidDocumentsAreRejectedWithTheirLocation(String json, String message) {
        var thrown = assertThatThrownBy(() -> PolicyParser.parse(q(json))).isInstanceOf(PolicyParseException.class);
        if (message != null) {
            thrown.hasMessage(message);
        }
    }

    @Test
    void duplicateKeysAreRejectedRatherThanSilentlyResolved() {
        assertThatThrownBy(() -> PolicyParser.parse(q("{'Statement':[{'Effect':'Allow','Effect':'Deny','Action':'*'}]}")))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining("Duplicate field 'Effect'");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> PolicyParser.parse("{\"Statement\": [}"))
                .isInstanceOf(PolicyParseException.class).hasMessageStartingWith("not valid JSON: ").hasMessageContaining("line 1, column");
    }

    @Test
    void anOuterLocationIsPrefixedOntoTheStatementLocation() {
        PolicyParseException e = new PolicyParseException("Statement[1]", "unknown condition operator StringEqualz");
        assertThat(e.prefixedMessage("identityPolicies[0]")).isEqualTo("identityPolicies[0].Statement[1]: unknown condition operator StringEqualz");
        assertThat(new PolicyParseException("", "empty policy document").prefixedMessage("resourcePolicy"))
                .isEqualTo("resourcePolicy: empty policy document");
    }

    @Test
    void principalValuesAreClassified() {
        assertThat(AwsPrincipal.parse("*").kind()).isEqualTo(AwsPrincipal.Kind.ALL);
        assertThat(AwsPrincipal.parse("111122223333").kind()).isEqualTo(AwsPrincipal.Kind.ACCOUNT);
        assertThat(AwsPrincipal.parse("arn:aws:iam::111122223333:root").kind()).isEqualTo(AwsPrincipal.Kind.ACCOUNT);
        AwsPrincipal role = AwsPrincipal.parse("arn:aws:iam::111122223333:role/service/app");
        assertThat(role.kind()).isEqualTo(AwsPrincipal.Kind.ROLE);
        assertThat(role.name()).isEqualTo("app");
        assertThat(role.path()).isEqualTo("/service/");
        AwsPrincipal session = AwsPrincipal.parse("arn:aws:sts::111122223333:assumed-role/app/s-1");
        assertThat(session.kind()).isEqualTo(AwsPrincipal.Kind.ASSUMED_ROLE);
        assertThat(session.name()).isEqualTo("app");
        assertThat(session.session()).isEqualTo("s-1");
        assertThat(AwsPrincipal.parse("arn:aws:sts::111122223333:federated-user/bob").kind()).isEqualTo(AwsPrincipal.Kind.FEDERATED_USER);
        assertThat(AwsPrincipal.parse("AROAEXAMPLEID").kind()).isEqualTo(AwsPrincipal.Kind.UNRECOGNIZED);
        assertThat(AwsPrincipal.parse("arn:aws:iam::111122223333:role/*").kind()).isEqualTo(AwsPrincipal.Kind.UNRECOGNIZED);
    }
}
