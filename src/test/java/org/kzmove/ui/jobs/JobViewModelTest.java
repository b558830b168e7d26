package org.kzmove.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.kzmove.migration.engine.CancelResult;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.remote.RemoteException;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job view model fed with real zoneadm transcripts, on the test's thread, without JavaFX running. */
class JobViewModelTest {
    static final long SIX_GIB = 6L << 30;
    static final String ORIGINAL = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003";
    static final String NEW_1 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002";
    static final String NEW_2 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004";

    @TempDir
    Path dir;

    final RecordingDialogService dialogs = new RecordingDialogService();
    SameThreadTaskExecutor executor = SameThreadTaskExecutor.immediate();
    final FakeJobControl control = new FakeJobControl();

    JobViewModel liveJob(UiThread ui) {
        JobViewModel vm = JobViewModel.live(new JobInfo(null, "Demo host", "lsm", List.of(NEW_1, NEW_2),
                "zoneadm -z lsm move -v -p " + NEW_1 + " -p " + NEW_2, null, Instant.parse("2026-11-26T09:00:00Z")),
                ui, executor, dialogs, new TickingClock());
        vm.attach(control, "20261126T090000Z-lsm-abcd", "/var/tmp/kzmove/jobs/20261126T090000Z-lsm-abcd.out");
        return vm;
    }

    JobViewModel liveJob() {
        return liveJob(UiThread.callerThread());
    }

    static List<String> states(JobViewModel vm) {
        return vm.steps().stream().map(PhaseStep::toString).toList();
    }

    static StepState stateOf(JobViewModel vm, String label) {
        return vm.steps().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow().state();
    }

    @Test
    void aVerboseMoveWalksTheStepperThroughEveryPhaseToDone() {
        JobViewModel vm = liveJob();
        TranscriptPlayer player = new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB);

        player.playThrough(l -> l.startsWith("Verifying zone 'lsm' live/persistent"));
        assertThat(vm.phaseProperty().get()).isEqualTo(MovePhase.PRECHECKS);
        assertThat(stateOf(vm, "Pre-checks")).isEqualTo(StepState.ACTIVE);
        assertThat(stateOf(vm, "Resilvering")).isEqualTo(StepState.PENDING);
        assertThat(vm.zoneadmLogFileProperty().get()).isEqualTo("/var/log/zones/zoneadm.20220718T003054Z.lsm.move");

        player.playThrough(l -> l.startsWith("Waiting for disks to resilver"));
        assertThat(states(vm)).startsWith("Pre-checks=DONE", "Configuring=DONE", "Attaching=DONE",
                "Resilvering=ACTIVE", "Verifying=PENDING");
        assertThat(vm.phaseTextProperty().get()).isEqualTo("Resilvering");

        player.playAll();
        vm.listener().onFinished(new MoveResult(new JobId("20261126T090000Z-lsm-abcd"), FinalOutcome.SUCCEEDED,
                MoveOutcome.SUCCEEDED, new JobRecord.Verification(true, List.of(), List.of(NEW_1, NEW_2), "ONLINE"), null,
                player.finish()));

