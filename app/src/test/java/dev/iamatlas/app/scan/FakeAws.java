package dev.iamatlas.app.scan;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A WireMock server on 127.0.0.1 that answers like AWS, in each service's exact wire format: STS and IAM in the
 * query protocol with XML answers (IAM's policy documents URL-encoded), Lambda and API Gateway in REST-JSON (API
 * Gateway's REST API policy JSON-escaped), Organizations in JSON 1.1. {@link #emptyAccount()} answers every call the
 * scanner makes with "nothing here", at a low priority, so that a test stubs only what its account has.
 *
 * <p>All regions share the one endpoint; a stub can be limited to a region with {@link #inRegion}, which matches
 * the SigV4 credential scope of the request.
 */
final class FakeAws implements AutoCloseable {
    static final String ACCOUNT = "111122223333";
    static final String CALLER_ARN = "arn:aws:iam::111122223333:user/scanner";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final int DEFAULT = 10;
    private static final int SPECIFIC = 5;
    private static final int FAULT = 1;

    final WireMockServer server;

    FakeAws() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(64)
                .jettyAcceptors(2).asynchronousResponseEnabled(false));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---------------------------------------------------------------- the empty account

    /** Every call the scanner makes answers "nothing here"; the account is {@link #ACCOUNT}, in no organization. */
    FakeAws emptyAccount() {
        stub(DEFAULT, query("sts", "GetCallerIdentity"), xml(200, "GetCallerIdentity", """
                <GetCallerIdentityResult><Arn>%s</Arn><UserId>AIDASCANNER</UserId><Account>%s</Account>
                </GetCallerIdentityResult>""".formatted(CALLER_ARN, ACCOUNT), "https://sts.amazonaws.com/doc/2011-06-15/"));
        stub(DEFAULT, query("iam", "GetAccountAuthorizationDetails"), iamXml("GetAccountAuthorizationDetails",
                "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"));
        stub(DEFAULT, query("iam", "ListAccountAliases"), iamXml("ListAccountAliases",
                "<IsTruncated>false</IsTruncated><AccountAliases/>"));
        stub(DEFAULT, query("iam", "ListRoles"), iamXml("ListRoles", "<IsTruncated>false</IsTruncated><Roles/>"));
        stub(DEFAULT, organizations("DescribeOrganization"), jsonError(400, "AWSOrganizationsNotInUseException",
                "Your account is not a member of an organization."));
        stub(DEFAULT, get(urlPathMatching("/2015-03-31/functions/?")), json(200, "{\"Functions\":[]}"));
        stub(DEFAULT, get(urlPathMatching("/2015-03-31/functions/[^/]+/aliases")), json(200, "{\"Aliases\":[]}"));
        stub(DEFAULT, get(urlPathMatching("/2015-03-31/functions/[^/]+/policy")), lambdaError(404,
                "ResourceNotFoundException", "The resource you requested does not exist."));
        stub(DEFAULT, get(urlPathMatching("/2021-10-31/functions/[^/]+/urls")), json(200, "{\"FunctionUrlConfigs\":[]}"));
        stub(DEFAULT, get(urlPathEqualTo("/restapis")), json(200, "{\"item\":[]}"));
        stub(DEFAULT, get(urlPathMatching("/restapis/[^/]+/(resources|stages|authorizers)")), json(200, "{\"item\":[]}"));
        stub(DEFAULT, get(urlPathEqualTo("/v2/apis")), json(200, "{\"items\":[]}"));
        stub(DEFAULT, get(urlPathMatching("/v2/apis/[^/]+/(routes|integrations|authorizers|stages)")),
                json(200, "{\"items\":[]}"));
        return this;
    }

    // ---------------------------------------------------------------- IAM

    /** One page of GetAccountAuthorizationDetails: {@code marker} is the page's own marker (null for the first). */
    void gaadPage(String marker, String nextMarker, String users, String groups, String roles, String policies) {
        String body = "<IsTruncated>" + (nextMarker != null) + "</IsTruncated>"
                + (nextMarker != null ? "<Marker>" + nextMarker + "</Marker>" : "")
                + "<UserDetailList>" + users + "</UserDetailList><GroupDetailList>" + groups + "</GroupDetailList>"
                + "<RoleDetailList>" + roles + "</RoleDetailList><Policies>" + policies + "</Policies>";
        stub(SPECIFIC, page(query("iam", "GetAccountAuthorizationDetails"), marker), iamXml("GetAccountAuthorizationDetails", body));
    }

    static String iamUser(String name, String groups, String inlinePolicies, String attached, String boundary) {
        return "<member><Path>/</Path><UserName>" + name + "</UserName><UserId>AIDA" + name.toUpperCase()
                + "</UserId><Arn>arn:aws:iam::" + ACCOUNT + ":user/" + name + "</Arn>"
                + "<GroupList>" + groups + "</GroupList><UserPolicyList>" + inlinePolicies + "</UserPolicyList>"
                + "<AttachedManagedPolicies>" + attached + "</AttachedManagedPolicies>"
                + (boundary == null ? "" : "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
                        + "<PermissionsBoundaryArn>" + boundary + "</PermissionsBoundaryArn></PermissionsBoundary>")
                + "<Tags><member><Key>team</Key><Value>shop</Value></member></Tags></member>";
    }

    static String iamGroup(String name, String attached) {
        return "<member><Path>/</Path><GroupName>" + name + "</GroupName><GroupId>AGPA" + name.toUpperCase()
                + "</GroupId><Arn>arn:aws:iam::" + ACCOUNT + ":group/" + name + "</Arn><GroupPolicyList/>"
                + "<AttachedManagedPolicies>" + attached + "</AttachedManagedPolicies></member>";
    }

    static String iamRole(String name, String trustJson, String inlinePolicies, String attached) {
        return "<member><Path>/</Path><RoleName>" + name + "</RoleName><RoleId>AROA" + name.toUpperCase()
                + "</RoleId><Arn>" + roleArn(name) + "</Arn><AssumeRolePolicyDocument>" + urlEncoded(trustJson)
                + "</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList>" + inlinePolicies
                + "</RolePolicyList><AttachedManagedPolicies>" + attached + "</AttachedManagedPolicies>"
                + "<Tags><member><Key>env</Key><Value>prod</Value></member></Tags></member>";
    }

    static String member(String value) {
        return "<member>" + value + "</member>";
    }

    static String inlinePolicy(String name, String json) {
        return "<member><PolicyName>" + name + "</PolicyName><PolicyDocument>" + urlEncoded(json)
                + "</PolicyDocument></member>";
    }

    static String attached(String arn) {
        return "<member><PolicyName>" + arn.substring(arn.lastIndexOf('/') + 1) + "</PolicyName><PolicyArn>" + arn
                + "</PolicyArn></member>";
    }

    /** A managed policy with its versions; {@code versions} alternate id and document, the first is the default. */
    static String managedPolicy(String arn, String... versions) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < versions.length; i += 2) {
            list.append("<member><Document>").append(urlEncoded(versions[i + 1])).append("</Document><VersionId>")
                    .append(versions[i]).append("</VersionId><IsDefaultVersion>").append(i == 0)
                    .append("</IsDefaultVersion><CreateDate>2024-01-0").append(1 + i / 2)
                    .append("T00:00:00Z</CreateDate></member>");
        }
        return "<member><PolicyName>" + arn.substring(arn.lastIndexOf('/') + 1) + "</PolicyName><PolicyId>ANPA"
                + Math.abs(arn.hashCode()) + "</PolicyId><Arn>" + arn + "</Arn><Path>/</Path><DefaultVersionId>"
                + versions[0] + "</DefaultVersionId><AttachmentCount>1</AttachmentCount>"
                + "<PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable>"
                + "<PolicyVersionList>" + list + "</PolicyVersionList></member>";
    }

    /** GetPolicy and GetPolicyVersion for a managed policy GAAD does not return. */
    void iamPolicyOutsideGaad(String arn, String versionId, String document) {
        stub(SPECIFIC, query("iam", "GetPolicy").withRequestBody(containing("PolicyArn=" + formEncoded(arn))),
                iamXml("GetPolicy", "<Policy><PolicyName>" + arn.substring(arn.lastIndexOf('/') + 1)
                        + "</PolicyName><PolicyId>ANPAB</PolicyId><Arn>" + arn + "</Arn><Path>/</Path>"
                        + "<DefaultVersionId>" + versionId + "</DefaultVersionId><AttachmentCount>0</AttachmentCount>"
                        + "<PermissionsBoundaryUsageCount>1</PermissionsBoundaryUsageCount></Policy>"));
        stub(SPECIFIC, query("iam", "GetPolicyVersion").withRequestBody(containing("PolicyArn=" + formEncoded(arn))),
                iamXml("GetPolicyVersion", "<PolicyVersion><Document>" + urlEncoded(document) + "</Document>"
                        + "<VersionId>" + versionId + "</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
                        + "</PolicyVersion>"));
    }

    void iamRoleSessionDuration(String roleName, int seconds) {
        stub(SPECIFIC, query("iam", "ListRoles"), iamXml("ListRoles", "<IsTruncated>false</IsTruncated><Roles><member>"
                + "<Path>/</Path><RoleName>" + roleName + "</RoleName><RoleId>AROA" + roleName.toUpperCase()
                + "</RoleId><Arn>" + roleArn(roleName) + "</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
                + "<MaxSessionDuration>" + seconds + "</MaxSessionDuration></member></Roles>"));
    }

    void accountAlias(String alias) {
        stub(SPECIFIC, query("iam", "ListAccountAliases"), iamXml("ListAccountAliases",
                "<IsTruncated>false</IsTruncated><AccountAliases><member>" + alias + "</member></AccountAliases>"));
    }

    // ---------------------------------------------------------------- Organizations

    void organizations(String operation, String requestFragment, String answerJson) {
        MappingBuilder request = organizations(operation);
        if (requestFragment != null) {
            request = request.withRequestBody(containing(requestFragment));
        }
        stub(SPECIFIC, request, json(200, answerJson).withHeader("Content-Type", "application/x-amz-json-1.1"));
    }

    void organizationsError(String operation, int status, String code) {
        stub(SPECIFIC, organizations(operation), jsonError(status, code, code + " for " + operation));
    }

    // ---------------------------------------------------------------- Lambda

    /** One page of ListFunctions(FunctionVersion=ALL); {@code marker} is this page's marker (null for the first). */
    void functionsPage(String marker, String nextMarker, String... configurations) {
        stub(SPECIFIC, page(get(urlPathMatching("/2015-03-31/functions/?")).withQueryParam("FunctionVersion",
                equalTo("ALL")), marker), json(200, "{\"Functions\":[" + String.join(",", configurations) + "]"
                + (nextMarker == null ? "" : ",\"NextMarker\":\"" + nextMarker + "\"") + "}"));
    }

    static String functionConfig(String name, String version, String role) {
        String arn = functionArn("us-east-1", name) + ":" + version;
        return "{\"FunctionName\":\"" + name + "\",\"FunctionArn\":\"" + arn + "\",\"Runtime\":\"java17\","
                + "\"Role\":\"" + role + "\",\"Handler\":\"app.Handler\",\"Description\":\"" + name + " handler\","
                + "\"LastModified\":\"2024-05-01T10:00:00.000+0000\",\"Version\":\"" + version + "\"}";
    }

    void aliases(String function, String marker, String nextMarker, String... aliases) {
        stub(SPECIFIC, page(get(urlPathEqualTo("/2015-03-31/functions/" + function + "/aliases")), marker),
                json(200, "{\"Aliases\":[" + String.join(",", aliases) + "]"
                        + (nextMarker == null ? "" : ",\"NextMarker\":\"" + nextMarker + "\"") + "}"));
    }

    static String alias(String function, String name, String version) {
        return "{\"AliasArn\":\"" + functionArn("us-east-1", function) + ":" + name + "\",\"Name\":\"" + name
                + "\",\"FunctionVersion\":\"" + version + "\"}";
    }

    /** GetPolicy for the function ({@code qualifier} null) or one version or alias. */
    void functionPolicy(String function, String qualifier, String policyJson) {
        MappingBuilder request = get(urlPathEqualTo("/2015-03-31/functions/" + function + "/policy"))
                .withQueryParam("Qualifier", qualifier == null ? absent() : equalTo(qualifier));
        stub(SPECIFIC, request, json(200, "{\"Policy\":" + quoted(policyJson) + ",\"RevisionId\":\""
                + UUID.randomUUID() + "\"}"));
    }

    void urlConfigsPage(String function, String marker, String nextMarker, String... configs) {
        stub(SPECIFIC, page(get(urlPathEqualTo("/2021-10-31/functions/" + function + "/urls")), marker),
                json(200, "{\"FunctionUrlConfigs\":[" + String.join(",", configs) + "]"
                        + (nextMarker == null ? "" : ",\"NextMarker\":\"" + nextMarker + "\"") + "}"));
    }

    static String urlConfig(String functionArn, String authType) {
        return "{\"FunctionUrl\":\"https://" + Math.abs(functionArn.hashCode()) + ".lambda-url.us-east-1.on.aws/\","
                + "\"FunctionArn\":\"" + functionArn + "\",\"AuthType\":\"" + authType + "\","
                + "\"CreationTime\":\"2024-05-01T10:00:00.000+0000\",\"LastModifiedTime\":\"2024-05-01T10:00:00.000+0000\","
                + "\"InvokeMode\":\"BUFFERED\"}";
    }

    // ---------------------------------------------------------------- API Gateway

    void restApisPage(String position, String nextPosition, String... apis) {
        stub(SPECIFIC, page(get(urlPathEqualTo("/restapis")), "position", position), json(200, "{\"item\":["
                + String.join(",", apis) + "]" + (nextPosition == null ? "" : ",\"position\":\"" + nextPosition + "\"")
                + "}"));
    }

    /** A REST API whose policy is a string, JSON-escaped the way API Gateway returns it ({@code /} as {@code \/}). */
    static String restApi(String id, String name, String policyJson) {
        String escaped = policyJson == null ? null
                : policyJson.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"endpointConfiguration\":{\"types\":[\"REGIONAL\"]},"
                + "\"apiKeySource\":\"HEADER\",\"disableExecuteApiEndpoint\":false"
                + (policyJson == null ? "" : ",\"policy\":" + quoted(escaped)) + "}";
    }

    void resourcesPage(String apiId, String position, String nextPosition, String... resources) {
        stub(SPECIFIC, page(get(urlPathEqualTo("/restapis/" + apiId + "/resources")).withQueryParam("embed",
                equalTo("methods")), "position", position), json(200, "{\"item\":[" + String.join(",", resources) + "]"
                + (nextPosition == null ? "" : ",\"position\":\"" + nextPosition + "\"") + "}"));
    }

    /** A resource with one embedded method and its Lambda proxy integration, as {@code embed=methods} returns it. */
    static String resource(String id, String parentId, String path, String verb, String authorization, String functionArn) {
        return "{\"id\":\"" + id + "\"" + (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"")
                + ",\"path\":\"" + path + "\"" + (verb == null ? "" : ",\"resourceMethods\":{\"" + verb + "\":{"
                + "\"httpMethod\":\"" + verb + "\",\"authorizationType\":\"" + authorization + "\",\"apiKeyRequired\":false,"
                + "\"methodIntegration\":{\"type\":\"AWS_PROXY\",\"httpMethod\":\"POST\",\"uri\":\"arn:aws:apigateway:"
                + "us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations\"}}}") + "}";
    }

    void restStages(String apiId, String stagesJson) {
        stub(SPECIFIC, get(urlPathEqualTo("/restapis/" + apiId + "/stages")), json(200, "{\"item\":" + stagesJson + "}"));
    }

    void restAuthorizers(String apiId, String authorizersJson) {
        stub(SPECIFIC, get(urlPathEqualTo("/restapis/" + apiId + "/authorizers")), json(200, "{\"item\":"
                + authorizersJson + "}"));
    }

    void httpApisPage(String token, String nextToken, String... apis) {
        stub(SPECIFIC, page(get(urlPathEqualTo("/v2/apis")), "nextToken", token), json(200, "{\"items\":["
                + String.join(",", apis) + "]" + (nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}"));
    }

    /** One page of an HTTP API's routes, integrations, authorizers or stages. */
    void httpApiPage(String apiId, String what, String token, String nextToken, String... items) {
        stub(SPECIFIC, page(get(urlPathEqualTo("/v2/apis/" + apiId + "/" + what)), "nextToken", token),
                json(200, "{\"items\":[" + String.join(",", items) + "]"
                        + (nextToken == null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}"));
    }

    // ---------------------------------------------------------------- faults

    /** The first {@code times} matching calls are throttled the way the service throttles; then the stub answers. */
    void throttleFirst(Supplier<MappingBuilder> request, int times) {
        String scenario = "throttle-" + UUID.randomUUID();
        for (int i = 0; i < times; i++) {
            stub(FAULT, request.get().inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "t" + i)
                    .willSetStateTo("t" + (i + 1)), throttlingFor(request.get()));
        }
    }

    /** The first {@code times} matching calls answer HTTP 500; then the stub answers. */
    void failFirst(Supplier<MappingBuilder> request, int times) {
        String scenario = "fail-" + UUID.randomUUID();
        for (int i = 0; i < times; i++) {
            stub(FAULT, request.get().inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "f" + i)
                    .willSetStateTo("f" + (i + 1)), aResponse().withStatus(500).withBody("Internal Server Error"));
        }
    }

    void alwaysFail(MappingBuilder request, int status) {
        stub(FAULT, request, aResponse().withStatus(status).withBody("Internal Server Error"));
    }

    void deny(MappingBuilder request, String service) {
        ResponseDefinitionBuilder denied = switch (service) {
            case "iam", "sts" -> aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody(
                    "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                            + "<Message>User: " + CALLER_ARN + " is not authorized</Message></Error>"
                            + "<RequestId>1</RequestId></ErrorResponse>");
            case "organizations" -> jsonError(400, "AccessDeniedException", "You don't have permissions");
            default -> lambdaError(403, "AccessDeniedException", "User: " + CALLER_ARN + " is not authorized");
        };
        stub(FAULT, request, denied);
    }

    void slow(MappingBuilder request, Duration delay, ResponseDefinitionBuilder answer) {
        stub(FAULT, request, answer.withFixedDelay((int) delay.toMillis()));
    }

    /** Limits a stub to calls signed for one region. */
    static MappingBuilder inRegion(MappingBuilder request, String region) {
        return request.withHeader("Authorization", containing("/" + region + "/"));
    }

    // ---------------------------------------------------------------- requests, for the tests to name

    static MappingBuilder query(String service, String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .withHeader("Authorization", containing("/" + service + "/aws4_request"));
    }

    static MappingBuilder organizations(String operation) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128." + operation));
    }

    static MappingBuilder listFunctions() {
        return get(urlPathMatching("/2015-03-31/functions/?"));
    }

    static MappingBuilder getPolicy(String function) {
        return get(urlPathEqualTo("/2015-03-31/functions/" + function + "/policy"));
    }

    static MappingBuilder anyLambda() {
        return any(urlPathMatching("/20(15-03-31|21-10-31)/.*"));
    }

    List<LoggedRequest> requests(MappingBuilder request) {
        return server.findAll(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.like(request.build().getRequest()));
    }

    // ---------------------------------------------------------------- wire formats

    void stub(int priority, MappingBuilder request, ResponseDefinitionBuilder response) {
        server.stubFor(request.atPriority(priority).willReturn(response));
    }

    private static MappingBuilder page(MappingBuilder request, String marker) {
        return page(request, "Marker", marker);
    }

    private static MappingBuilder page(MappingBuilder request, String parameter, String marker) {
        if (request.build().getRequest().getMethod().getName().equals("POST")) {
            return marker == null ? request.withRequestBody(notContaining(parameter + "="))
                    : request.withRequestBody(containing(parameter + "=" + marker));
        }
        return request.withQueryParam(parameter, marker == null ? absent() : equalTo(marker));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
    }

    static ResponseDefinitionBuilder lambdaError(int status, String code, String message) {
        return json(status, "{\"Type\":\"User\",\"message\":" + quoted(message) + "}").withHeader("x-amzn-ErrorType", code);
    }

    static ResponseDefinitionBuilder jsonError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + code + "\",\"message\":" + quoted(message) + "}");
    }

    static ResponseDefinitionBuilder iamXml(String action, String result) {
        return xml(200, action, "<" + action + "Result>" + result + "</" + action + "Result>", IAM_NS);
    }

    private static ResponseDefinitionBuilder xml(int status, String action, String result, String namespace) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(
                "<" + action + "Response xmlns=\"" + namespace + "\">" + result
                        + "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata></"
                        + action + "Response>");
    }

    private static ResponseDefinitionBuilder throttlingFor(MappingBuilder request) {
        var pattern = request.build().getRequest();
        String method = pattern.getMethod().getName();
        boolean target = pattern.getHeaders() != null && pattern.getHeaders().containsKey("X-Amz-Target");
        if (target) {
            return jsonError(400, "TooManyRequestsException", "AWS Organizations can't complete your request "
                    + "because another request is already in progress.");
        }
        if ("POST".equals(method)) {
            return aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(
                    "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>Throttling</Code>"
                            + "<Message>Rate exceeded</Message></Error><RequestId>1</RequestId></ErrorResponse>");
        }
        return lambdaError(429, "TooManyRequestsException", "Rate exceeded");
    }

    static String functionArn(String region, String name) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name;
    }

    static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    /** IAM's encoding of policy documents: RFC 3986 percent-encoding (space as %20). */
    static String urlEncoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
