package org.kzmove.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.KzmoveApplication;
import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.jobs.JobViewModel;
import org.kzmove.ui.zones.DiskRow;
import org.kzmove.ui.zones.ZoneRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console as a user drives it, wired as {@code app/bin/kzmove} wires it, against the
 * Demo host (the simulated Solaris host over real SSH): pick a zone, go through the wizard, watch
 * the move in its tab, and see the zone's disks afterwards — once to success, once cancelled during
 * the resilver. Headless (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleEndToEndTest {
    private static final String WEB01_DISK = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk0";
    /** 64G and free on the demo host. */
    private static final String GOOD_LUN = "iscsi://zfssa02/luname.naa.600144F0FAC180D6B2E6E1B465E55130";

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private KzmoveApplication.Console console;

    @Start
    void start(Stage stage) {
        // A slower clock than the console's (30x): a cancel must land while the resilver is running.
        console = KzmoveApplication.wire(new KzmovePaths(dir.resolve("config"), dir.resolve("data")), 10, dialogs);
        console.show(stage);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aZoneMovedThroughTheWizardEndsOnItsNewDiskWithProgressAndChartAdvancing(FxRobot robot) throws Exception {
        startMoveThroughTheWizard(robot, "web01", GOOD_LUN);

        JobViewModel job = openedJob(robot);
        ProgressBar bar = robot.lookup("#jobProgress").query();
        List<Double> progress = new CopyOnWriteArrayList<>();
        robot.interact(() -> bar.progressProperty().addListener((o, was, now) -> progress.add(now.doubleValue())));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> job.outcomeProperty().get() != null);

        assertThat(job.outcomeProperty().get()).as(job.logText()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(progress.stream().filter(p -> p > 0 && p < 1).distinct().count())
                .as("the bar advanced through the resilver: %s", progress).isGreaterThan(2L);
        assertThat(job.chart()).as("the chart's data").hasSizeGreaterThan(2);
        assertThat(robot.lookup("#resilverChart").lookup((Node n) -> n instanceof LineChart<?, ?>).queryAll())
                .as("the drawn charts").anySatisfy(n -> assertThat(((LineChart<?, ?>) n).getData())
                        .anySatisfy(series -> assertThat(series.getData()).hasSizeGreaterThan(2)));
        assertThat(robot.lookup("#jobOutcome").queryAs(Label.class).getText()).startsWith("Succeeded");
        assertThat(robot.lookup("#jobCounts").queryAs(Label.class).getText()).isEqualTo("0 running · 1 finished");

        // The console reads the host again after the move: the zone is on the new disk only.
        selectZone(robot, "web01");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bootDisks().equals(List.of(GOOD_LUN.toLowerCase()))
                || bootDisks().equals(List.of(GOOD_LUN)));
        assertThat(zoneRow("web01").rootPoolHealth()).isEqualTo("ONLINE");
        assertThat(dialogs.notices()).singleElement()
                .satisfies(n -> assertThat(n.title()).isEqualTo("Move of zone 'web01' on Demo host succeeded"));
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void cancelDuringTheResilverLeavesTheZoneOnItsOriginalDisk(FxRobot robot) throws Exception {
        startMoveThroughTheWizard(robot, "web01", GOOD_LUN);
        JobViewModel job = openedJob(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.phaseProperty().get() == MovePhase.RESILVERING);
        Button cancel = robot.lookup("#cancelMoveButton").queryButton();
        dialogs.answerConfirmations(true);

        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> job.outcomeProperty().get() != null);

        assertThat(dialogs.confirmations()).singleElement()
                .satisfies(c -> assertThat(c.message()).contains("original disks: " + WEB01_DISK));
        assertThat(job.outcomeProperty().get()).as(job.logText()).isEqualTo(FinalOutcome.CANCELLED_AND_ROLLED_BACK);
        assertThat(robot.lookup("#jobOutcome").queryAs(Label.class).getText()).startsWith("Cancelled and rolled back");
        selectZone(robot, "web01");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bootDisks().equals(List.of(WEB01_DISK)));
        assertThat(dialogs.notices()).singleElement()
                .satisfies(n -> assertThat(n.title()).isEqualTo("Move of zone 'web01' on Demo host rolled back"));
        assertThat(dialogs.errors()).isEmpty();
    }

    /** Selects the zone, opens the wizard with its shortcut and goes through all five steps to Start. */
    private void startMoveThroughTheWizard(FxRobot robot, String zone, String target) throws Exception {
        selectZone(robot, zone);
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#wizardNext").tryQuery().isPresent());
        robot.clickOn("#wizardNext");
        TextField uri = robot.lookup("#targetUri0").queryAs(TextField.class);
        robot.interact(() -> uri.setText(target));
        robot.clickOn("#wizardNext").clickOn("#wizardNext");
        Label status = robot.lookup("#precheckStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#precheckProgress").query().isVisible()
                && !status.getText().startsWith("Running"));
        CheckBox accept = robot.lookup("#acceptWarnings").queryAs(CheckBox.class);
        if (accept.isVisible()) {
            robot.clickOn(accept);
        }
        robot.clickOn("#wizardNext");
        assertThat(robot.lookup("#summaryCommand").queryAs(TextField.class).getText())
                .isEqualTo("pfexec zoneadm -z " + zone + " move -v -p " + target);
        robot.clickOn("#wizardStart");
    }

    private JobViewModel openedJob(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#jobProgress").tryQuery().isPresent());
        TableView<JobViewModel> jobs = robot.lookup("#jobsTable").queryTableView();
        assertThat(jobs.getItems()).hasSize(1);
        return jobs.getItems().get(0);
    }

    private void selectZone(FxRobot robot, String zone) throws Exception {
        robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && "Zones".equals(l.getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> console.zones().rows().stream().anyMatch(r -> r.name().equals(zone)));
        TextField filter = robot.lookup("#zoneFilterField").queryAs(TextField.class);
        robot.interact(() -> filter.setText(zone));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(cellWithText(zone)).tryQuery().isPresent());
        robot.clickOn(robot.lookup(cellWithText(zone)).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.zones().selectedZoneProperty().get() != null);
    }

    private List<String> bootDisks() {
        return console.zones().detail().bootableDisks().stream().map(DiskRow::storage).toList();
    }

    private ZoneRow zoneRow(String zone) {
        return console.zones().rows().stream().filter(r -> r.name().equals(zone)).findFirst().orElseThrow();
    }

    private static Predicate<Node> cellWithText(String text) {
        return n -> n instanceof TableCell<?, ?> cell && text.equals(cell.getText());
    }
}
