package org.kzmove.ui;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.StatusBar;
import org.kzmove.ui.hosts.HostsView;
import org.kzmove.ui.hosts.HostsViewModel;
import org.kzmove.ui.jobs.JobsView;
import org.kzmove.ui.jobs.JobsViewModel;
import org.kzmove.ui.zones.ZonesView;
import org.kzmove.ui.zones.ZonesViewModel;

/** The main window's content: hosts on the left, the selected host's zones, a status bar. */
public final class MainView extends BorderPane {

    public MainView(HostsViewModel hosts, ZonesViewModel zones, JobsViewModel jobs) {
        zones.hostProperty().bind(hosts.selectedProperty());

        SplitPane split = new SplitPane(new HostsView(hosts), new ZonesView(zones));
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        // The jobs area below the hosts and zones (the lead finalises the layout).
        SplitPane withJobs = new SplitPane(split, new JobsView(jobs));
        withJobs.setOrientation(Orientation.VERTICAL);
        withJobs.setDividerPositions(0.55);
        setCenter(withJobs);

        Button refresh = new Button("Refresh");
        refresh.setId("refreshButton");
        refresh.setOnAction(e -> hosts.refreshSelected());
        refresh.setFocusTraversable(false);

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(hosts.statusBinding());
        Label jobCounts = new Label();
        jobCounts.setId("jobCounts");
        jobCounts.textProperty().bind(jobs.summaryProperty());
        status.getRightItems().addAll(jobCounts, refresh);
        setBottom(status);
    }
}
