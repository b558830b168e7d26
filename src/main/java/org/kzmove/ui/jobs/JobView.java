package org.kzmove.ui.jobs;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kzmove.ui.common.FxBridge;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.solaris.text.HostText;

/**
 * One move on screen: what and where, the phase stepper, progress and figures, the live resilver
 * chart, zoneadm's log (follows the tail until scrolled up; search, copy, save), the outcome and the
 * cancel button. Binds to a {@link JobViewModel} and forwards the user's actions to it.
 */
public final class JobView extends BorderPane {
    private final JobViewModel vm;
    private final ListView<String> log = new ListView<>() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // Here, once the list has laid out its new lines (asked for earlier, a scroll stops at the old
            // end); and at every layout while following, so a resize or the first sizing keeps the tail in view.
            boolean asked = tailPending;
            tailPending = false;
            if (userScrolled) {
                // Following goes on only if the user left the list at its end (or it has nothing to scroll).
                userScrolled = false;
                followTail = atBottom();
            }
            if (!followTail || getItems().isEmpty() || !(lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
                return;
            }
            int last = getItems().size() - 1;
            IndexedCell<?> shown = flow.getLastVisibleCell();
            boolean whole = shown != null && shown.getIndex() == last
                    && shown.getLayoutY() + shown.getHeight() <= flow.getHeight() + 0.5;
            // A viewport lower than one line can never show it whole: do not ask again at every pulse.
            boolean fits = shown == null || shown.getHeight() <= flow.getHeight();
            if (asked || (!whole && fits)) {
                // The flow's scrollTo shows the line whole at the bottom; ListView.scrollTo would put it at the top.
                flow.scrollTo(last);
                IndexedCell<?> after = flow.getLastVisibleCell();
                if ((after == null || after.getIndex() != last) && tailRetries++ < 3) {
                    // The flow placed its cells before its own size settled (the header grew with the outcome):
                    // look again at the next pulse rather than leave the newest line out of view.
                    FxBridge.later(this::requestLayout);
                } else {
                    tailRetries = 0;
                }
            }
        }
    };
    private boolean tailPending;
    /** Layouts asked for in a row because the newest line was still out of view after a scroll. */
    private int tailRetries;
    /** Whether the log shows its newest line as lines arrive: true until the user scrolls up. */
    private boolean followTail = true;
    /** Set by the user's scrolling, clicking or keys in the log; read at the next layout. */
    private boolean userScrolled;

    private ResilverChart chart;
    private boolean showing = true;

    public JobView(JobViewModel vm) {
        this.vm = vm;
        getStyleClass().add("job-view");
        getStylesheets().add(JobView.class.getResource("jobs.css").toExternalForm());
        setPadding(new Insets(8));

        VBox top = new VBox(6, header(), stepper(), progressRow(), figures());
        top.setPadding(new Insets(0, 0, 6, 0));
        setTop(top);

        chart = new ResilverChart(vm.chart());
        SplitPane center = new SplitPane(chart, logPane());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5);
        setCenter(center);

        setBottom(bottom());
    }

    private Node header() {
        Label title = new Label();
        title.textProperty().bind(Bindings.concat("Move of zone ", vm.zoneProperty(), " on ", vm.hostNameProperty()));
        title.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        TextField command = new TextField();
        command.setId("jobCommand");
        command.setEditable(false);
        command.textProperty().bind(vm.commandProperty());
        command.setStyle("-fx-font-family: monospace;");
        command.setTooltip(new Tooltip("The exact command run on the host (select to copy)"));
        Label targets = new Label();
        targets.textProperty().bind(Bindings.concat("Targets: ", vm.targetsProperty()));
        return new VBox(4, title, targets, command);
    }

    private Node stepper() {
        FlowPane row = new FlowPane(4, 4);
        row.setId("jobStepper");
        row.setAlignment(Pos.CENTER_LEFT);
        Runnable rebuild = () -> {
            List<Node> nodes = new ArrayList<>();
            for (PhaseStep step : vm.steps()) {
                if (!nodes.isEmpty()) {
                    Label arrow = new Label("→");
                    arrow.getStyleClass().add("job-step-arrow");
                    nodes.add(arrow);
                }
                nodes.add(stepLabel(step));
            }
            row.getChildren().setAll(nodes);
        };
        rebuild.run();
        vm.steps().addListener((ListChangeListener<PhaseStep>) c -> rebuild.run());
        return row;
    }

    private static Label stepLabel(PhaseStep step) {
        Label label = new Label();
        label.getStyleClass().add("job-step");
        label.textProperty().bind(step.labelProperty());
        Runnable style = () -> {
            label.getStyleClass().removeIf(s -> s.startsWith("step-"));
            label.getStyleClass().add(step.state().styleClass());
            label.setTooltip(new Tooltip(step.label() + ": " + step.state().name().toLowerCase().replace('_', ' ')));
        };
        style.run();
        step.stateProperty().addListener((o, was, now) -> style.run());
        step.labelProperty().addListener((o, was, now) -> style.run());
        return label;
    }

    private Node progressRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("jobProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label percent = new Label();
        percent.setId("jobPercent");
        percent.textProperty().bind(vm.percentTextProperty());
        percent.setMinWidth(Region.USE_PREF_SIZE);
        Label phase = new Label();
        phase.setId("jobPhase");
        phase.textProperty().bind(vm.phaseTextProperty());
        phase.setMinWidth(110);
        phase.setStyle("-fx-font-weight: bold;");
        HBox row = new HBox(8, phase, bar, percent);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node figures() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(2);
        figure(grid, 0, "Resilvered", "jobBytes", vm.bytesTextProperty());
        figure(grid, 2, "Rate", "jobRate", vm.rateTextProperty());
        figure(grid, 4, "zoneadm ETA", "jobZoneadmEta", vm.zoneadmEtaTextProperty());
        figure(grid, 6, "kzmove ETA (range)", "jobEta", vm.etaTextProperty());
        return grid;
    }

    private static void figure(GridPane grid, int column, String name, String id,
            javafx.beans.value.ObservableValue<String> value) {
        Label n = new Label(name + ":");
        n.getStyleClass().add("job-figure-name");
        Label v = new Label();
        v.setId(id);
        v.textProperty().bind(value);
        v.setMinWidth(90);
        grid.add(n, column, 0);
        grid.add(v, column + 1, 0);
    }

    private Node logPane() {
        log.setId("jobLog");
        log.getStyleClass().add("job-log");
        log.setItems(vm.log());
        log.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        log.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                // The view model escapes lines as they arrive; escaping again here (it is idempotent) keeps the
                // pane safe whatever list it is given (issue 10).
                setText(empty ? null : HostText.forTerminal(item));
                getStyleClass().remove("search-match");
                if (!empty && vm.logPane().matchesSearch(item)) {
                    getStyleClass().add("search-match");
                }
            }
        });
        // Following the tail stops when the user scrolls up and resumes once they are back at the bottom.
        // Whether they are is read at the next layout, where the list stands where the user took it (a
        // scroll bar's value also moves while the list grows, so it cannot tell the user's intent).
        log.addEventFilter(ScrollEvent.SCROLL, e -> userScrolled = true);
        log.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> userScrolled = true);
        log.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> userScrolled = true);
        log.addEventFilter(KeyEvent.KEY_PRESSED, e -> userScrolled = true);
        vm.log().addListener((ListChangeListener<String>) c -> {
            if (showing && followTail && !vm.log().isEmpty()) {
                tailPending = true;
                log.requestLayout();
            }
        });
        vm.logPane().searchTextProperty().addListener((o, was, now) -> log.refresh());
        vm.logPane().currentMatchProperty().addListener((o, was, now) -> {
            int line = now.intValue();
            if (line >= 0) {
                followTail = false;
                log.getSelectionModel().clearAndSelect(line);
                log.scrollTo(Math.max(0, line - 3));
            }
        });

        TextField search = new TextField();
        search.setId("logSearch");
        search.setPromptText("Search the log (Enter: next, Shift+Enter: previous)");
        search.textProperty().bindBidirectional(vm.logPane().searchTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    vm.logPane().previousMatch();
                } else {
                    vm.logPane().nextMatch();
                }
                e.consume();
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        Label matches = new Label();
        matches.setId("logMatches");
        matches.textProperty().bind(vm.logPane().matchTextProperty());
        Button copy = new Button("Copy");
        copy.setId("copyLog");
        copy.setTooltip(new Tooltip("Copy the selected lines, or the whole log when none is selected"));
        copy.setOnAction(e -> copy());
        Button save = new Button("Save…");
        save.setId("saveLog");
        save.setOnAction(e -> save());
        Label saved = new Label();
        saved.textProperty().bind(vm.logPane().saveStatusProperty());
        HBox tools = new HBox(6, search, matches, copy, save, saved);
        tools.setAlignment(Pos.CENTER_LEFT);

        Label file = new Label();
        file.setId("jobRemoteFile");
        file.textProperty().bind(Bindings.createStringBinding(() -> {
            String out = vm.remoteFileProperty().get();
            String zoneadm = vm.zoneadmLogFileProperty().get();
            String text = "Output on the host: " + (out == null || out.isEmpty() ? "(not known yet)" : out);
            return zoneadm == null || zoneadm.isEmpty() ? text : text + "   ·   zoneadm's log: " + zoneadm;
        }, vm.remoteFileProperty(), vm.zoneadmLogFileProperty()));

        VBox pane = new VBox(4, tools, log, file);
        VBox.setVgrow(log, Priority.ALWAYS);
        pane.setPadding(new Insets(4, 0, 0, 0));
        return pane;
    }

    /**
     * Whether the log is scrolled to its end. Read from the flow's position, which a scroll sets at once,
     * not from its cells, which it lays out only after this list's own layout.
     */
    private boolean atBottom() {
        if (!(log.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        boolean scrollable = log.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.VERTICAL && bar.isVisible());
        return !scrollable || flow.getPosition() >= 0.999;
    }

    private void copy() {
        List<Integer> selected = log.getSelectionModel().getSelectedIndices();
        String text = selected.isEmpty() ? vm.logText() : vm.logPane().text(List.copyOf(selected));
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the move's log");
        chooser.setInitialFileName(vm.logPane().suggestedFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Log files", "*.log", "*.txt"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            vm.logPane().save(file.toPath());
        }
    }

    private Node bottom() {
        Label outcome = new Label();
        outcome.setId("jobOutcome");
        outcome.getStyleClass().add("job-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeTextProperty());
        vm.outcomeProperty().addListener((o, was, now) -> styleOutcome(outcome, now));
        styleOutcome(outcome, vm.outcomeProperty().get());
        HBox.setHgrow(outcome, Priority.ALWAYS);
        outcome.setMaxWidth(Double.MAX_VALUE);

        Button cancel = new Button();
        cancel.setId("cancelMoveButton");
        cancel.textProperty().bind(vm.cancelLabelProperty());
        cancel.disableProperty().bind(vm.cancelDisabledProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.cancelTooltipProperty());
        cancel.setTooltip(why);
        cancel.setOnAction(e -> vm.cancel());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        // The reason the button is disabled must be readable without a tooltip (disabled controls show none).
        Label reason = new Label();
        reason.setId("cancelReason");
        reason.textProperty().bind(Bindings.when(vm.cancelStateProperty().isEqualTo(JobViewModel.CancelState.TOO_LATE))
                .then(vm.cancelTooltipProperty()).otherwise(""));
        reason.setWrapText(true);
        reason.setMaxWidth(360);

        HBox row = new HBox(10, outcome, reason, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(6, 0, 0, 0));
        return row;
    }

    private static void styleOutcome(Label label, FinalOutcome outcome) {
        label.getStyleClass().removeAll("outcome-succeeded", "outcome-problem", "outcome-rolled-back");
        if (outcome == null) {
            return;
        }
        label.getStyleClass().add(switch (outcome) {
            case SUCCEEDED -> "outcome-succeeded";
            case CANCELLED_AND_ROLLED_BACK -> "outcome-rolled-back";
            case FAILED_AND_ROLLED_BACK, NEEDS_ATTENTION -> "outcome-problem";
        });
    }

    /** The view model shown (the jobs view keeps one view per job). */
    /**
     * Whether the view is on screen (its tab selected). A hidden view lets go of the log and the chart,
     * so moves watched in other tabs cost no list or chart layout; shown again, it catches up at once
     * and, when it was following the log, shows its end.
     */
    public void setShowing(boolean now) {
        if (now == showing) {
            return;
        }
        showing = now;
        chart.showing(now);
        if (now) {
            log.setItems(vm.log());
            if (followTail && !vm.log().isEmpty()) {
                tailPending = true;
                log.requestLayout();
            }
        } else {
            log.setItems(FXCollections.emptyObservableList());
        }
    }

    public JobViewModel viewModel() {
        return vm;
    }

    /** Whether the log follows its newest line (tests check that scrolling up stops it). */
    boolean followsTail() {
        return followTail;
    }
}
