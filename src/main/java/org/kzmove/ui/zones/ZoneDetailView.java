package org.kzmove.ui.zones;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The detail of the selected zone under the zones table: its disks beside its root pool's vdev
 * tree, the configuration-mismatch warning above them, its problems below. Binds to a
 * {@link ZoneDetailViewModel}, nothing else.
 */
public final class ZoneDetailView extends StackPane {
    private final ZoneDetailViewModel model;

    public ZoneDetailView(ZoneDetailViewModel model) {
        this.model = model;
        setId("zoneDetail");

        Label placeholder = new Label();
        placeholder.setId("zoneDetailPlaceholder");
        placeholder.textProperty().bind(model.placeholderProperty());
        placeholder.setWrapText(true);
        placeholder.visibleProperty().bind(model.showingProperty().not());

        Label title = new Label();
        title.setId("zoneDetailTitle");
        title.textProperty().bind(model.titleProperty());
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");

        Label mismatch = shownWhenSet(model.configMismatchProperty());
        mismatch.textProperty().bind(Bindings.concat("Warning: ", model.configMismatchProperty()));
        mismatch.setId("configMismatchWarning");
        mismatch.setStyle("-fx-background-color: #fff3cd; -fx-border-color: #e0a800; -fx-text-fill: #5c4400;"
                + " -fx-padding: 6; -fx-background-radius: 3; -fx-border-radius: 3;");

        SplitPane disksAndPool = new SplitPane(disksPane(), poolPane());
        disksAndPool.setOrientation(Orientation.HORIZONTAL);
        disksAndPool.setDividerPositions(0.64);
        VBox.setVgrow(disksAndPool, Priority.ALWAYS);

        Label problems = new Label();
        problems.setId("zoneProblems");
        wrap(problems);
        problems.setStyle("-fx-text-fill: #a12622;");
        problems.textProperty().bind(Bindings.createStringBinding(
                () -> model.problems().isEmpty() ? "" : "Problems: " + String.join("; ", model.problems()),
                model.problems()));
        problems.visibleProperty().bind(problems.textProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        VBox content = new VBox(6, title, mismatch, disksAndPool, problems);
        content.setPadding(new Insets(6));
        content.visibleProperty().bind(model.showingProperty());

        getChildren().addAll(placeholder, content);
        setMinHeight(140);
    }

    private VBox disksPane() {
        Label heading = new Label();
        heading.setId("zoneDisksMessage");
        heading.textProperty().bind(model.disksMessageProperty());
        wrap(heading);

        TableView<DiskRow> disks = new TableView<>(model.disks());
        disks.setId("zoneDisksTable");
        disks.getColumns().add(column("Role", DiskRow::role, 45));
        disks.getColumns().add(column("Disk", DiskRow::disk, 45));
        disks.getColumns().add(column("Storage URI", DiskRow::storage, 260));
        disks.getColumns().add(column("Mapped device", DiskRow::mappedDevice, 200));
        disks.getColumns().add(column("Bootpri", DiskRow::bootPriority, 60));
        disks.getColumns().add(column("In pool", DiskRow::poolState, 75));
        // Every column stays in sight; long URIs are cut with an ellipsis and shown whole in the tooltip.
        disks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        disks.setPlaceholder(new Label("No disks"));
        VBox.setVgrow(disks, Priority.ALWAYS);
        return new VBox(4, heading, disks);
    }

    private VBox poolPane() {
        Label summary = new Label();
        summary.setId("zonePoolSummary");
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> model.poolSummaryProperty().get().isEmpty() ? "Root pool" : "Root pool " + model.poolSummaryProperty().get(),
                model.poolSummaryProperty()));
        wrap(summary);

        Label scan = shownWhenSet(model.poolScanProperty());
        scan.setId("zonePoolScan");
        Label message = shownWhenSet(model.poolMessageProperty());
        message.setId("zonePoolMessage");

        TreeView<PoolNode> tree = new TreeView<>();
        tree.setId("zonePoolTree");
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(PoolNode item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
            }
        });
        tree.rootProperty().bind(Bindings.createObjectBinding(() -> treeItem(model.poolTreeProperty().get()),
                model.poolTreeProperty()));
        tree.visibleProperty().bind(model.poolTreeProperty().isNotNull());
        tree.managedProperty().bind(tree.visibleProperty());
        VBox.setVgrow(tree, Priority.ALWAYS);
        return new VBox(4, summary, scan, message, tree);
    }

    private static TreeItem<PoolNode> treeItem(PoolNode node) {
        if (node == null) {
            return null;
        }
        TreeItem<PoolNode> item = new TreeItem<>(node);
        node.children().forEach(c -> item.getChildren().add(treeItem(c)));
        item.setExpanded(true);
        return item;
    }

    /** A wrapping label bound to {@code text}, present only while the text is not empty. */
    private static Label shownWhenSet(ObservableStringValue text) {
        Label label = new Label();
        label.textProperty().bind(text);
        wrap(label);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Wrapping text in a VBox needs a minimum height of its preferred one, or it is cut to one line. */
    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
    }

    private static TableColumn<DiskRow, String> column(String title, Function<DiskRow, String> cell, double width) {
        TableColumn<DiskRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(cell.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 8 ? null : new Tooltip(item));
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
