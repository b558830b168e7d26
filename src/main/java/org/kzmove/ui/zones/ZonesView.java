package org.kzmove.ui.zones;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The zones table of one host: binds to a {@link ZonesViewModel}, nothing else. */
public final class ZonesView extends TableView<ZoneRow> {

    public ZonesView(ZonesViewModel model) {
        setId("zonesTable");
        getColumns().add(column("Zone", ZoneRow::name, 110));
        getColumns().add(column("State", ZoneRow::state, 90));
        getColumns().add(column("Brand", ZoneRow::brand, 90));
        TableColumn<ZoneRow, Integer> disks = new TableColumn<>("Disks");
        disks.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().disks()));
        disks.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item < 0 ? "-" : item.toString());
            }
        });
        disks.setPrefWidth(55);
        getColumns().add(disks);
        getColumns().add(column("Root pool size", ZoneRow::rootPoolSize, 125));
        getColumns().add(column("Root pool health", ZoneRow::rootPoolHealth, 150));
        getColumns().add(column("Problems", ZoneRow::problems, 260));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        itemsProperty().bind(model.rowsBinding());
        Label placeholder = new Label();
        placeholder.textProperty().bind(model.placeholderBinding());
        placeholder.setWrapText(true);
        setPlaceholder(placeholder);
    }

    private static TableColumn<ZoneRow, String> column(String title, Function<ZoneRow, String> cell, double width) {
        TableColumn<ZoneRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> text(cell.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static ObservableValue<String> text(String value) {
        return new ReadOnlyStringWrapper(value);
    }
}
