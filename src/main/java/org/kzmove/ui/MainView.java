package org.kzmove.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.kzmove.ui.hosts.HostsView;
import org.kzmove.ui.hosts.HostsViewModel;
import org.kzmove.ui.zones.ZoneDetailView;
import org.kzmove.ui.zones.ZonesView;
import org.kzmove.ui.wizard.MoveActionViewModel;
import org.kzmove.ui.wizard.MoveWizardView;
import org.kzmove.ui.zones.ZonesViewModel;

/** The main window\'s content: a toolbar, hosts on the left, the selected host\'s zones above the selected zone\'s detail, a status bar. */
public final class MainView extends BorderPane {

    public MainView(HostsViewModel hosts, ZonesViewModel zones, MoveActionViewModel moves) {
        zones.hostProperty().bind(hosts.selectedProperty());

        ZonesView zonesView = new ZonesView(zones);
        moves.hostProperty().bind(hosts.selectedProperty());
        moves.zoneProperty().bind(zones.selectedZoneProperty());
        Button move = new Button("_Move storage…");
        move.setId("moveButton");
        move.disableProperty().bind(moves.canMoveBinding().not());
        move.setOnAction(e -> moves.wizard().ifPresent(w -> MoveWizardView.open(getScene().getWindow(), w)));
        setTop(new ToolBar(move));

        SplitPane zonesAndDetail = new SplitPane(zonesView, new ZoneDetailView(zones.detail()));
        zonesAndDetail.setOrientation(Orientation.VERTICAL);
        zonesAndDetail.setDividerPositions(0.55);
        SplitPane split = new SplitPane(new HostsView(hosts), zonesAndDetail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        setCenter(split);

        Button refresh = new Button("Refresh");
        refresh.setId("refreshButton");
        refresh.setOnAction(e -> hosts.refreshSelected());
        refresh.setFocusTraversable(false);

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(hosts.statusBinding());
        status.getRightItems().add(refresh);
        setBottom(status);
    }
}
