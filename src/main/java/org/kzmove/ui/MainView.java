package org.kzmove.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.kzmove.ui.hosts.HostsView;
import org.kzmove.ui.hosts.HostsViewModel;
import org.kzmove.ui.zones.ZoneDetailView;
import org.kzmove.ui.zones.ZonesView;
import org.kzmove.ui.zones.ZonesViewModel;

/** The main window's content: hosts on the left, the selected host's zones above the selected zone's detail, a status bar. */
public final class MainView extends BorderPane {

    public MainView(HostsViewModel hosts, ZonesViewModel zones) {
        zones.hostProperty().bind(hosts.selectedProperty());

        SplitPane zonesAndDetail = new SplitPane(new ZonesView(zones), new ZoneDetailView(zones.detail()));
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
