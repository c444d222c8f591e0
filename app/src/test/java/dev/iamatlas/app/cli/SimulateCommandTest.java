package dev.iamatlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iam-atlas simulate}: the batch contract other tools depend on, and the single-request form. */
class SimulateCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ACCOUNT = "111122223333";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:f";
    private static final String FUNCTION_POLICY = q("{'Version':'2012-10-17','Statement':[{'Sid':'apigw','Effect':'Allow',"
            + "'Principal':{'Service':'apigateway.amazonaws.com'},'Action':'lambda:InvokeFunction','Resource':'" + FUNCTION + "',"
            + "'Condition':{'ArnLike':{'AWS:SourceArn':'arn:aws:execute-api:us-east-1:" + ACCOUNT + ":abc123/*/GET/orders'}}}]}");
    private static final String S3_READ = q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}");

    @TempDir
    Path dir;

    static String q(String s) {
        return s.replace('\'', '"');
    }

    private record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = IamAtlasCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run batch(String input, String... extra) throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.writeString(file, input, StandardCharsets.UTF_8);
        String[] args = new String[extra.length + 3];
        args[0] = "simulate";
        args[1] = "--batch";
        args[2] = "--input=" + file;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return run(args);
    }

    private static String line(String id, String principal, String action, String resource, String rest) {
        return q("{'id':'" + id + "','principal':'" + principal + "','action':'" + action + "','resource':'" + resource + "'") + rest + "}";
    }

    @Test
    void answersEveryLineInOrder() throws IOException {
        String sourceArn = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":abc123/prod/GET/orders";
        String input = String.join("\n",
                line("c1", "apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION,
                        ",\"context\":{\"aws:SourceArn\":\"" + sourceArn + "\"},\"resourcePolicy\":" + FUNCTION_POLICY),
                line("c2", "apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION, ",\"resourcePolicy\":" + FUNCTION_POLICY),
                line("c3", "arn:aws:iam::" + ACCOUNT + ":role/app", "s3:GetObject", "arn:aws:s3:::b/k",
                        ",\"identityPolicies\":[" + S3_READ + "],\"scps\":[[" + q("{'Statement':{'Effect':'Deny','Action':'s3:*','Resource':'*'}}") + "]]"),
                line("c4", "arn:aws:iam::" + ACCOUNT + ":role/app", "s3:GetObject", "arn:aws:s3:::b/k",
                        ",\"identityPolicies\":[" + S3_READ + "],\"extraField\":{\"ignored\":[1,2]}")) + "\n";
        Run r = batch(input);
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).containsExactly(
                "{\"id\":\"c1\",\"decision\":\"ALLOW\"}",
                "{\"id\":\"c2\",\"decision\":\"IMPLICIT_DENY\"}",
                "{\"id\":\"c3\",\"decision\":\"EXPLICIT_DENY\"}",
                "{\"id\":\"c4\",\"decision\":\"ALLOW\"}");
    }

    @Test
    void badLinesGiveErrorLinesAndTheRunGoesOn() throws IOException {
        String badPolicy = q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},"
                + "{'Effect':'Allow','Action':'*','Resource':'*','Condition':{'StringEqualz':{'a':'b'}}}]}");
        String input = String.join("\n",
                line("e1", "arn:aws:iam::" + ACCOUNT + ":user/u", "s3:GetObject", "*", ",\"identityPolicies\":[" + S3_READ + "," + badPolicy + "]"),
                "",
                "this is not json",
                q("{'id':'e4','action':'s3:GetObject','resource':'*'}"),
                q("{'action':'s3:GetObject','resource':'*','principal':'not a principal','id':'e5'}"),
                line("e6", "arn:aws:iam::" + ACCOUNT + ":user/u", "s3:GetObject", "*", ",\"permissionBoundary\":\"{oops\""),
                line("e7", "arn:aws:iam::" + ACCOUNT + ":user/u", "s3:GetObject", "*",
                        ",\"identityPolicies\":[" + q("{'Statement':{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}}") + "]"),
                line("ok", "arn:aws:iam::" + ACCOUNT + ":user/u", "s3:GetObject", "*", ",\"identityPolicies\":[" + S3_READ + "]"));
        Run r = batch(input);
        List<String> lines = r.lines();
        assertThat(lines).hasSize(8);
        assertThat(json(lines.get(0)).get("error").asText()).isEqualTo("identityPolicies[1].Statement[1]: unknown condition operator StringEqualz");
        assertThat(json(lines.get(0)).get("id").asText()).isEqualTo("e1");
        assertThat(json(lines.get(1)).get("error").asText()).isEqualTo("empty line");
        assertThat(json(lines.get(2)).get("error").asText()).startsWith("not valid JSON");
        assertThat(json(lines.get(2)).has("id")).isFalse();
        assertThat(lines.get(3)).isEqualTo("{\"id\":\"e4\",\"error\":\"missing field \\\"principal\\\"\"}");
        assertThat(json(lines.get(4)).get("error").asText()).startsWith("principal: ");
        assertThat(json(lines.get(4)).get("id").asText()).isEqualTo("e5");
        assertThat(json(lines.get(5)).get("error").asText()).startsWith("permissionBoundary: not valid JSON");
        assertThat(json(lines.get(6)).get("error").asText()).isEqualTo("identityPolicies[0].Statement: Principal is not allowed in an identity-based policy");
        assertThat(lines.get(7)).isEqualTo("{\"id\":\"ok\",\"decision\":\"ALLOW\"}");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void policiesMayBeJsonTextUrlEncodedOrEscaped() throws IOException {
        String asText = MAPPER.writeValueAsString(S3_READ);
        String urlEncoded = "\"" + URLEncoder.encode(S3_READ, StandardCharsets.UTF_8) + "\"";
        String escaped = MAPPER.writeValueAsString(S3_READ.replace("\"", "\\\"").replace("/", "\\/"));
        String user = "arn:aws:iam::" + ACCOUNT + ":user/u";
        String input = String.join("\n",
                line("text", user, "s3:GetObject", "*", ",\"identityPolicies\":[" + asText + "]"),
                line("url", user, "s3:GetObject", "*", ",\"identityPolicies\":[" + urlEncoded + "]"),
                line("escaped", user, "s3:GetObject", "*", ",\"identityPolicies\":[" + escaped + "]"));
        assertThat(batch(input).lines()).containsExactly(
                "{\"id\":\"text\",\"decision\":\"ALLOW\"}",
                "{\"id\":\"url\",\"decision\":\"ALLOW\"}",
                "{\"id\":\"escaped\",\"decision\":\"ALLOW\"}");
    }

    @Test
    void contextKeysAreUsedExactlyAsGiven() throws IOException {
        String policy = q("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/${aws:username}/*'}}");
        String user = "arn:aws:iam::" + ACCOUNT + ":user/alice";
        String input = String.join("\n",
                line("derived?", user, "s3:GetObject", "arn:aws:s3:::b/alice/k", ",\"identityPolicies\":[" + policy + "]"),
                line("given", user, "s3:GetObject", "arn:aws:s3:::b/alice/k", ",\"context\":{\"aws:username\":\"alice\"},\"identityPolicies\":[" + policy + "]"));
        assertThat(batch(input).lines()).containsExactly(
                "{\"id\":\"derived?\",\"decision\":\"IMPLICIT_DENY\"}",
                "{\"id\":\"given\",\"decision\":\"ALLOW\"}");
    }

    @Test
    void explainAddsStructuredEvidence() throws IOException {
        String sourceArn = "arn:aws:execute-api:us-east-1:" + ACCOUNT + ":abc123/prod/GET/orders";
        Run r = batch(line("c1", "apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION,
                ",\"context\":{\"aws:SourceArn\":\"" + sourceArn + "\"},\"resourcePolicy\":" + FUNCTION_POLICY), "--explain");
        JsonNode node = json(r.lines().get(0));
        assertThat(node.get("decision").asText()).isEqualTo("ALLOW");
        JsonNode explain = node.get("explain");
        assertThat(explain.get("reason").asText()).isEqualTo("ALLOWED_BY_RESOURCE_POLICY");
        assertThat(explain.at("/deciding/0/policy").asText()).isEqualTo("resourcePolicy");
        assertThat(explain.at("/deciding/0/sid").asText()).isEqualTo("apigw");
        JsonNode condition = explain.at("/policies/0/statements/0/conditions/0");
        assertThat(condition.get("operator").asText()).isEqualTo("ArnLike");
        assertThat(condition.get("key").asText()).isEqualTo("AWS:SourceArn");
        assertThat(condition.at("/contextValues/0").asText()).isEqualTo(sourceArn);
        assertThat(condition.get("result").asText()).isEqualTo("TRUE");
    }

    @Test
    void aNumericIdIsEchoedAsANumber() throws IOException {
        Run r = batch(q("{'id':42,'principal':'anonymous','action':'s3:GetObject','resource':'*'}"));
        assertThat(r.lines()).containsExactly("{\"id\":42,\"decision\":\"IMPLICIT_DENY\"}");
    }

    @Test
    void aSingleRequestFromFlagsIsExplainedForPeople() throws IOException {
        Path policy = dir.resolve("function-policy.json");
        Files.writeString(policy, FUNCTION_POLICY);
        Run r = run("simulate", "--principal", "apigateway.amazonaws.com", "--action", "lambda:InvokeFunction", "--resource", FUNCTION,
                "--context", "aws:SourceArn=arn:aws:execute-api:us-east-1:" + ACCOUNT + ":abc123/prod/GET/orders", "--resource-policy", policy.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Decision:  ALLOW").contains("Sid apigw").contains("ArnLike AWS:SourceArn = TRUE");
    }

    @Test
    void aSingleRequestCanBeConditionalOnUnknownKeys() throws IOException {
        Path request = dir.resolve("request.json");
        Files.writeString(request, line("r", "apigateway.amazonaws.com", "lambda:InvokeFunction", FUNCTION, ",\"resourcePolicy\":" + FUNCTION_POLICY));
        Run r = run("simulate", "--request", request.toString(), "--unknown-key", "aws:SourceArn");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Decision:  IMPLICIT_DENY").contains("Conditional on unknown keys [AWS:SourceArn]").contains("= UNKNOWN");
    }

    @Test
    void aMissingFileIsAOneLineUsageError() {
        Run r = run("simulate", "--request", dir.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).singleElement().satisfies(l -> assertThat(l).startsWith("iam-atlas: ").contains("nope.json: no such file"));
    }

    @Test
    void aBadPolicyFileNamesTheFileAndTheProblem() throws IOException {
        Path policy = dir.resolve("bad.json");
        Files.writeString(policy, q("{'Statement':{'Effect':'allow','Action':'*'}}"));
        Run r = run("simulate", "--principal", "arn:aws:iam::" + ACCOUNT + ":user/u", "--action", "s3:GetObject", "--resource", "*",
                "--identity-policy", policy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("identityPolicies[0].Statement.Effect: must be \"Allow\" or \"Deny\", got \"allow\"");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withoutARequestSimulateExplainsItsUsage() {
        Run r = run("simulate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--batch");
    }

    @Test
    void theBenchmarkIsAvailableButQuick() {
        Run r = run("bench", "evaluator", "--seconds", "0.05");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("evaluations/s");
    }

    private static JsonNode json(String line) throws IOException {
        return MAPPER.readTree(line);
    }
}
