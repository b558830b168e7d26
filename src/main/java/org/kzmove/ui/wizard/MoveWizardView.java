package org.kzmove.ui.wizard;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.migration.precheck.Severity;
import org.kzmove.ui.wizard.MoveWizardViewModel.Step;
import org.kzmove.ui.wizard.UriHelperViewModel.Field;
import org.kzmove.ui.wizard.UriHelperViewModel.Kind;

/**
 * The migration wizard's window content: one pane per step, shown as the view model's step says,
 * and Back/Next/Start/Cancel bound to its commands (Enter goes on, Escape cancels). Binds and
 * forwards only; every rule lives in {@link MoveWizardViewModel} and its step view models.
 */
public final class MoveWizardView extends BorderPane {
    private static final String ERROR_STYLE = "-fx-text-fill: #b00020;";
    private static final String WARNING_STYLE = "-fx-text-fill: #8a5a00;";
    private static final String INVALID_FIELD = "-fx-border-color: #b00020; -fx-border-radius: 3;";

    private final MoveWizardViewModel model;

    public MoveWizardView(MoveWizardViewModel model) {
        this.model = model;
        setPadding(new Insets(12));
        setPrefSize(1040, 600);

        Label title = new Label();
        title.setId("wizardStep");
        title.textProperty().bind(model.stepTitleBinding());
        title.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        BorderPane.setMargin(title, new Insets(0, 0, 10, 0));
        setTop(title);

        Map<Step, Node> panes = new EnumMap<>(Step.class);
        panes.put(Step.CURRENT, currentPane());
        panes.put(Step.TARGETS, targetsPane());
        panes.put(Step.OPTIONS, optionsPane());
        panes.put(Step.PRECHECKS, precheckPane());
        panes.put(Step.SUMMARY, summaryPane());
        StackPane stack = new StackPane();
        panes.forEach((step, pane) -> {
            pane.visibleProperty().bind(model.stepProperty().isEqualTo(step));
            pane.managedProperty().bind(pane.visibleProperty());
            stack.getChildren().add(pane);
        });
        setCenter(stack);
        setBottom(buttons());
    }

