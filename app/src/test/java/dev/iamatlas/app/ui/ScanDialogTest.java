package dev.iamatlas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamatlas.app.diagram.ElkDiagramLayout;
import dev.iamatlas.app.explore.GraphExploration;
import dev.iamatlas.app.fixtures.Fixtures;
import dev.iamatlas.app.scan.AwsScanner;
import dev.iamatlas.app.scan.CancellationToken;
import dev.iamatlas.app.scan.ScanException;
import dev.iamatlas.app.scan.ScanListener;
import dev.iamatlas.app.scan.ScanProgress;
import dev.iamatlas.app.scan.ScanRequest;
import dev.iamatlas.app.ui.main.MainViewModel;
import dev.iamatlas.app.ui.main.MainWindow;
import dev.iamatlas.app.ui.scan.ScanEnvironment;
import dev.iamatlas.app.ui.scan.ScanView;
import dev.iamatlas.app.ui.support.FxTaskExecutor;
import dev.iamatlas.app.ui.support.SettingsStore;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import dev.iamatlas.model.snapshot.ScanMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The scan dialog, driven through its real view with a fake scanner on a real background executor: profiles and
 * regions from the (fake) AWS config, progress per service and region, gaps as they happen, cancel keeping what
 * was gathered, the result opening in the window, the MFA prompt, and a scan that cannot start.
 */
@ExtendWith(ApplicationExtension.class)
class ScanDialogTest {
    private static final ScanGap GAP = new ScanGap("lambda", "eu-west-1", "GetPolicy",
            "arn:aws:lambda:eu-west-1:111122223333:function:get-order", "AccessDeniedException", "not authorized");

    @TempDir
    Path dir;

    private FakeScanner scanner;
    private MainViewModel viewModel;
    private ScriptedDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        scanner = new FakeScanner();
        dialogs = new ScriptedDialogs(() -> stage);
        viewModel = new MainViewModel(new FxTaskExecutor(), dialogs, text -> { },
                new SettingsStore(dir.resolve("settings.json")), ElkDiagramLayout.withAwtFonts(),
                GraphExploration::open, scanner, new FakeEnvironment());
        MainWindow.install(stage, viewModel);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void aScanShowsProgressPerServiceAndGapsAndCancelOpensWhatWasGathered(FxRobot robot) throws Exception {
        robot.clickOn("Scan an AWS account…");
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> profile = robot.lookup("#" + ScanView.PROFILE_ID).queryAs(ComboBox.class);
        assertThat(profile.getItems()).asList().contains("audit", "default");
        assertThat(profile.getValue()).isEqualTo("default");
        robot.interact(() -> robot.lookup("#" + ScanView.PROFILE_ID).queryAs(ComboBox.class).getSelectionModel()
                .select("audit"));
        robot.clickOn("#region-us-east-1");

        robot.clickOn("#" + ScanView.START_ID);
        assertThat(scanner.reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#" + ScanView.SERVICES_ID)
                .queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> services = robot.lookup("#" + ScanView.SERVICES_ID).queryAs(TableView.class);
        assertThat(services.getItems()).hasSize(3);
        assertThat(services.getItems()).anySatisfy(row -> assertThat(((ScanProgress.ServiceProgress) row).describe())
                .isEqualTo("lambda eu-west-1: 14 found, 20/40"));
        assertThat(robot.lookup("#" + ScanView.PROGRESS_ID).queryAs(ProgressBar.class).getProgress())
                .isEqualTo(0.4);
        assertThat(robot.lookup("#" + ScanView.SUMMARY_ID).queryAs(Label.class).getText())
                .startsWith("57 API calls · 1 gap");
        assertThat(robot.lookup("#" + ScanView.GAPS_ID).queryAs(ListView.class).getItems())
                .containsExactly(GAP.describe());

        robot.clickOn("#" + ScanView.CANCEL_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.explorationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        ScanRequest asked = scanner.request.get();
        assertThat(asked.profile()).isEqualTo("audit");
        assertThat(asked.regions()).containsExactlyInAnyOrder("eu-west-1", "us-east-1");
        assertThat(scanner.cancelled).isTrue();
        assertThat(stage.getTitle()).contains("scan of 111122223333, incomplete");
        assertThat(viewModel.warnings()).contains("Scan gap: " + GAP.describe());
        assertThat(viewModel.statusProperty().get()).contains("incomplete snapshot");
        assertThat(robot.listTargetWindows()).noneMatch(w -> w instanceof Stage s && "Scan an AWS account"
                .equals(s.getTitle()) && s.isShowing());
    }

    @Test
    void aProfileWithAnMfaDeviceAsksForTheCodeAndTheFinishedScanOpens(FxRobot robot) throws Exception {
        scanner.finishAtOnce = true;
        dialogs.forms.add(Map.of("code", "123456"));
        robot.clickOn("Scan an AWS account…");
        robot.interact(() -> robot.lookup("#" + ScanView.PROFILE_ID).queryAs(ComboBox.class).getSelectionModel()
                .select("mfa"));

        robot.clickOn("#" + ScanView.START_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewModel.explorationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.formsShown).containsExactly("MFA code");
        assertThat(scanner.mfaCode.get()).isEqualTo("123456");
        assertThat(stage.getTitle()).contains("scan of 111122223333").doesNotContain("incomplete");
    }

    @Test
    void aScanThatCannotStartSaysWhyInOneLine(FxRobot robot) throws Exception {
        scanner.failure = new ScanException("no credentials for profile 'audit': run 'aws sso login --profile"
                + " audit'");
        robot.clickOn("Scan an AWS account…");
        robot.clickOn("#" + ScanView.START_ID);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".error-dialog").tryQuery().isPresent());
        DialogPane error = robot.lookup(".error-dialog").queryAs(DialogPane.class);
        assertThat(error.getContentText()).isEqualTo("no credentials for profile 'audit': run 'aws sso login"
                + " --profile audit'");
        robot.clickOn("OK");
        assertThat(viewModel.explorationProperty().get()).isNull();
    }