        assertThat(vm.steps()).extracting(PhaseStep::state).containsOnly(StepState.DONE);
        assertThat(vm.steps()).extracting(PhaseStep::label).containsExactly("Pre-checks", "Configuring", "Attaching",
                "Resilvering", "Verifying", "Detaching", "Removing", "Done");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.outcomeProperty().get()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(vm.outcomeTextProperty().get()).contains(NEW_1, NEW_2, "verified");
        assertThat(vm.log()).hasSize(144).startsWith("root# zoneadm -z lsm move -v -x force-zpool-attach \\")
                .endsWith("Live storage migration succeeded.");
        assertThat(dialogs.notices()).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Move of zone 'lsm' on Demo host succeeded");
            assertThat(n.problem()).isFalse();
        });
        assertThat(vm.cancelStateProperty().get()).isEqualTo(JobViewModel.CancelState.ENDED);
        assertThat(vm.cancelDisabledProperty().get()).isTrue();
    }

    @Test
    void resilverLinesMoveThePercentTheFiguresAndTheChart() {
        JobViewModel vm = liveJob();
        TranscriptPlayer player = new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB);

        player.playThrough(l -> l.contains("455M resilvered at 39M/s"));
        // 455M of 6G: the byte-based figure, not zoneadm's coarse 5.58 %.
        assertThat(vm.progressProperty().get()).isCloseTo(455.0 / 6144, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(vm.percentTextProperty().get()).isEqualTo("7.4 %");
        assertThat(vm.bytesTextProperty().get()).isEqualTo("455M");
        assertThat(vm.rateTextProperty().get()).isEqualTo("39M/s");
        assertThat(vm.zoneadmEtaTextProperty().get()).isEqualTo("1m35s");
        assertThat(vm.etaTextProperty().get()).isEqualTo("1m35s (1m30s–1m40s)");
        assertThat(vm.chart()).singleElement().satisfies(p -> {
            assertThat(p.rateMegabytes()).isEqualTo(39.0);
            assertThat(p.zoneadmEtaSeconds()).isEqualTo(95L);
            assertThat(p.etaLowSeconds()).isEqualTo(90L);
            assertThat(p.etaHighSeconds()).isEqualTo(100L);
        });
        assertThat(vm.stateTextProperty().get()).isEqualTo("resilvering 7%");

        player.playThrough(l -> l.startsWith("Verifying all attached disks"));
        assertThat(vm.chart()).hasSize(player.resilverLines());
        List<Double> times = vm.chart().stream().map(ChartPoint::elapsedSeconds).toList();
        assertThat(times).as("resilver time on the host, as kzmove measures it").isSorted();
        assertThat(times.get(times.size() - 1)).isGreaterThan(times.get(0));
        assertThat(vm.chart().get(vm.chart().size() - 1).rateMegabytes()).isCloseTo(35.3, org.assertj.core.data.Offset.offset(0.01));
        assertThat(vm.progressProperty().get()).as("verifying comes after the whole resilver").isEqualTo(1.0);
    }

    @Test
    void theChartKeepsABoundedNumberOfPointsOfTheWholeMove() {
        JobViewModel vm = liveJob();
        vm.listener().onEvent(new org.kzmove.solaris.move.MoveEvent.PhaseEntered(
                org.kzmove.solaris.move.SourceLine.of(1, "Waiting for disks to resilver."), MovePhase.RESILVERING));
        for (int i = 1; i <= 2000; i++) {
            vm.listener().onProgress(new org.kzmove.migration.engine.ProgressSnapshot(null, MovePhase.RESILVERING, i / 20.0,
                    i * 1_000_000L, 30L << 20, 100L, 100L, 90L, 110L, true, i / 20.0, i * 1_000_000.0 / (30L << 20)));
        }

        assertThat(vm.chart()).hasSizeLessThanOrEqualTo(JobViewModel.MAX_CHART_POINTS);
        assertThat(vm.chart().get(0).elapsedSeconds()).as("the start of the move is kept")
                .isLessThan(vm.chart().get(1).elapsedSeconds());
        assertThat(vm.chart().get(vm.chart().size() - 1).elapsedSeconds()).as("and the latest point: 2 GB at 30M/s")
                .isCloseTo(2_000_000_000.0 / (30L << 20), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void cancelConfirmedSendsTheInterruptAndTheRollbackStepsFollow() {
        executor = SameThreadTaskExecutor.deferred();
        JobViewModel vm = liveJob();
        TranscriptPlayer player = new TranscriptPlayer("sigint-rollback.txt", vm.listener(), SIX_GIB);
        player.playThrough(l -> l.contains("159M resilvered"));
        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Cancel move");
        assertThat(vm.cancelDisabledProperty().get()).isFalse();
        dialogs.answerConfirmations(true);

        vm.cancel();

        assertThat(dialogs.confirmations()).singleElement().satisfies(c ->
                assertThat(c.message()).startsWith("zoneadm rolls the zone back to its original disks: "));
        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Cancelling…");
        assertThat(vm.cancelDisabledProperty().get()).isTrue();
        assertThat(control.cancels).as("sent in the background, not on the UI thread").isZero();
        executor.runPending();
        assertThat(control.cancels).isEqualTo(1);
        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Cancelling…");

        player.playThrough(l -> l.startsWith("Detaching new disks"));
        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Rolling back…");
        assertThat(stateOf(vm, "Resilvering")).isEqualTo(StepState.FAILED);
        assertThat(stateOf(vm, "Detaching new disks")).isEqualTo(StepState.ACTIVE);

        player.playAll();
        assertThat(states(vm)).containsSubsequence("Configuring=ROLLED_BACK", "Attaching=ROLLED_BACK",
                "Resilvering=FAILED", "Detaching=PENDING", "Detaching new disks=DONE", "Removing added devices=DONE",
                "Reverting live configuration=DONE", "Rolled back=DONE");
        vm.listener().onFinished(new MoveResult(new JobId("20261126T090000Z-lsm-abcd"),
                FinalOutcome.CANCELLED_AND_ROLLED_BACK, MoveOutcome.ROLLED_BACK,
                new JobRecord.Verification(true, List.of(), List.of(ORIGINAL), "ONLINE"), null, player.finish()));
        assertThat(vm.outcomeTextProperty().get()).startsWith("Cancelled and rolled back").contains(ORIGINAL, "verified");
        assertThat(dialogs.notices()).singleElement().satisfies(n ->
                assertThat(n.title()).isEqualTo("Move of zone 'lsm' on Demo host rolled back"));
        assertThat(vm.cancelStateProperty().get()).isEqualTo(JobViewModel.CancelState.ENDED);
    }

    @Test
    void theConfirmationNamesTheOriginalDisksFromTheOutput() {
        JobViewModel vm = liveJob();
        new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB).playThrough(l -> l.contains("455M resilvered"));

        vm.cancel();

        assertThat(dialogs.confirmations()).singleElement().satisfies(c -> assertThat(c.message())
                .startsWith("zoneadm rolls the zone back to its original disks: " + ORIGINAL + "."));
    }

    @Test
    void cancelDeclinedSendsNothing() {
        JobViewModel vm = liveJob();
        new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB).playThrough(l -> l.contains("455M resilvered"));
        dialogs.answerConfirmations(false);

        vm.cancel();

        assertThat(dialogs.confirmations()).hasSize(1);
        assertThat(control.cancels).isZero();
        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Cancel move");
        assertThat(vm.cancelDisabledProperty().get()).isFalse();
    }

    @Test
    void onceTheOriginalsAreBeingDetachedItIsTooLateToCancel() {
        JobViewModel vm = liveJob();
        TranscriptPlayer player = new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB);
        player.playThrough(l -> l.startsWith("Verifying all attached disks"));
        assertThat(vm.cancelLabelProperty().get()).as("verifying still restores").isEqualTo("Cancel move");

        player.playThrough(l -> l.startsWith("Detaching original disks"));

        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Too late to cancel");
        assertThat(vm.cancelDisabledProperty().get()).isTrue();
        assertThat(vm.cancelTooltipProperty().get()).contains("detach the original disks", "no longer be restored");
        vm.cancel();
        assertThat(dialogs.confirmations()).isEmpty();
        assertThat(control.cancels).isZero();
    }

    @Test
    void aCancelTheEngineRefusesAsTooLateSaysSoAndLeavesTheMoveAlone() {
        JobViewModel vm = liveJob();
        new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB).playThrough(l -> l.contains("455M resilvered"));
        control.answer = new CancelResult(CancelResult.Status.TOO_LATE, "Too late to cancel: zoneadm has already begun");
        dialogs.answerConfirmations(true);

        vm.cancel();

        assertThat(control.cancels).isEqualTo(1);
        assertThat(dialogs.errors()).singleElement().satisfies(e -> assertThat(e.message()).startsWith("Too late"));
    }

    @Test
    void aCancelThatCannotReachTheHostShowsWhyAndCanBeTriedAgain() {
        JobViewModel vm = liveJob();
        new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB).playThrough(l -> l.contains("455M resilvered"));
        control.failure = new RemoteException(RemoteException.Reason.UNREACHABLE, "kzadmin@h:22", "connection lost");
        dialogs.answerConfirmations(true);

        vm.cancel();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not cancel the move of zone 'lsm'");
            assertThat(e.message()).contains("connection lost");
        });
        assertThat(vm.cancelLabelProperty().get()).isEqualTo("Cancel move");
        assertThat(vm.cancelDisabledProperty().get()).isFalse();
    }

    @Test
    void aFailedPrecheckMarksTheStepFailedAndNotifiesAProblem() {
        JobViewModel vm = liveJob();
        TranscriptPlayer player = new TranscriptPlayer("invented-precheck-failure.txt", vm.listener(), SIX_GIB);
        player.playAll();
        vm.listener().onFinished(new MoveResult(new JobId("20261126T090000Z-lsm-abcd"),
                FinalOutcome.FAILED_AND_ROLLED_BACK, MoveOutcome.FAILED,
                new JobRecord.Verification(true, List.of(), List.of(ORIGINAL), "ONLINE"), null, player.finish()));

        assertThat(stateOf(vm, "Pre-checks")).isEqualTo(StepState.FAILED);
        assertThat(stateOf(vm, "Resilvering")).isEqualTo(StepState.PENDING);
        assertThat(vm.outcomeTextProperty().get()).startsWith("Failed and rolled back")
                .contains("zoneadm said: " + player.finish().errors().get(0)).doesNotContain("The log says why");
        assertThat(dialogs.notices()).singleElement().satisfies(n -> {
            assertThat(n.title()).endsWith("failed");
            assertThat(n.problem()).isTrue();
            assertThat(n.message()).contains("zoneadm said: ");
        });
    }

    @Test
    void aFloodOfLinesReachesTheLogAsOneUpdatePerUiTurn() {
        Deque<Runnable> uiQueue = new ArrayDeque<>();
        UiThread queued = new UiThread() {
            @Override
            public void run(Runnable action) {
                uiQueue.add(action);
            }

            @Override
            public <T> Consumer<T> coalescing(Consumer<? super T> sink) {
                // Same contract as FxBridge.coalescing: one queued delivery at a time, the latest value.
                java.util.concurrent.atomic.AtomicReference<T> latest = new java.util.concurrent.atomic.AtomicReference<>();
                return v -> {
                    if (latest.getAndSet(v) == null) {
                        uiQueue.add(() -> sink.accept(latest.getAndSet(null)));
                    }
                };
            }
        };
        JobViewModel vm = liveJob(queued);
        List<Integer> batchSizes = new ArrayList<>();
        vm.log().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                batchSizes.add(c.getAddedSize());
            }
        });

        for (int i = 0; i < 5000; i++) {
            vm.listener().onLine("  line " + i);
        }
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();

        assertThat(batchSizes).containsExactly(5000);
        assertThat(vm.log()).hasSize(5000).endsWith("  line 4999");
    }

    @Test
    void searchCountsMatchesAndJumpsBetweenThemWrappingAround() {
        JobViewModel vm = liveJob();
        new TranscriptPlayer("verbose-mirror.txt", vm.listener(), SIX_GIB).playAll();

        vm.logPane().searchTextProperty().set("c1d3");
        assertThat(vm.logPane().matchCountProperty().get()).isEqualTo(3);
        assertThat(vm.logPane().matchTextProperty().get()).isEqualTo("3 matches");
        vm.logPane().nextMatch();
        int first = vm.logPane().currentMatchProperty().get();
        assertThat(vm.log().get(first)).contains("c1d3");
        vm.logPane().nextMatch();
        vm.logPane().nextMatch();
        vm.logPane().nextMatch();
        assertThat(vm.logPane().currentMatchProperty().get()).as("wraps to the first").isEqualTo(first);
        vm.logPane().previousMatch();
        assertThat(vm.logPane().currentMatchProperty().get()).isGreaterThan(first);
        assertThat(vm.logPane().matchesSearch("  C1D3:")).isTrue();

        vm.logPane().searchTextProperty().set("no such text");
        assertThat(vm.logPane().matchTextProperty().get()).isEqualTo("no match");
        vm.logPane().nextMatch();
        assertThat(vm.logPane().currentMatchProperty().get()).isEqualTo(-1);
    }

    @Test
    void theLogIsCopiedWholeOrBySelectionAndSavedInTheBackground() throws Exception {
        executor = SameThreadTaskExecutor.deferred();
        JobViewModel vm = liveJob();
        new TranscriptPlayer("sigint-rollback.txt", vm.listener(), SIX_GIB).playAll();
        Path file = dir.resolve(vm.logPane().suggestedFileName());

        vm.logPane().save(file);
        assertThat(file).doesNotExist();
        executor.runPending();

        assertThat(file).hasContent(Files.readString(Path.of("src/test/resources/transcripts/sigint-rollback.txt")));
        assertThat(vm.logPane().saveStatusProperty().get()).isEqualTo("Saved to " + file);
        assertThat(vm.logPane().text(List.of(4, 3))).isEqualTo("  c1d1:\n    OK\n");
        assertThat(vm.logPane().suggestedFileName()).isEqualTo("kzmove-lsm-20261126T090000Z-lsm-abcd.log");
    }

    @Test
    void aLogThatCannotBeSavedSaysWhere() {
        JobViewModel vm = liveJob();
        vm.listener().onLine("x");

        vm.logPane().save(dir.resolve("no-such-dir").resolve("x.log"));

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not save the log");
            assertThat(e.message()).contains("no-such-dir");
        });
    }

    @Test
    void aReattachedMoveShowsItsOutputSoFarWithoutDuplicatingTheLineInFlight() {
        JobViewModel vm = liveJob();
        List<String> lines = new ArrayList<>();
        new TranscriptPlayer("verbose-mirror.txt", new org.kzmove.migration.engine.MoveListener() {
            @Override
            public void onLine(String line) {
                lines.add(line);
            }
        }, SIX_GIB).playAll();
        String soFar = String.join("\n", lines.subList(0, 60)) + "\n";

        vm.seed(() -> soFar, null);
        // The engine had appended line 60 before seeding and tells the listener only now; then line 61 comes.
        vm.listener().onLine(lines.get(59));
        vm.listener().onLine(lines.get(60));

        assertThat(vm.log()).containsExactlyElementsOf(lines.subList(0, 61));
        assertThat(vm.phaseProperty().get()).isEqualTo(MovePhase.RESILVERING);
        assertThat(stateOf(vm, "Attaching")).isEqualTo(StepState.DONE);
    }

    @Test
    void aRecordFromHistoryShowsItsOutputPhasesProgressAndOutcomeAndCannotBeCancelled() {
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        JobRecord r = new JobRecord("20261125T100000Z-mykz-beef", "kzadmin@h:22", "kzadmin", "mykz", List.of("dev:/x"),
                false, "pfexec", "pfexec zoneadm -z mykz move -v -p dev:/x", "/var/tmp/kzmove/jobs/x.out", 4242L, start,
                start.plusSeconds(300), List.of(ORIGINAL), 0, SIX_GIB, true, 100,
                String.join("\n", readTranscript("sigint-rollback.txt")) + "\n", List.of(),
                List.of(new JobRecord.ProgressSample(start.plusSeconds(10), 100L << 20, 20L << 20, 2.2, 200L, 210L),
                        new JobRecord.ProgressSample(start.plusSeconds(20), 200L << 20, 18L << 20, 3.3, 190L, 200L)),
                "ROLLED_BACK", "CANCELLED_AND_ROLLED_BACK", null,
                new JobRecord.Verification(true, List.of(), List.of(ORIGINAL), "ONLINE"));

        JobViewModel vm = JobViewModel.fromRecord("Demo host", r, executor, dialogs, new TickingClock());

        assertThat(vm.isReadOnly()).isTrue();
        assertThat(vm.log()).hasSize(32);
        assertThat(vm.remoteFileProperty().get()).isEqualTo("/var/tmp/kzmove/jobs/x.out");
        assertThat(vm.commandProperty().get()).isEqualTo("pfexec zoneadm -z mykz move -v -p dev:/x");
        assertThat(vm.chart()).as("kzmove's clock since the resilver began (no phase times: since the start)")
                .extracting(ChartPoint::elapsedSeconds).containsExactly(10.0, 20.0);
        assertThat(vm.chart()).extracting(ChartPoint::rateMegabytes).containsExactly(20.0, 18.0);
        assertThat(stateOf(vm, "Rolled back")).isEqualTo(StepState.DONE);
        assertThat(vm.outcomeTextProperty().get()).startsWith("Cancelled and rolled back").contains(ORIGINAL);
        assertThat(vm.stateTextProperty().get()).isEqualTo("cancelled, rolled back");
        assertThat(vm.durationTextProperty().get()).isEqualTo("5m00s");
        assertThat(vm.cancelDisabledProperty().get()).isTrue();
        assertThat(dialogs.notices()).as("history does not notify").isEmpty();
    }

    static List<String> readTranscript(String name) {
        try {
            return Files.readAllLines(Path.of("src/test/resources/transcripts", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
