package dev.iamatlas.app.ui.scan;

import dev.iamatlas.app.scan.AwsScanner;
import dev.iamatlas.app.scan.CancellationToken;
import dev.iamatlas.app.scan.ScanListener;
import dev.iamatlas.app.scan.ScanProgress;
import dev.iamatlas.app.scan.ScanRequest;
import dev.iamatlas.app.ui.support.DialogService;
import dev.iamatlas.app.ui.support.TaskExecutor;
import dev.iamatlas.model.snapshot.AccountSnapshot;
import dev.iamatlas.model.snapshot.ScanGap;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The scan dialog's state and commands. The form: a profile from the AWS config files, regions (or all regions),
 * and optionally an endpoint URL, a role to assume and its external id. Then the scan runs in the background: a
 * progress bar, counts per service and region, API calls, and gaps as they happen. Cancel keeps what was gathered;
 * the snapshot (finished or cancelled) goes to {@code onResult}. An MFA code is asked for when the profile needs
 * one.
 */
public final class ScanViewModel {
    /** The commercial regions offered as check boxes; "all regions" asks the scanner for every one. */
    public static final List<String> REGIONS = List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "sa-east-1",
            "mx-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-central-2", "eu-north-1",
            "eu-south-1", "eu-south-2", "il-central-1", "me-south-1", "me-central-1", "af-south-1", "ap-south-1",
            "ap-south-2", "ap-east-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3");
    /** The choice that leaves the profile to the SDK's default chain. */
    public static final String DEFAULT_CHAIN = "(default credentials)";

    /** Where the dialog is. */
    public enum Phase { FORM, SCANNING, DONE }

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final AwsScanner scanner;
    private final ScanEnvironment environment;
    private final Consumer<Runnable> uiThread;
    private final Consumer<AccountSnapshot> onResult;

    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty();
    private final ObservableSet<String> regions = FXCollections.observableSet(new java.util.TreeSet<>());
    private final BooleanProperty allRegions = new SimpleBooleanProperty(false);
    private final StringProperty endpointUrl = new SimpleStringProperty("");
    private final StringProperty roleArn = new SimpleStringProperty("");
    private final StringProperty externalId = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.FORM);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ObservableList<ScanProgress.ServiceProgress> services = FXCollections.observableArrayList();
    private final ObservableList<String> gaps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CancellationToken> token = new SimpleObjectProperty<>();

    /**
     * @param uiThread runs an action on the UI thread (at once when already there)
     * @param onResult gets the snapshot when the scan ends, finished or cancelled (on the UI thread)
     */
    public ScanViewModel(TaskExecutor executor, DialogService dialogs, AwsScanner scanner, ScanEnvironment environment,
            Consumer<Runnable> uiThread, Consumer<AccountSnapshot> onResult) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.onResult = Objects.requireNonNull(onResult, "onResult");
        List<String> names = new ArrayList<>();
        names.add(DEFAULT_CHAIN);
        names.addAll(environment.profiles());
        profiles.setAll(names);
        String preferred = environment.defaultProfile();
        profile.set(names.contains(preferred) ? preferred : DEFAULT_CHAIN);
        profile.addListener((o, a, b) -> preselectRegion());
        preselectRegion();
    }

    // ---------------------------------------------------------------------------------------------- the form

    public ObservableList<String> profiles() {
        return profiles;
    }

    public StringProperty profileProperty() {
        return profile;
    }

    /** The regions checked. */
    public ObservableSet<String> regions() {
        return regions;
    }

    public BooleanProperty allRegionsProperty() {
        return allRegions;
    }

    public StringProperty endpointUrlProperty() {
        return endpointUrl;
    }

    public StringProperty roleArnProperty() {
        return roleArn;
    }

    public StringProperty externalIdProperty() {
        return externalId;
    }

    /** True when the form is complete enough to start: a region is chosen (or all). */
    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> phase.get() == Phase.FORM && (allRegions.get()
                || !regions.isEmpty()), phase, allRegions, regions);
    }

    // ---------------------------------------------------------------------------------------------- the scan

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** 0..1. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** One row per service and region, as the scanner reports them. */
    public ObservableList<ScanProgress.ServiceProgress> services() {
        return services;
    }

    /** Gaps as they happen, one line each. */
    public ObservableList<String> gaps() {
        return gaps;
    }

    /** A line such as "412 API calls · 2 gaps · 12 s". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Starts the scan in the background; problems with the form are shown as an error, nothing starts. */
    public void start() {
        if (phase.get() != Phase.FORM) {
            return;
        }
        ScanRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            dialogs.showError("Cannot start the scan", e.getMessage());
            return;
        }
        CancellationToken cancellation = CancellationToken.create();
        token.set(cancellation);
        services.clear();
        gaps.clear();
        fraction.set(0);
        summary.set("Starting…");
        phase.set(Phase.SCANNING);
        ScanListener listener = new ScanListener() {
            @Override
            public void progress(ScanProgress progress) {
                uiThread.accept(() -> show(progress));
            }

            @Override
            public void gap(ScanGap gap) {
                uiThread.accept(() -> gaps.add(gap.describe()));
            }
        };
        executor.execute("Scanning the AWS account…", progress -> scanner.scan(request, listener,
                CancellationToken.from(() -> cancellation.isCancelled() || progress.isCancelled())),
                snapshot -> {
                    phase.set(Phase.DONE);
                    onResult.accept(snapshot);
                },
                error -> {
                    phase.set(Phase.FORM);
                    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
                    dialogs.showError("The scan could not start", message.lines().findFirst().orElse(message));
                });
    }

    /** Stops the scan; what was gathered so far opens as an incomplete snapshot. */
    public void cancel() {
        CancellationToken t = token.get();
        if (t != null && phase.get() == Phase.SCANNING) {
            summary.set("Cancelling: finishing the calls under way…");
            t.cancel();
        }
    }

    /** The request the form describes. */
    ScanRequest request() {
        ScanRequest.Builder b = ScanRequest.builder();
        String chosen = profile.get();
        String profileName = chosen == null || chosen.isBlank() || DEFAULT_CHAIN.equals(chosen) ? null : chosen;
        if (profileName != null) {
            b.profile(profileName);
        }
        if (allRegions.get()) {
            b.allRegions(true);
        } else {
            b.regions(List.copyOf(regions));
        }
        String url = endpointUrl.get() == null ? "" : endpointUrl.get().strip();
        if (!url.isEmpty()) {
            try {
                b.endpointUrl(new URI(url));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not an endpoint URL: " + url);
            }
        }
        String role = roleArn.get() == null ? "" : roleArn.get().strip();
        if (!role.isEmpty()) {
            b.roleArn(role);
        }
        String external = externalId.get() == null ? "" : externalId.get().strip();
        if (!external.isEmpty()) {
            b.externalId(external);
        }
        b.mfaPrompt(this::askMfaCode);
        return b.build();
    }

    /** Asks for an MFA code on the UI thread and waits for the answer (called from the scanner's thread). */
    private String askMfaCode(String serial) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        uiThread.accept(() -> {
            try {
                Optional<Map<String, String>> form = dialogs.form("MFA code", "The profile needs a one-time code"
                        + " from the MFA device " + serial + ".", List.of(DialogService.Field.text("code", "Code",
                        "", "Six digits from the authenticator app.")));
                answer.complete(form.map(m -> m.get("code")).filter(c -> !c.isBlank()).orElse(null));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private void show(ScanProgress progress) {
        fraction.set(progress.fraction());
        services.setAll(progress.services());
        long seconds = progress.elapsed().toSeconds();
        summary.set(progress.apiCalls() + " API calls · " + progress.gaps() + (progress.gaps() == 1 ? " gap" : " gaps")
                + " · " + seconds + " s" + (progress.finished() ? " · done" : ""));
    }

    private void preselectRegion() {
        if (!regions.isEmpty() && phase.get() != Phase.FORM) {
            return;
        }
        String chosen = profile.get();
        environment.defaultRegion(DEFAULT_CHAIN.equals(chosen) ? null : chosen).ifPresent(r -> {
            regions.clear();
            regions.add(r);
        });
    }
}
