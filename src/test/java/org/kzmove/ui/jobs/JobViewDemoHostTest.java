package org.kzmove.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.ConsoleServices;
import org.kzmove.app.DemoHost;
import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.console.SessionHost;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.testsupport.Conditions;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.ui.common.FxTaskExecutor;
import org.kzmove.ui.common.RecordingDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The jobs view driven end to end against the Demo host: the simulated Solaris host on 127.0.0.1 over
 * real SSH, its clock sped up. A move of web01 runs to a verified success with the progress bar and
 * the chart advancing; a Cancel clicked during the resilver ends with the zone back on its original disk.
 */
@ExtendWith(ApplicationExtension.class)
class JobViewDemoHostTest {
    static final String ORIGINAL = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk0";
    static final String TARGET = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk1";

    @TempDir
    Path dir;

    final RecordingDialogService dialogs = new RecordingDialogService();
    FxTaskExecutor executor;
    ConsoleServices services;
    JobsViewModel jobs;

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        services = new ConsoleServices(new KzmovePaths(dir.resolve("config"), dir.resolve("data")), Clock.systemUTC());
        jobs = new JobsViewModel(executor, dialogs, UiThread.fx(), Clock.systemUTC());
        stage.setScene(new Scene(new JobsView(jobs), 1100, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        services.close();
    }

    static MoveRequest moveWeb01() throws Exception {
        return new MoveRequest("web01", List.of(new MoveTarget(StorageUris.parse(TARGET), null)), false);
    }

    JobViewModel startAndOpen(FxRobot robot, DemoHost demo) throws Exception {
        MoveRequest request = moveWeb01();
        robot.interact(() -> jobs.start(demo, request));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#jobProgress").tryQuery().isPresent());
        TableView<JobViewModel> table = robot.lookup("#jobsTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        return table.getItems().get(0);
    }

    @Test
    void aMoveRunsToAVerifiedSuccessWithTheProgressBarAndTheChartAdvancing(FxRobot robot) throws Exception {
        try (DemoHost demo = new DemoHost(services, 10)) {
            JobViewModel job = startAndOpen(robot, demo);
            ProgressBar bar = robot.lookup("#jobProgress").query();
            List<Double> seen = new CopyOnWriteArrayList<>();
            robot.interact(() -> bar.progressProperty().addListener((o, was, now) -> seen.add(now.doubleValue())));
            ResilverChart chart = robot.lookup("#resilverChart").query();

            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> job.outcomeProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(job.outcomeProperty().get()).as(job.logText()).isEqualTo(FinalOutcome.SUCCEEDED);
            assertThat(seen.stream().filter(p -> p > 0 && p < 1).distinct().count())
                    .as("the bar moved through the resilver: %s, chart %s", seen, job.chart()).isGreaterThan(2L);
            assertThat(seen).isSorted();
            assertThat(bar.getProgress()).isEqualTo(1.0);
            assertThat(chart.ratePoints()).isGreaterThan(2);
            // The Demo host runs 10 times as fast: kzmove measures time at that scale, so both ETAs are in
            // the simulator's seconds (on kzmove's own clock alone its figures would be ten times smaller).
            List<ChartPoint> both = job.chart().stream()
                    .filter(p -> p.etaSeconds() != null && p.zoneadmEtaSeconds() != null && p.zoneadmEtaSeconds() >= 30)
                    .toList();
            assertThat(both).as("chart %s", job.chart()).isNotEmpty().allSatisfy(p -> assertThat(
                    (double) p.etaSeconds() / p.zoneadmEtaSeconds()).isBetween(0.4, 2.5));
            assertThat(robot.lookup("#jobPercent").queryAs(Label.class).getText()).isEqualTo("100.0 %");
            assertThat(robot.lookup("#jobOutcome").queryAs(Label.class).getText())
                    .startsWith("Succeeded: zone 'web01' now runs on " + TARGET + " (verified)");
            assertThat(job.steps()).extracting(PhaseStep::state).containsOnly(StepState.DONE);
            assertThat(job.log()).contains("Live storage migration succeeded.");
            assertThat(job.remoteFileProperty().get()).startsWith("/var/tmp/kzmove-kzadmin/").endsWith(".out");
            assertThat(robot.lookup("#cancelMoveButton").queryButton().isDisabled()).isTrue();
            assertThat(dialogs.notices()).singleElement()
                    .satisfies(n -> assertThat(n.title()).isEqualTo("Move of zone 'web01' on Demo host succeeded"));
            assertThat(jobs.summaryProperty().get()).isEqualTo("0 running · 1 finished");
            assertThat(dialogs.errors()).isEmpty();
        }
    }

    @Test
    void cancelDuringTheResilverRollsTheZoneBackToItsOriginalDisk(FxRobot robot) throws Exception {
        try (DemoHost demo = new DemoHost(services, 10)) {
            JobViewModel job = startAndOpen(robot, demo);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> job.phaseProperty().get() == MovePhase.RESILVERING
                    && !job.chart().isEmpty());
            Button cancel = robot.lookup("#cancelMoveButton").queryButton();
            assertThat(cancel.getText()).isEqualTo("Cancel move");
            dialogs.answerConfirmations(true);

            robot.clickOn(cancel);

            assertThat(dialogs.confirmations()).singleElement().satisfies(c -> assertThat(c.message())
                    .startsWith("zoneadm rolls the zone back to its original disks: " + ORIGINAL));
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> job.outcomeProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(job.outcomeProperty().get()).as(job.logText()).isEqualTo(FinalOutcome.CANCELLED_AND_ROLLED_BACK);
            assertThat(robot.lookup("#jobOutcome").queryAs(Label.class).getText())
                    .startsWith("Cancelled and rolled back: zone 'web01' is on its original disks " + ORIGINAL
                            + " (verified)");
            assertThat(job.steps()).extracting(PhaseStep::toString).contains("Resilvering=FAILED", "Rolled back=DONE");
            assertThat(job.log()).anyMatch(l -> l.contains("Signal SIGINT caught."));
            assertThat(dialogs.notices()).singleElement()
                    .satisfies(n -> assertThat(n.title()).isEqualTo("Move of zone 'web01' on Demo host rolled back"));
            assertThat(dialogs.errors()).isEmpty();
        }
    }

    @Test
    void aMoveStillRunningWhenTheConsoleStartsIsFollowedAgainWithItsWholeLog(FxRobot robot) throws Exception {
        try (DemoHost demo = new DemoHost(services, 10)) {
            // An earlier console started the move and is following it ...
            MoveJob earlier = demo.startMove(moveWeb01(), MoveListener.NONE);
            Conditions.await("the resilver under way", () -> earlier.phase() == MovePhase.RESILVERING,
                    Duration.ofSeconds(60));
            // ... and this console reaches the same host over a session of its own.
            SimulatedHost sim = demo.simulatedHost();
            SshTarget target = new SshTarget("127.0.0.1", sim.port(), "kzadmin");
            Path knownHosts = demo.knownHostsFile();
            Path key = services.paths().demoClientKey();
            try (SessionHost again = services.host(DemoHost.NAME, target, () -> SshConnection.open(target,
                    List.of(new SshAuth.KeyFile(key, null)),
                    new KnownHostsVerifier(List.of(knownHosts), knownHosts, HostKeyTrust.REFUSE),
                    SshConnection.Timeouts.DEFAULT), Privilege.PFEXEC)) {

                robot.interact(() -> jobs.reattach(again));
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !jobs.jobs().isEmpty());
                JobViewModel job = jobs.jobs().get(0);
                robot.interact(() -> jobs.open(job));
                assertThat(job.isReadOnly()).isFalse();
                assertThat(job.targetsProperty().get()).isEqualTo(TARGET);
                assertThat(job.commandProperty().get()).contains("zoneadm -z web01 move");

                WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> job.outcomeProperty().get() != null);
                WaitForAsyncUtils.waitForFxEvents();

                assertThat(job.outcomeProperty().get()).as(job.logText()).isEqualTo(FinalOutcome.SUCCEEDED);
                earlier.result().get(60, TimeUnit.SECONDS);
                assertThat(job.logText()).as("every line once, none lost at the seam").isEqualTo(earlier.output());
                assertThat(robot.lookup("#jobOutcome").queryAs(Label.class).getText()).startsWith("Succeeded");
            }
        }
    }
}
