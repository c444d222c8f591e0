package dev.iamatlas.model.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyTextTest {

    private static final String CANONICAL =
            "{\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                    + "\"Resource\":\"arn:aws:execute-api:us-east-1:111122223333:abc123/*\"}],\"Version\":\"2012-10-17\"}";

    @Test
    void plainJsonIsMadeCanonicalWithSortedKeys() {
        PolicyText text = PolicyText.of("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke",
                                "Resource": "arn:aws:execute-api:us-east-1:111122223333:abc123/*"}]}
                """);
        assertThat(text.json()).isEqualTo(CANONICAL);
        assertThat(text.isJson()).isTrue();
    }

    @Test
    void urlEncodedDocumentAsIamReturnsItIsDecoded() {
        // IAM returns documents URL-encoded per RFC 3986 (GetRolePolicy, GetAccountAuthorizationDetails).
        String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
                + "%22Principal%22%3A%22*%22%2C%22Action%22%3A%22execute-api%3AInvoke%22%2C%22Resource%22%3A"
                + "%22arn%3Aaws%3Aexecute-api%3Aus-east-1%3A111122223333%3Aabc123%2F*%22%7D%5D%7D";
        assertThat(PolicyText.of(encoded).json()).isEqualTo(CANONICAL);
    }

    @Test
    void plusSignInUrlEncodedTextStaysAPlus() {
        String encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Sid%22%3A%22a+b%22%7D%5D%7D";
        assertThat(PolicyText.of(encoded).json()).contains("\"Sid\":\"a+b\"");
    }

    @Test
    void jsonEscapedDocumentAsApiGatewayReturnsItIsDecoded() {
        // API Gateway's GetRestApi returns "policy" with quotes backslashed and '/' written '\/'.
        String escaped = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"execute-api:Invoke\\\",\\\"Resource\\\":"
                + "\\\"arn:aws:execute-api:us-east-1:111122223333:abc123\\/*\\\"}]}";
        assertThat(PolicyText.of(escaped).json()).isEqualTo(CANONICAL);
    }

    @Test
    void documentInsideAJsonStringLiteralIsDecoded() {
        String literal = "\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Principal\\\":\\\"*\\\",\\\"Action\\\":\\\"execute-api:Invoke\\\",\\\"Resource\\\":"
                + "\\\"arn:aws:execute-api:us-east-1:111122223333:abc123/*\\\"}]}\"";
        assertThat(PolicyText.of(literal).json()).isEqualTo(CANONICAL);
    }

    @Test
    void textThatIsNotJsonIsKeptVerbatim() {
        PolicyText text = PolicyText.of("{\"Version\": \"2012-10-17\", \"Statement\": [");
        assertThat(text.json()).isEqualTo("{\"Version\": \"2012-10-17\", \"Statement\": [");
        assertThat(text.isJson()).isFalse();
    }

    @Test
    void trailingGarbageMakesTheDocumentInvalid() {
        assertThat(PolicyText.of("{\"Version\":\"2012-10-17\"} trailing").isJson()).isFalse();
    }
}
