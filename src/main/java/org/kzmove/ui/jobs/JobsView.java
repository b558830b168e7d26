package org.kzmove.ui.jobs;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The jobs list and the moves opened from it. Each opened move gets a tab below the table (decision:
 * tabs, not windows, so several moves can be watched side by side in the one window, nothing gets lost
 * behind the main window, and the layout is one the window remembers); opening an open move selects
 * its tab. A move the user starts opens at once.
 */
public final class JobsView extends SplitPane {
    private final JobsViewModel vm;
    private final TabPane tabs;
    private final Map<JobViewModel, Tab> open = new HashMap<>();

    /** The jobs list above its own tabs of opened moves (a window of its own, in tests). */
    public JobsView(JobsViewModel vm) {
        this(vm, new TabPane(), true);
    }

    /**
     * The jobs list only; opened moves become closable tabs of {@code tabs} (the main window's
     * tab pane, beside its Zones tab), so a move gets the whole right side of the window.
     */
    public JobsView(JobsViewModel vm, TabPane tabs) {
        this(vm, tabs, false);
    }

    private JobsView(JobsViewModel vm, TabPane tabs, boolean ownTabs) {
        this.vm = vm;
        this.tabs = tabs;
        setOrientation(Orientation.VERTICAL);
        setId("jobsView");
        TableView<JobViewModel> table = table();
        getItems().add(table);
        if (ownTabs) {
            tabs.setId("jobTabs");
            tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
            Label none = new Label("Open a move from the list (double-click or Enter) to watch it here.");
            none.visibleProperty().bind(Bindings.isEmpty(tabs.getTabs()));
            getItems().add(new javafx.scene.layout.StackPane(none, tabs));
            setDividerPositions(0.25);
        }

        // Only the move on screen follows its log and chart (see JobView.setShowing).
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> open.values()
                .forEach(t -> ((JobView) t.getContent()).setShowing(t == now)));
        vm.openedProperty().addListener((o, was, job) -> show(job));
        if (vm.openedProperty().get() != null) {
            show(vm.openedProperty().get());
        }
    }

    private TableView<JobViewModel> table() {
        TableView<JobViewModel> table = new TableView<>(vm.jobs());
        table.setId("jobsTable");
        table.setPlaceholder(new Label("No moves yet. Start one from a zone; moves from earlier sessions appear "
                + "here once their host is reachable."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(text("Host", j -> j.hostNameProperty()));
        table.getColumns().add(text("Zone", j -> j.zoneProperty()));
        table.getColumns().add(text("State", j -> j.stateTextProperty()));
        TableColumn<JobViewModel, Number> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(c -> c.getValue().progressProperty());
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                } else {
                    bar.setProgress(value.doubleValue());
                    bar.setMaxWidth(Double.MAX_VALUE);
                    setGraphic(bar);
                }
            }
        });
        table.getColumns().add(progress);
        TableColumn<JobViewModel, String> started = new TableColumn<>("Started");
        started.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().startedText()));
        table.getColumns().add(started);
        table.getColumns().add(text("Duration", j -> j.durationTextProperty()));

        table.setRowFactory(t -> {
            TableRow<JobViewModel> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        return table;
    }

    private static TableColumn<JobViewModel, String> text(String title,
            java.util.function.Function<JobViewModel, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<JobViewModel, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        return column;
    }

    private void show(JobViewModel job) {
        if (job == null) {
            return;
        }
        Tab tab = open.computeIfAbsent(job, j -> {
            Tab t = new Tab();
            t.textProperty().bind(Bindings.concat(j.zoneProperty(), " @ ", j.hostNameProperty()));
            t.setContent(new JobView(j));
            t.setClosable(true);
            t.setId("jobTab-" + j.zoneProperty().get());
            t.setOnClosed(e -> open.remove(j));
            ((JobView) t.getContent()).setShowing(false);
            tabs.getTabs().add(t);
            return t;
        });
        tabs.getSelectionModel().select(tab);
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        open.values().forEach(t -> ((JobView) t.getContent()).setShowing(t == selected));
    }

    /** The job view in the selected tab, if any. */
    public JobView selectedJobView() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        return t == null ? null : (JobView) t.getContent();
    }
}
