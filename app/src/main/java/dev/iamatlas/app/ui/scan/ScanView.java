package dev.iamatlas.app.ui.scan;

import dev.iamatlas.app.scan.ScanProgress;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The scan dialog: the form, then the scan's progress (a bar, one row per service and region, gaps as they
 * happen). Closes itself when the scan ends; the main window then opens the result. Binds to {@link ScanViewModel}.
 */
public final class ScanView extends VBox {
    public static final String PROFILE_ID = "scanProfile";
    public static final String ALL_REGIONS_ID = "scanAllRegions";
    public static final String START_ID = "scanStart";
    public static final String CANCEL_ID = "scanCancel";
    public static final String PROGRESS_ID = "scanProgress";
    public static final String SERVICES_ID = "scanServices";
    public static final String GAPS_ID = "scanGaps";
    public static final String SUMMARY_ID = "scanSummary";

    public ScanView(ScanViewModel viewModel, Runnable close) {
        getStyleClass().add("scan-view");
        setSpacing(10);
        setPadding(new Insets(16));

        Label heading = new Label("Scan an AWS account");
        heading.getStyleClass().add("scan-heading");
        Label hint = new Label("IAM Atlas makes read-only calls (Get, List) to IAM, Organizations, Lambda and API"
                + " Gateway. What it cannot read becomes a gap, and the scan carries on.");
        hint.setWrapText(true);
        hint.getStyleClass().add("scan-hint");

        ComboBox<String> profile = new ComboBox<>(viewModel.profiles());
        profile.setId(PROFILE_ID);
        profile.valueProperty().bindBidirectional(viewModel.profileProperty());
        profile.setMaxWidth(Double.MAX_VALUE);

        CheckBox all = new CheckBox("All regions");
        all.setId(ALL_REGIONS_ID);
        all.selectedProperty().bindBidirectional(viewModel.allRegionsProperty());
        FlowPane regions = new FlowPane(10, 4);
        regions.setPrefWrapLength(620);
        for (String region : ScanViewModel.REGIONS) {
            CheckBox box = new CheckBox(region);
            box.setId("region-" + region);
            box.setSelected(viewModel.regions().contains(region));
            box.selectedProperty().addListener((o, a, on) -> {
                if (on) {
                    viewModel.regions().add(region);
                } else {
                    viewModel.regions().remove(region);
                }
            });
            viewModel.regions().addListener((SetChangeListener<String>) c -> box.setSelected(
                    viewModel.regions().contains(region)));
            box.disableProperty().bind(viewModel.allRegionsProperty());
            regions.getChildren().add(box);
        }

        TextField endpoint = new TextField();
        endpoint.setId("scanEndpoint");
        endpoint.setPromptText("https://localhost:4566 (optional: an AWS-compatible server)");
        endpoint.textProperty().bindBidirectional(viewModel.endpointUrlProperty());
        TextField role = new TextField();
        role.setId("scanRole");
        role.setPromptText("arn:aws:iam::123456789012:role/audit (optional: a role to assume)");
        role.textProperty().bindBidirectional(viewModel.roleArnProperty());
        TextField external = new TextField();
        external.setId("scanExternalId");
        external.setPromptText("optional, when the role's trust policy asks for one");
        external.textProperty().bindBidirectional(viewModel.externalIdProperty());
        GridPane advanced = grid();
        advanced.addRow(0, new Label("Endpoint URL"), endpoint);
        advanced.addRow(1, new Label("Role to assume"), role);
        advanced.addRow(2, new Label("External ID"), external);
        TitledPane more = new TitledPane("More options", advanced);
        more.setExpanded(false);

        GridPane form = grid();
        form.addRow(0, new Label("Profile"), profile);
        form.addRow(1, new Label("Regions"), new VBox(6, all, regions));
        VBox formBox = new VBox(10, form, more);
        formBox.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(ScanViewModel.Phase.FORM));

        ProgressBar bar = new ProgressBar();
        bar.setId(PROGRESS_ID);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.fractionProperty());
        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.textProperty().bind(viewModel.summaryProperty());
        TableView<ScanProgress.ServiceProgress> table = new TableView<>(viewModel.services());
        table.setId(SERVICES_ID);
        table.getColumns().add(column("Service", ScanProgress.ServiceProgress::service, 110));
        table.getColumns().add(column("Region", ScanProgress.ServiceProgress::region, 120));
        table.getColumns().add(column("Found", s -> Long.toString(s.found()), 70));
        table.getColumns().add(column("Calls done", s -> s.done() + " / " + s.total(), 100));
        table.getColumns().add(column("", s -> s.finished() ? "done" : "…", 60));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(180);
        table.setPlaceholder(new Label("Waiting for the first report…"));
        ListView<String> gaps = new ListView<>(viewModel.gaps());
        gaps.setId(GAPS_ID);
        gaps.setPrefHeight(90);
        gaps.setPlaceholder(new Label("No gaps so far."));
        Label gapsTitle = new Label("Gaps (what could not be read)");
        gapsTitle.getStyleClass().add("scan-subheading");
        VBox progress = new VBox(6, bar, summary, table, gapsTitle, gaps);
        progress.visibleProperty().bind(viewModel.phaseProperty().isNotEqualTo(ScanViewModel.Phase.FORM));
        progress.managedProperty().bind(progress.visibleProperty());

        Button start = new Button("Start scan");
        start.setId(START_ID);
        start.setDefaultButton(true);
        start.getStyleClass().add("accent");
        start.disableProperty().bind(viewModel.canStart().not());
        start.setOnAction(e -> viewModel.start());
        Button cancel = new Button();
        cancel.setId(CANCEL_ID);
        cancel.setCancelButton(true);
        cancel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.phaseProperty().get()
                == ScanViewModel.Phase.SCANNING ? "Stop and open what was read" : "Cancel", viewModel.phaseProperty()));
        cancel.setOnAction(e -> {
            if (viewModel.phaseProperty().get() == ScanViewModel.Phase.SCANNING) {
                viewModel.cancel();
            } else {
                close.run();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        viewModel.phaseProperty().addListener((o, a, b) -> {
            if (b == ScanViewModel.Phase.DONE) {
                close.run();
            }
        });
        getChildren().addAll(heading, hint, formBox, progress, buttons);
        VBox.setVgrow(progress, Priority.ALWAYS);
    }

    /** Shows the dialog owned by {@code owner} (not waiting for it). */
    public static Stage show(Window owner, ScanViewModel viewModel, java.util.List<String> styleSheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Scan an AWS account");
        ScanView view = new ScanView(viewModel, stage::close);
        Scene scene = new Scene(view, 720, 640);
        scene.getStylesheets().addAll(styleSheets);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> viewModel.cancel());
        stage.show();
        return stage;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static TableColumn<ScanProgress.ServiceProgress, String> column(String title,
            java.util.function.Function<ScanProgress.ServiceProgress, String> value, double width) {
        TableColumn<ScanProgress.ServiceProgress, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
