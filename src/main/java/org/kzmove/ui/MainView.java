package org.kzmove.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.controlsfx.control.StatusBar;
import org.kzmove.ui.common.AppearanceViewModel;
import org.kzmove.ui.common.Theme;
import org.kzmove.ui.hosts.HostsView;
import org.kzmove.ui.hosts.HostsViewModel;
import org.kzmove.ui.jobs.JobsView;
import org.kzmove.ui.jobs.JobsViewModel;
import org.kzmove.ui.wizard.MoveActionViewModel;
import org.kzmove.ui.wizard.MoveWizardView;
import org.kzmove.ui.zones.ZoneDetailView;
import org.kzmove.ui.zones.ZonesView;
import org.kzmove.ui.zones.ZonesViewModel;

/**
 * The main window's content: menus and a toolbar; hosts on the left; on the right the tabs Zones
 * (the selected host's zones above the selected zone's detail), Jobs (every move) and one tab per
 * opened move; a status bar with the selected host, the connection
 * count and the job counts. Every action has a menu entry, most a shortcut (Help ▸ Keyboard shortcuts).
 */
public final class MainView extends BorderPane {
    static final KeyCombination MOVE = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination ADD_HOST = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination FIND_ZONE = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination REFRESH_ALL = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    static final KeyCombination JOBS = new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN);

    private final SplitPane hostsAndWork;
    private final SplitPane zonesAndDetail;
    private final TabPane work = new TabPane();
    private final Tab jobsTab;

    public MainView(HostsViewModel hosts, ZonesViewModel zones, MoveActionViewModel moves, JobsViewModel jobs,
            AppearanceViewModel appearance) {
        setId("mainView");
        zones.hostProperty().bind(hosts.selectedProperty());
        moves.hostProperty().bind(hosts.selectedProperty());
        moves.zoneProperty().bind(zones.selectedZoneProperty());

        HostsView hostsView = new HostsView(hosts);
        ZonesView zonesView = new ZonesView(zones);

        // The work area: the zones, the jobs list, then one closable tab per opened move, so a move
        // being watched gets the whole right side of the window.
        zonesAndDetail = new SplitPane(zonesView, new ZoneDetailView(zones.detail()));
        zonesAndDetail.setOrientation(Orientation.VERTICAL);
        zonesAndDetail.setDividerPositions(0.5);
        Tab zonesTab = new Tab("Zones", zonesAndDetail);
        zonesTab.setId("zonesTab");
        zonesTab.setClosable(false);
        jobsTab = new Tab();
        jobsTab.setId("jobsTab");
        jobsTab.setClosable(false);
        jobsTab.textProperty().bind(Bindings.concat("Jobs (", jobs.summaryProperty(), ")"));
        jobsTab.setContent(new JobsView(jobs, work));
        work.setId("workTabs");
        work.getTabs().addAll(zonesTab, jobsTab);
        work.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);

        hostsAndWork = new SplitPane(hostsView, work);
        hostsAndWork.setOrientation(Orientation.HORIZONTAL);
        hostsAndWork.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(hostsView, false);
        setCenter(hostsAndWork);

        Runnable openWizard = () -> moves.wizard().ifPresent(w -> MoveWizardView.open(window(), w));
        Runnable refresh = hosts::refreshSelected;
        Runnable focusFilter = () -> {
            work.getSelectionModel().select(zonesTab);
            if (lookup("#zoneFilterField") != null) {
                lookup("#zoneFilterField").requestFocus();
            }
        };
        Runnable focusJobs = () -> {
            work.getSelectionModel().select(jobsTab);
            if (lookup("#jobsTable") != null) {
                lookup("#jobsTable").requestFocus();
            }
        };

        Button move = new Button("_Move storage…");
        move.setId("moveButton");
        move.setMnemonicParsing(true);
        move.setTooltip(new Tooltip("Move the selected kernel zone's root pool to new storage ("
                + MOVE.getDisplayText() + ")"));
        move.disableProperty().bind(moves.canMoveBinding().not());
        move.setOnAction(e -> openWizard.run());
        Button refreshButton = new Button("Refresh");
        refreshButton.setId("refreshButton");
        refreshButton.setTooltip(new Tooltip("Read the selected host's zones again (" + REFRESH.getDisplayText() + ")"));
        refreshButton.setOnAction(e -> refresh.run());
        ToolBar toolbar = new ToolBar(move, refreshButton);

        MenuItem addHost = item("_Add host…", ADD_HOST, hostsView::openAddHost);
        addHost.setDisable(!hosts.canAdd());
        MenuItem removeHost = item("_Remove host", null, hosts::removeSelected);
        removeHost.disableProperty().bind(hosts.canRemoveBinding().not());
        Menu file = new Menu("_File", null, addHost, removeHost, new SeparatorMenuItem(),
                item("_Quit", QUIT, this::closeWindow));

        Menu view = new Menu("_View", null,
                item("_Refresh selected host", REFRESH, refresh),
                item("Refresh _all hosts", REFRESH_ALL, hosts::refreshAll),
                item("_Find zone", FIND_ZONE, focusFilter),
                item("Go to _jobs", JOBS, focusJobs),
                new SeparatorMenuItem(),
                themeMenu(appearance));

        MenuItem moveItem = item("_Move storage…", MOVE, openWizard);
        moveItem.disableProperty().bind(moves.canMoveBinding().not());
        Menu zone = new Menu("_Zone", null, moveItem);

        Menu help = new Menu("_Help", null, item("_Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1),
                this::showShortcuts));

        MenuBar menus = new MenuBar(file, view, zone, help);
        menus.setId("menuBar");
        setTop(new VBox(menus, toolbar));

        StatusBar status = new StatusBar();
        status.setId("statusBar");
        status.textProperty().bind(hosts.statusBinding());
        Label connections = new Label();
        connections.setId("connectionCounts");
        connections.textProperty().bind(hosts.connectionsBinding());
        Label jobCounts = new Label();
        jobCounts.setId("jobCounts");
        jobCounts.textProperty().bind(jobs.summaryProperty());
        Pane gap = new Pane();
        gap.setMinWidth(16);
        status.getRightItems().addAll(connections, gap, jobCounts);
        VBox.setVgrow(status, Priority.NEVER);
        setBottom(status);
    }

    /** The split positions, outermost first (remembered between runs). */
    public List<Double> dividerPositions() {
        List<Double> all = new ArrayList<>();
        for (SplitPane p : List.of(hostsAndWork, zonesAndDetail)) {
            for (double d : p.getDividerPositions()) {
                all.add(d);
            }
        }
        return all;
    }

    /** Puts the splits back where {@link #dividerPositions()} found them; ignores a list of another shape. */
    public void restoreDividerPositions(List<Double> positions) {
        if (positions.size() != 2) {
            return;
        }
        hostsAndWork.setDividerPositions(positions.get(0));
        zonesAndDetail.setDividerPositions(positions.get(1));
    }

    private Menu themeMenu(AppearanceViewModel appearance) {
        ToggleGroup group = new ToggleGroup();
        Menu menu = new Menu("_Theme");
        menu.setId("themeMenu");
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t == Theme.SYSTEM
                    ? t.label() + (appearance.desktopPrefersDark() ? " (dark)" : " (light)") : t.label());
            item.setId("theme" + t.name());
            item.setToggleGroup(group);
            item.setSelected(appearance.themeProperty().get() == t);
            item.setOnAction(e -> appearance.themeProperty().set(t));
            menu.getItems().add(item);
        }
        return menu;
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(true);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Closes the window as its close button would, so what happens on close (saving the layout) happens. */
    private void closeWindow() {
        Window w = window();
        if (w != null) {
            w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (w.isShowing()) {
                w.hide();
            }
        }
    }

    private void showShortcuts() {
        String text = String.join("\n",
                ADD_HOST.getDisplayText() + "\tAdd a host",
                "Delete\tRemove the selected saved host (in the hosts list)",
                REFRESH.getDisplayText() + "\tRead the selected host's zones again",
                REFRESH_ALL.getDisplayText() + "\tRead every host's zones again",
                FIND_ZONE.getDisplayText() + "\tFilter the zones (Escape clears the filter)",
                MOVE.getDisplayText() + "\tMove the selected zone's storage (opens the wizard)",
                JOBS.getDisplayText() + "\tGo to the jobs list (Enter opens the selected job)",
                "Ctrl+Tab\tNext tab (Zones, Jobs, opened moves)",
                "Enter / Escape\tNext step / close, in the wizard and dialogs",
                "Enter / Shift+Enter\tNext / previous match, in a job's log search",
                QUIT.getDisplayText() + "\tQuit (moves on real hosts keep running; the Demo host stops)",
                "Alt+letter\tThe underlined letter of a menu or button");
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setPrefRowCount(12);
        area.getStyleClass().add("monospace");
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("kzmove");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(area);
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.show();
    }
}
