package dev.iamatlas.app.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.PolicyText;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrettyPolicyTest {

    @Test
    void eachStatementsLinesAreKnown() {
        PrettyPolicy pretty = PrettyPolicy.of(PolicyText.of("""
                {"Version":"2012-10-17","Statement":[{"Sid":"first","Effect":"Allow","Action":"s3:GetObject",
                 "Resource":"*"},{"Sid":"second","Effect":"Deny","Action":["s3:PutObject","s3:DeleteObject"],
                 "Resource":"*"}]}"""));
        List<String> lines = Arrays.asList(pretty.text().split("\n"));

        assertThat(pretty.statementLines()).hasSize(2);
        String second = String.join("\n", lines.subList(pretty.linesOf(1)[0], pretty.linesOf(1)[1] + 1));
        assertThat(second).contains("\"second\"", "s3:DeleteObject").doesNotContain("first");
        assertThat(pretty.text()).startsWith("{\n  \"Statement\": [");
    }

    @Test
    void aDocumentThatIsNotJsonIsShownAsItIs() {
        PrettyPolicy pretty = PrettyPolicy.of(new PolicyText("not { json"));

        assertThat(pretty.text()).isEqualTo("not { json");
        assertThat(pretty.linesOf(0)).isNull();
    }
}
