package org.kzmove.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The job view bound to a view model fed with a real transcript on the FX thread: what a user sees and does. */
@ExtendWith(ApplicationExtension.class)
class JobViewTest {
    final RecordingDialogService dialogs = new RecordingDialogService();
    final FakeJobControl control = new FakeJobControl();
    JobViewModel vm;
    TranscriptPlayer player;

    @Start
    void start(Stage stage) {
        vm = JobViewModel.live(new JobInfo(null, "Demo host", "lsm", List.of(JobViewModelTest.NEW_1, JobViewModelTest.NEW_2),
                "pfexec zoneadm -z lsm move -v -p " + JobViewModelTest.NEW_1 + " -p " + JobViewModelTest.NEW_2, null,
                Instant.parse("2026-11-26T09:00:00Z")), UiThread.callerThread(), SameThreadTaskExecutor.immediate(),
                dialogs, new TickingClock());
        vm.attach(control, "20261126T090000Z-lsm-abcd", "/var/tmp/kzmove/jobs/20261126T090000Z-lsm-abcd.out");
        player = new TranscriptPlayer("verbose-mirror.txt", vm.listener(), JobViewModelTest.SIX_GIB);
        stage.setScene(new Scene(new JobView(vm), 1000, 760));
        stage.show();
    }

    @Test
    void theViewShowsTheStepperProgressFiguresChartAndFileDuringTheResilver(FxRobot robot) throws IOException {
        robot.interact(() -> player.playThrough(l -> l.contains("5.12G resilvered at 36.8M/s")));

        FlowPane stepper = robot.lookup("#jobStepper").query();
        assertThat(stepper.getChildren().stream().filter(n -> n instanceof Label l && l.getStyleClass().contains("job-step"))
                .map(n -> ((Label) n).getText() + ":" + n.getStyleClass().stream().filter(c -> c.startsWith("step-"))
                        .findFirst().orElse("")))
                .containsExactly("Pre-checks:step-done", "Configuring:step-done", "Attaching:step-done",
                        "Resilvering:step-active", "Verifying:step-pending", "Detaching:step-pending",
                        "Removing:step-pending", "Done:step-pending");
        assertThat(robot.lookup("#jobProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(vm.progressProperty().get())
                .isGreaterThan(0.8);
        assertThat(robot.lookup("#jobPercent").queryAs(Label.class).getText()).isEqualTo("85.3 %");
        assertThat(robot.lookup("#jobPhase").queryAs(Label.class).getText()).isEqualTo("Resilvering");
        assertThat(robot.lookup("#jobRate").queryAs(Label.class).getText()).isEqualTo("36.8M/s");
        assertThat(robot.lookup("#resilverChart").queryAs(ResilverChart.class).ratePoints()).isEqualTo(vm.chart().size())
                .isGreaterThan(50);
        assertThat(robot.lookup("#jobRemoteFile").queryAs(Label.class).getText())
                .isEqualTo("Output on the host: /var/tmp/kzmove/jobs/20261126T090000Z-lsm-abcd.out   ·   zoneadm's log: "
                        + "/var/log/zones/zoneadm.20220718T003054Z.lsm.move");
        assertThat(robot.lookup("#cancelMoveButton").queryButton().getText()).isEqualTo("Cancel move");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lastVisibleLine(robot)).as("the log shows its newest line").isEqualTo(vm.log().size() - 1);
        snapshot(robot, robot.lookup("#jobStepper").query().getScene().getRoot(), "job-view-resilvering.png");
    }

    @Test
    void theLogFollowsItsTailUntilScrolledUpAndAgainAtTheBottom(FxRobot robot) throws IOException {
        robot.interact(() -> player.playThrough(l -> l.contains("870M resilvered")));
        ListView<String> log = robot.lookup("#jobLog").queryListView();
        JobView view = robot.lookup(".job-view").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.followsTail()).isTrue();
        assertThat(lastVisibleLine(robot)).isEqualTo(vm.log().size() - 1);
        snapshot(robot, log, "log-following.png");

        robot.clickOn(log).type(KeyCode.HOME);
        robot.interact(() -> player.playThrough(l -> l.contains("1.5G resilvered") || l.contains("Verifying all")));
        assertThat(view.followsTail()).as("scrolled up: stays put").isFalse();
        assertThat(lastVisibleLine(robot)).isLessThan(vm.log().size() - 1);

        robot.type(KeyCode.END);
        robot.interact(() -> player.playAll());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.followsTail()).isTrue();
        // The outcome shown at the end changes the header's height: the log scrolls at the layout after that.
        waitUntil(() -> lastVisibleLine(robot) == vm.log().size() - 1);
        snapshot(robot, log.getScene().getRoot(), "log-end.png");
        assertThat(lastVisibleLine(robot)).isEqualTo(vm.log().size() - 1);
    }

    @Test
    void theLogPaneShowsAHostsEscapeSequencesVisiblyEscaped(FxRobot robot) {
        robot.interact(() -> player.playThrough(l -> l.contains("870M resilvered")));
        robot.interact(() -> vm.listener().onLine("zoneadm: \u001b]0;pwned\u0007\u001b[2J\u001b]52;c;cm0gLXJmIC8K\u0007"
                + "\u009b2J\rdone"));
        WaitForAsyncUtils.waitForFxEvents();
        String shown = "zoneadm: \\e]0;pwned\\x07\\e[2J\\e]52;c;cm0gLXJmIC8K\\x07\\u009b2J\\x0ddone";
        waitUntil(() -> robot.lookup("#jobLog .list-cell").queryAll().stream()
                .anyMatch(n -> shown.equals(((javafx.scene.control.ListCell<?>) n).getText())));

        assertThat(robot.lookup("#jobLog .list-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null))
                .contains(shown)
                .noneMatch(t -> t.chars().anyMatch(c -> c < 0x20 && c != '\t' || c >= 0x7f && c <= 0x9f));
        assertThat(vm.log()).last().isEqualTo(shown);
        assertThat(vm.logPane().text()).as("copy and save carry no raw escape either").doesNotContain("\u001b", "\u009b");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            // The assertion that follows says what was seen instead.
        }
    }

    private static int lastVisibleLine(FxRobot robot) {
        int[] index = new int[1];
        robot.interact(() -> {
            javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#jobLog .virtual-flow").query();
            index[0] = flow.getLastVisibleCell().getIndex();
        });
        return index[0];
    }

    @Test
    void searchJumpsToAndHighlightsMatchesAndCopyTakesTheSelection(FxRobot robot) {
        robot.interact(() -> player.playAll());

        robot.clickOn("#logSearch").write("c1d3").type(KeyCode.ENTER);

        ListView<String> log = robot.lookup("#jobLog").queryListView();
        int match = vm.logPane().currentMatchProperty().get();
        assertThat(vm.log().get(match)).contains("c1d3");
        assertThat(log.getSelectionModel().getSelectedIndex()).isEqualTo(match);
        assertThat(robot.lookup("#logMatches").queryAs(Label.class).getText()).isEqualTo("line " + (match + 1)
                + " · 3 matches");
        assertThat(robot.lookup(".search-match").queryAll()).isNotEmpty()
                .allSatisfy(n -> assertThat(((javafx.scene.control.ListCell<?>) n).getText()).containsIgnoringCase("c1d3"));

        robot.clickOn("#copyLog");
        assertThat(clipboard(robot)).isEqualTo(vm.log().get(match) + "\n");

        robot.interact(() -> log.getSelectionModel().clearSelection());
        robot.clickOn("#copyLog");
        assertThat(clipboard(robot)).isEqualTo(vm.logText()).hasLineCount(144);
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void theCancelButtonSaysWhenItIsTooLateAndWhy(FxRobot robot) {
        robot.interact(() -> player.playThrough(l -> l.startsWith("Detaching original disks")));

        Button cancel = robot.lookup("#cancelMoveButton").queryButton();
        assertThat(cancel.getText()).isEqualTo("Too late to cancel");
        assertThat(cancel.isDisabled()).isTrue();
        assertThat(cancel.getTooltip().getText()).contains("can no longer be restored");
        assertThat(robot.lookup("#cancelReason").queryAs(Label.class).getText()).contains("can no longer be restored");
    }

    /** Writes a picture of {@code node} when -Dkzmove.snapshots=DIR is set (for looking at the view). */
    static void snapshot(FxRobot robot, Node node, String name) throws IOException {
        String dir = System.getProperty("kzmove.snapshots");
        if (dir == null) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, image[0].getPixelReader().getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(png, "png", Path.of(dir, name).toFile());
    }
}
