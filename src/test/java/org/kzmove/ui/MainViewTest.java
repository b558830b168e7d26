package org.kzmove.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.KzmoveApplication;
import org.kzmove.app.KzmovePaths;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.hosts.ConnectionState;
import org.kzmove.ui.hosts.HostViewModel;
import org.kzmove.ui.zones.ZoneRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, wired as the console wires it, against the real Demo host: the simulated
 * host with the demo scenario on 127.0.0.1, over SSH. Headless (Monocle), see the surefire settings.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private KzmoveApplication.Console console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = KzmoveApplication.wire(new KzmovePaths(dir.resolve("config"), dir.resolve("data")), 30, dialogs);
        console.show(stage);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void theDemoHostIsListedAndItsZonesFillTheTable(FxRobot robot) throws Exception {
        ListView<HostViewModel> hosts = robot.lookup("#hostsList").queryListView();
        TableView<ZoneRow> zones = robot.lookup("#zonesTable").queryTableView();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> zones.getItems().stream().anyMatch(z -> z.name().equals("web01")));

        assertThat(stage.getTitle()).isEqualTo("kzmove");
        assertThat(hosts.getItems()).singleElement().satisfies(h -> {
            assertThat(h.nameProperty().get()).isEqualTo("Demo host");
            assertThat(h.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(h.summaryBinding().get()).startsWith("connected · Solaris 11.4 SRU").endsWith(" zones");
        });
        assertThat(zones.getItems()).extracting(ZoneRow::name).contains("web01", "db01");
        ZoneRow web01 = zones.getItems().stream().filter(z -> z.name().equals("web01")).findFirst().orElseThrow();
        assertThat(web01.brand()).isEqualTo("solaris-kz");
        assertThat(web01.state()).isEqualTo("running");
        assertThat(web01.disks()).isPositive();
        assertThat(web01.rootPoolHealth()).isEqualTo("ONLINE");
        StatusBar status = robot.lookup("#statusBar").query();
        assertThat(status.getText()).startsWith("Demo host (kzadmin@127.0.0.1:").endsWith("): connected");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void theZonesAreRenderedInTableCells(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(cellWithText("app01")).tryQuery().isPresent()
                && robot.lookup(cellWithText("db01")).tryQuery().isPresent());

        assertThat(robot.lookup(cellWithText("build01")).tryQuery()).as("build01's cell is rendered").isPresent();
    }

    private static Predicate<Node> cellWithText(String text) {
        return n -> n instanceof TableCell<?, ?> cell && text.equals(cell.getText());
    }
}
