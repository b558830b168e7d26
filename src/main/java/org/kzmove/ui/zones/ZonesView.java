package org.kzmove.ui.zones;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The zones of one host: a filter bar (text, state) over the zones table. Binds to a
 * {@link ZonesViewModel}, nothing else; the table's selection is the view model's.
 */
public final class ZonesView extends VBox {
    private final ZonesViewModel model;
    private final TableView<ZoneRow> table = new TableView<>();
    /** True while the view copies the view model's selection into the table, so it does not echo back. */
    private boolean copyingSelection;

    public ZonesView(ZonesViewModel model) {
        this.model = model;
        getChildren().addAll(filterBar(), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setupTable();
    }

    private HBox filterBar() {
        TextField filter = new TextField();
        filter.setId("zoneFilterField");
        filter.setPromptText("Filter by zone name or disk URI");
        filter.setTooltip(new Tooltip("Shows the zones whose name or one of whose storage URIs contains this text (Esc clears)"));
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
            }
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        ComboBox<ZoneStateFilter> state = new ComboBox<>(model.stateChoices());
        state.setId("zoneStateFilter");
        state.setTooltip(new Tooltip("Shows the zones in one state only"));
        state.valueProperty().bindBidirectional(model.stateFilterProperty());

        Label count = new Label();
        count.setId("zoneCount");
        count.textProperty().bind(model.countTextBinding());
        count.setMinWidth(90);

        HBox bar = new HBox(8, filter, state, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        return bar;
    }

    private void setupTable() {
        table.setId("zonesTable");
        table.getColumns().add(column("Zone", ZoneRow::name, 90));
        table.getColumns().add(column("State", ZoneRow::state, 85));
        table.getColumns().add(column("Brand", ZoneRow::brand, 80));
        TableColumn<ZoneRow, Integer> disks = new TableColumn<>("Disks");
        disks.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().disks()));
        disks.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item < 0 ? "-" : item.toString());
            }
        });
        disks.setPrefWidth(50);
        table.getColumns().add(disks);
        // The inventory knows the guest's root pool, not the size of each disk: the header says whose size.
        TableColumn<ZoneRow, String> size = column("Size", ZoneRow::rootPoolSize, 60);
        size.setComparator(ZoneRow::compareSizes);
        TableColumn<ZoneRow, String> rootPool = new TableColumn<>("Root pool");
        rootPool.getColumns().add(size);
        rootPool.getColumns().add(column("Health", ZoneRow::rootPoolHealth, 85));
        table.getColumns().add(rootPool);
        TableColumn<ZoneRow, String> job = new TableColumn<>("Running job");
        job.setCellValueFactory(c -> model.jobLabelBinding(c.getValue()));
        job.setPrefWidth(120);
        table.getColumns().add(job);
        table.getColumns().add(column("Problems", ZoneRow::problems, 240));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        SortedList<ZoneRow> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        Label placeholder = new Label();
        placeholder.textProperty().bind(model.placeholderBinding());
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);

        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ZoneRow>) c -> {
            if (!copyingSelection) {
                model.select(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        model.selectedRows().addListener((ListChangeListener<ZoneRow>) c -> copySelection());
    }

    /** The view model changed the selection (a refresh replaced the rows): show it. */
    private void copySelection() {
        if (List.copyOf(table.getSelectionModel().getSelectedItems()).equals(model.selectedRows())) {
            return;
        }
        copyingSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            model.selectedRows().forEach(r -> table.getSelectionModel().select(r));
        } finally {
            copyingSelection = false;
        }
    }

    private static TableColumn<ZoneRow, String> column(String title, Function<ZoneRow, String> cell, double width) {
        TableColumn<ZoneRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(cell.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
