package dev.iamatlas.model.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the demo account from {@link DemoAccount}. Not part of the normal build: it runs only when asked, after a
 * deliberate change to the demo's story, from the repository root:
 *
 * <pre>
 * mvn -B -q -pl resources,graph-model test -Dtest=DemoAccountWriter -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Diamatlas.writeDemo=$PWD/resources/src/main/resources/dev/iamatlas/resources/demo/demo-account.json
 * </pre>
 *
 * Then update {@code docs/demo-account.md} to match. The committed JSON, not this class, is what the program uses.
 */
class DemoAccountWriter {

    @Test
    @EnabledIfSystemProperty(named = "iamatlas.writeDemo", matches = ".+")
    void writeTheDemoAccount() throws IOException {
        Path target = Path.of(System.getProperty("iamatlas.writeDemo"));
        AccountSnapshot demo = DemoAccount.build();
        SnapshotJson.write(demo, target);
        assertThat(SnapshotJson.read(target)).isEqualTo(demo);
    }
}
