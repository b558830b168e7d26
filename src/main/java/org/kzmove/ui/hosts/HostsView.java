package org.kzmove.ui.hosts;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The hosts list: each host with its connection state, Solaris release and number of zones. */
public final class HostsView extends ListView<HostViewModel> {

    public HostsView(HostsViewModel model) {
        setId("hostsList");
        setItems(model.hosts());
        setCellFactory(list -> new HostCell());
        getSelectionModel().select(model.selectedProperty().get());
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> getSelectionModel().select(now));
        setPrefWidth(300);
        setMinWidth(240);
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