    /** The AWS config files of a test machine. */
    private static final class FakeEnvironment implements ScanEnvironment {
        @Override
        public List<String> profiles() {
            return List.of("audit", "default", "mfa");
        }

        @Override
        public String defaultProfile() {
            return "default";
        }

        @Override
        public Optional<String> defaultRegion(String profile) {
            return Optional.of("eu-west-1");
        }

        @Override
        public Optional<String> mfaSerial(String profile) {
            return "mfa".equals(profile) ? Optional.of("arn:aws:iam::111122223333:mfa/alice") : Optional.empty();
        }
    }

    /**
     * Reports one progress picture and one gap, then waits to be cancelled (or finishes at once), and returns the
     * shop account with the gap, incomplete when cancelled.
     */
    private static final class FakeScanner implements AwsScanner {
        final AtomicReference<ScanRequest> request = new AtomicReference<>();
        final AtomicReference<String> mfaCode = new AtomicReference<>();
        final CountDownLatch reported = new CountDownLatch(1);
        volatile boolean finishAtOnce;
        volatile boolean cancelled;
        volatile ScanException failure;

        @Override
        public AccountSnapshot scan(ScanRequest scan, ScanListener listener, CancellationToken cancellation) {
            request.set(scan);
            if (failure != null) {
                throw failure;
            }
            if ("mfa".equals(scan.profile())) {
                mfaCode.set(scan.mfaPrompt().codeFor("arn:aws:iam::111122223333:mfa/alice"));
            }
            listener.progress(new ScanProgress(List.of(
                    new ScanProgress.ServiceProgress("iam", "global", 31, 6, 6, true),
                    new ScanProgress.ServiceProgress("lambda", "eu-west-1", 14, 20, 40, false),
                    new ScanProgress.ServiceProgress("apigateway", "eu-west-1", 2, 3, 9, false)),
                    0.4, 57, 1, Duration.ofSeconds(3), false));
            listener.gap(GAP);
            reported.countDown();
            long deadline = System.currentTimeMillis() + 15_000;
            while (!finishAtOnce && !cancellation.isCancelled() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            cancelled = cancellation.isCancelled();
            AccountSnapshot shop = Fixtures.shop();
            ScanMetadata m = shop.metadata();
            ScanMetadata meta = new ScanMetadata(m.accountId(), m.accountAlias(), m.partition(), scan.regions(),
                    "scan", m.toolVersion(), m.callerArn(), m.startedAt(), m.finishedAt(), !cancelled, m.apiCalls());
            return shop.toBuilder().metadata(meta).gap(GAP).build();
        }
    }
}
