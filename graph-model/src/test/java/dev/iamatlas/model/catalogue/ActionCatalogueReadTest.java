package dev.iamatlas.model.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading catalogues from a stream: small hand-written files in the generator's format. */
class ActionCatalogueReadTest {

    private static final String SOURCE = """
            "source": {"package": "@example/iam-data", "version": "1.2.202501021", "dataUpdatedAt": "2025-01-02T03:04:05Z",
                       "license": "MIT", "upstream": "https://docs.aws.amazon.com/service-authorization/latest/reference/"}
            """;

    private static final String TINY = """
            {"format": "iam-atlas-action-catalogue/1",
             %s,
             "counts": {"services": 2, "actions": 4},
             "services": {
               "zeta": {"name": "Zeta Service", "actions": [
                 {"name": "Zap", "access": "Write"}]},
               "alpha": {"name": "Alpha Service", "actions": [
                 {"name": "listThings", "access": "List"},
                 {"name": "TagThing", "access": "Tagging", "optional": ["thing", "Other"]},
                 {"name": "GetThing", "access": "Read", "required": ["thing"]}]}
             }}
            """.formatted(SOURCE);

    private static ActionCatalogue read(String json) throws IOException {
        return ActionCatalogue.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsServicesActionsAndSource() throws IOException {
        ActionCatalogue catalogue = read(TINY);

        assertThat(catalogue.services()).containsExactly("alpha", "zeta");
        assertThat(catalogue.serviceName("zeta")).isEqualTo("Zeta Service");
        assertThat(catalogue.size()).isEqualTo(4);
        assertThat(catalogue.catalogueVersion()).isEqualTo("@example/iam-data@1.2.202501021");
        assertThat(catalogue.source().dataUpdatedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(catalogue.action("alpha:getthing")).contains(
                new ActionInfo("alpha", "GetThing", AccessLevel.READ, List.of("thing"), List.of()));
        assertThat(catalogue.action("alpha:TagThing").orElseThrow().optionalResourceTypes()).containsExactly("Other", "thing");
    }

    @Test
    void sortsServicesAndActionsWhateverTheFileOrder() throws IOException {
        assertThat(read(TINY).expand("*")).extracting(ActionInfo::fullName)
                .containsExactly("alpha:GetThing", "alpha:listThings", "alpha:TagThing", "zeta:Zap");
    }

    @Test
    void readsGzipCompressedCatalogues() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(TINY.getBytes(StandardCharsets.UTF_8));
        }
        ActionCatalogue catalogue = ActionCatalogue.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(catalogue.expand("alpha:*")).hasSize(3);
    }

    @Test
    void leavesTheStreamOpenForTheCaller() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(TINY.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ActionCatalogue.read(in);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void rejectsAnotherFormat() {
        assertThatThrownBy(() -> read("{\"format\": \"something-else/2\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unsupported catalogue format \"something-else/2\"");
    }

    @Test
    void rejectsText() {
        assertThatThrownBy(() -> read("not json")).isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsAnUnknownAccessLevelNamingTheAction() {
        String json = TINY.replace("\"access\": \"Write\"", "\"access\": \"Destroy\"");
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("service \"zeta\", action \"Zap\": unknown access level \"Destroy\"");
    }

    @Test
    void rejectsTheSameActionTwiceInDifferentCase() {
        String json = TINY.replace("{\"name\": \"Zap\", \"access\": \"Write\"}",
                "{\"name\": \"Zap\", \"access\": \"Write\"}, {\"name\": \"ZAP\", \"access\": \"Read\"}");
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class).hasMessageContaining("listed twice");
    }

    @Test
    void rejectsWildcardsInActionNames() {
        String json = TINY.replace("\"Zap\"", "\"Za*\"");
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class).hasMessageContaining("cannot contain");
    }

    @Test
    void rejectsAFileWhoseCountsDoNotMatchItsContent() {
        String json = TINY.replace("\"actions\": 4", "\"actions\": 5");
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class)
                .hasMessageContaining("says it has 5 actions but holds 4");
    }

    @Test
    void rejectsAMissingSource() {
        String json = TINY.replace(SOURCE.strip(), "\"nosource\": {}");
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class).hasMessageContaining("source is missing");
    }

    @Test
    void rejectsDuplicateServiceKeys() {
        String json = TINY.replace("\"zeta\": {", "\"alpha\": {");
        assertThatThrownBy(() -> read(json)).isInstanceOf(IOException.class).hasMessageContaining("alpha");
    }
}