    /** Opens the wizard in a window owned by {@code owner}, closed when the wizard is done. */
    public static Stage open(Window owner, MoveWizardViewModel model) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Move storage — " + model.current().zoneName() + " on " + model.hostName());
        stage.setScene(new Scene(new MoveWizardView(model)));
        model.closedProperty().addListener((obs, was, closed) -> {
            if (closed) {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> model.cancel());
        stage.show();
        return stage;
    }

    private Node buttons() {
        Button back = button("wizardBack", "< _Back", ButtonBar.ButtonData.BACK_PREVIOUS);
        back.disableProperty().bind(model.canGoBackBinding().not());
        back.setOnAction(e -> model.back());
        Button next = button("wizardNext", "_Next >", ButtonBar.ButtonData.NEXT_FORWARD);
        next.disableProperty().bind(model.canGoNextBinding().not());
        next.defaultButtonProperty().bind(model.stepProperty().isNotEqualTo(Step.SUMMARY));
        next.setOnAction(e -> model.next());
        Button start = button("wizardStart", "_Start move", ButtonBar.ButtonData.FINISH);
        start.disableProperty().bind(model.canStartBinding().not());
        start.defaultButtonProperty().bind(model.stepProperty().isEqualTo(Step.SUMMARY));
        start.setOnAction(e -> model.start());
        Button cancel = button("wizardCancel", "_Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> model.cancel());
        ButtonBar bar = new ButtonBar();
        bar.getButtons().addAll(back, next, start, cancel);
        BorderPane.setMargin(bar, new Insets(10, 0, 0, 0));
        return bar;
    }

    private static Button button(String id, String text, ButtonBar.ButtonData data) {
        Button b = new Button(text);
        b.setId(id);
        ButtonBar.setButtonData(b, data);
        return b;
    }

    // Step 1 ------------------------------------------------------------------------------------

    private Node currentPane() {
        CurrentDisksStepViewModel current = model.current();
        GridPane disks = new GridPane();
        disks.setHgap(16);
        disks.setVgap(4);
        disks.addRow(0, bold("Disk"), bold("Storage URI"), bold("Boot"));
        int row = 1;
        for (CurrentDisksStepViewModel.DiskLine d : current.disks()) {
            disks.addRow(row++, new Label(d.disk()), new Label(d.storage()), new Label(d.boot()));
        }
        Label pool = new Label(current.poolText());
        pool.setId("currentPool");
        pool.setStyle("-fx-font-family: monospace;");
        VBox box = new VBox(10, new Label("The zone's root pool moves from these disks to the ones you choose next."),
                disks, bold("Root pool (inside the guest)"), pool);
        current.blocker().ifPresent(reason -> box.getChildren().add(error(reason, "currentBlocker")));
        return scroll(box);
    }

    // Step 2 ------------------------------------------------------------------------------------

    private Node targetsPane() {
        TargetsStepViewModel targets = model.targets();
        VBox rows = new VBox(6);
        targets.rows().addListener((ListChangeListener<TargetRowViewModel>) c -> fillRows(rows));
        fillRows(rows);
        Button add = new Button("Add a mirror side");
        add.setId("addTargetButton");
        add.setOnAction(e -> targets.addTarget());
        Label layout = new Label();
        layout.textProperty().bind(targets.layoutBinding());
        VBox left = new VBox(8, bold("Target storage URIs (-p) and optional disk ids (-x id=N)"), rows,
                new HBox(10, add, layout), helperPane(targets));

        ListView<FreeStorage> free = new ListView<>(targets.freeStorage());
        free.setId("freeStorageList");
        free.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FreeStorage item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TargetsStepViewModel.describe(item));
                setTooltip(empty || item == null ? null : new Tooltip(item.device()));
                setStyle(item != null && !item.note().isEmpty() ? WARNING_STYLE : "");
            }
        });
        free.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                targets.useFreeStorage(free.getSelectionModel().getSelectedItem());
            }
        });
        Button use = new Button("Use selected");
        use.setId("useFreeStorageButton");
        use.disableProperty().bind(free.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(e -> targets.useFreeStorage(free.getSelectionModel().getSelectedItem()));
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(targets.freeStorageStatusProperty());
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(targets.freeStorageLoadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        VBox.setVgrow(free, Priority.ALWAYS);
        VBox right = new VBox(6, bold("Free storage on " + model.hostName()), new HBox(6, loading, status), free, use);

        SplitPane split = new SplitPane(scroll(left), right);
        split.setDividerPositions(0.55);
        return split;
    }

    private void fillRows(VBox box) {
        TargetsStepViewModel targets = model.targets();
        box.getChildren().clear();
        for (int i = 0; i < targets.rows().size(); i++) {
            TargetRowViewModel row = targets.rows().get(i);
            TextField uri = new TextField();
            uri.setId("targetUri" + i);
            uri.setPromptText("iscsi://host/luname.naa.…, lu:luname.naa.…, dev:/dev/zvol/dsk/…");
            uri.textProperty().bindBidirectional(row.uriProperty());
            uri.styleProperty().bind(Bindings.when(row.errorProperty().isEmpty()).then("").otherwise(INVALID_FIELD));
            HBox.setHgrow(uri, Priority.ALWAYS);
            TextField id = new TextField();
            id.setId("targetDiskId" + i);
            id.setPromptText("id");
            id.setPrefColumnCount(4);
            id.textProperty().bindBidirectional(row.diskIdProperty());
            Button remove = new Button("Remove");
            remove.setId("removeTarget" + i);
            remove.disableProperty().bind(Bindings.size(targets.rows()).lessThan(2));
            remove.setOnAction(e -> targets.removeTarget(row));
            Label error = new Label();
            error.setId("targetError" + i);
            error.setStyle(ERROR_STYLE);
            error.setWrapText(true);
            error.textProperty().bind(row.errorProperty());
            box.getChildren().add(new VBox(2, new HBox(6, new Label((i + 1) + "."), uri, id, remove), error));
        }
    }

    private Node helperPane(TargetsStepViewModel targets) {
        UriHelperViewModel helper = targets.helper();
        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId("helperKind");
        kind.getItems().addAll(Kind.values());
        kind.valueProperty().bindBidirectional(helper.kindProperty());
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(4);
        Runnable fill = () -> {
            fields.getChildren().clear();
            int r = 0;
            for (Field f : helper.kindProperty().get().fields()) {
                TextField t = new TextField();
                t.setId("helper" + f.name());
                t.setPromptText(f.example());
                t.textProperty().bindBidirectional(helper.field(f));
                fields.addRow(r++, new Label(f.label()), t);
            }
        };
        helper.kindProperty().addListener(o -> fill.run());
        fill.run();
        Label uri = new Label();
        uri.setId("helperUri");
        uri.textProperty().bind(helper.uriBinding());
        uri.setStyle("-fx-font-family: monospace;");
        Label error = new Label();
        error.setId("helperError");
        error.setStyle(ERROR_STYLE);
        error.textProperty().bind(helper.errorBinding());
        Button use = new Button("Use this URI");
        use.setId("useHelperButton");
        use.disableProperty().bind(helper.errorBinding().isNotEmpty());
        use.setOnAction(e -> targets.useHelperUri());
        TitledPane pane = new TitledPane("Build a URI", new VBox(6, kind, fields, uri, error, use));
        pane.setExpanded(false);
        return pane;
    }

    // Step 3 ------------------------------------------------------------------------------------

    private Node optionsPane() {
        CheckBox force = new CheckBox("Force the attach of disks that carry another pool's label (-x force-zpool-attach)");
        force.setId("forceZpoolAttach");
        force.selectedProperty().bindBidirectional(model.options().forceZpoolAttachProperty());
        Label explanation = new Label(OptionsStepViewModel.FORCE_ZPOOL_ATTACH_EXPLANATION);
        explanation.setWrapText(true);
        return new VBox(10, force, explanation);
    }

    // Step 4 ------------------------------------------------------------------------------------

    private Node precheckPane() {
        PrecheckStepViewModel checks = model.prechecks();
        ProgressIndicator running = new ProgressIndicator();
        running.setId("precheckProgress");
        running.setPrefSize(22, 22);
        running.visibleProperty().bind(checks.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label status = new Label();
        status.setId("precheckStatus");
        status.setWrapText(true);
        status.textProperty().bind(checks.statusProperty());
        ListView<PrecheckStepViewModel.Item> list = new ListView<>(checks.items());
        list.setId("precheckList");
        list.setPlaceholder(new Label("No errors or warnings."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PrecheckStepViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                setWrapText(true);
                setPrefWidth(0);
                setStyle(item == null ? "" : item.severity() == Severity.ERROR ? ERROR_STYLE : WARNING_STYLE);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        CheckBox accept = new CheckBox("I have read the warnings and want to move anyway");
        accept.setId("acceptWarnings");
        accept.selectedProperty().bindBidirectional(checks.acceptWarningsProperty());
        accept.visibleProperty().bind(checks.hasWarningsProperty());
        accept.managedProperty().bind(accept.visibleProperty());
        Button again = new Button("Run again");
        again.setId("runPrechecksAgain");
        again.disableProperty().bind(checks.runningProperty());
        again.setOnAction(e -> checks.runAgain());
        HBox top = new HBox(8, running, status);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        return new VBox(8, top, list, accept, again);
    }

    // Step 5 ------------------------------------------------------------------------------------

    private Node summaryPane() {
        SummaryStepViewModel summary = model.summary();
        ListView<String> steps = new ListView<>(summary.steps());
        steps.setId("summarySteps");
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (getIndex() + 1) + ". " + item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        steps.setPrefHeight(210);
        Label duration = new Label();
        duration.setId("summaryDuration");
        duration.setWrapText(true);
        duration.textProperty().bind(summary.durationProperty());
        TextField command = new TextField();
        command.setId("summaryCommand");
        command.setEditable(false);
        command.setStyle("-fx-font-family: monospace;");
        command.textProperty().bind(summary.commandProperty());
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("copyCommand");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(summary.commandProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return new VBox(8, bold("What will happen"), steps, bold("Expected duration"), duration,
                bold("The command kzmove runs on " + model.hostName()), new HBox(6, command, copy));
    }

    // -------------------------------------------------------------------------------------------

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static Label error(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        l.setStyle(ERROR_STYLE);
        return l;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        return pane;
    }
}
