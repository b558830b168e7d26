package org.kzmove.ui.hosts;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The hosts pane: Add host… (Ctrl+N) and Remove host above the list of hosts, each with its
 * connection state, Solaris release and number of zones.
 */
public final class HostsView extends BorderPane {
    private static final KeyCombination ADD_HOST = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final HostsViewModel model;

    public HostsView(HostsViewModel model) {
        this.model = model;
        setId("hostsPane");
        ListView<HostViewModel> list = new ListView<>(model.hosts());
        list.setId("hostsList");
        list.setCellFactory(l -> new HostCell());
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                model.removeSelected();
            }
        });
        setCenter(list);

        Button add = new Button("Add host…");
        add.setId("addHostButton");
        add.setTooltip(new Tooltip("Add a Solaris host to the list (" + ADD_HOST.getDisplayText() + ")"));
        add.setDisable(!model.canAdd());
        add.setOnAction(e -> openAddHost());
        Button remove = new Button("Remove host");
        remove.setId("removeHostButton");
        remove.setTooltip(new Tooltip("Forget the selected saved host (Delete)"));
        remove.disableProperty().bind(model.canRemoveBinding().not());
        remove.setOnAction(e -> model.removeSelected());
        setTop(new ToolBar(add, remove));

        sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(ADD_HOST);
            }
            if (now != null && model.canAdd()) {
                now.getAccelerators().put(ADD_HOST, this::openAddHost);
            }
        });
        setPrefWidth(300);
        setMinWidth(240);
    }

    /** Opens the add-host dialog (the Hosts menu and Ctrl+N). */
    public void openAddHost() {
        Scene scene = getScene();
        AddHostView.open(scene == null ? null : scene.getWindow(), model.newAddHost());
    }

    private static final class HostCell extends ListCell<HostViewModel> {
        private final Label name = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(2, name, summary);

        HostCell() {
            name.setStyle("-fx-font-weight: bold;");
            summary.setStyle("-fx-opacity: 0.75;");
        }

        @Override
        protected void updateItem(HostViewModel item, boolean empty) {
            super.updateItem(item, empty);
            name.textProperty().unbind();
            summary.textProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.textProperty().bind(item.nameProperty());
            summary.textProperty().bind(item.summaryBinding());
            setGraphic(box);
        }
    }
}
