package org.kzmove.ui.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.migration.engine.CancelResult;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.engine.ProgressSnapshot;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveTranscript;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.solaris.text.HostText;
import org.tinylog.Logger;

/**
 * One move, running or finished: what it is (host, zone, targets, command, the host's output file),
 * where it stands (phase stepper, progress, rate, both ETAs, chart points), what zoneadm printed (the
 * log, see {@link JobLogViewModel}), how it ended, and the cancel command. Lives on the UI thread;
 * the engine's callbacks reach it through its {@link #listener()}.
 */
public final class JobViewModel {
    /** The chart keeps at most this many points; beyond, every other older point is dropped. */
    static final int MAX_CHART_POINTS = 600;
    private static final double MIB = 1024.0 * 1024.0;
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** What the cancel button offers. */
    public enum CancelState {
        /** The move can still be undone: "Cancel move". */
        AVAILABLE,
        /** The user confirmed; the interrupt is on its way. */
        CANCELLING,
        /** zoneadm is undoing the move. */
        ROLLING_BACK,
        /** The original disks are being or have been detached: nothing can restore them. */
        TOO_LATE,
        /** Finished, or a record from history: nothing to cancel. */
        ENDED
    }

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Clock clock;
    private final MoveFeed feed;
    private final boolean readOnly;
    private JobControl control;

    private final StringProperty jobId = new SimpleStringProperty();
    private final StringProperty hostName = new SimpleStringProperty();
    private final StringProperty zone = new SimpleStringProperty();
    private final StringProperty targets = new SimpleStringProperty();
    private final StringProperty command = new SimpleStringProperty();
    private final StringProperty remoteFile = new SimpleStringProperty("");
    private final StringProperty zoneadmLogFile = new SimpleStringProperty("");
    private final ObjectProperty<Instant> startedAt = new SimpleObjectProperty<>();

    private final PhaseStepper stepper = new PhaseStepper();
    private final ObjectProperty<MovePhase> phase = new SimpleObjectProperty<>(MovePhase.NOT_STARTED);
    private final StringProperty phaseText = new SimpleStringProperty("Starting");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty percentText = new SimpleStringProperty("0.0 %");
    private final StringProperty bytesText = new SimpleStringProperty("–");
    private final StringProperty rateText = new SimpleStringProperty("–");
    private final StringProperty zoneadmEtaText = new SimpleStringProperty("–");
    private final StringProperty etaText = new SimpleStringProperty("–");
    private final ObservableList<ChartPoint> chart = FXCollections.observableArrayList();
    private ProgressSnapshot lastSnapshot;

    private final JobLogViewModel logModel;

    private final ObjectProperty<FinalOutcome> outcome = new SimpleObjectProperty<>();
    private final BooleanProperty finished = new SimpleBooleanProperty(false);
    private final StringProperty outcomeText = new SimpleStringProperty("");
    /** Set while a notice that the output cannot be read is shown in the outcome line (UI thread). */
    private boolean troubleShown;
    private final StringProperty stateText = new SimpleStringProperty("starting");
    private final StringProperty durationText = new SimpleStringProperty("");
    private Instant endedAt;

    private final ObjectProperty<CancelState> cancelState = new SimpleObjectProperty<>(CancelState.AVAILABLE);
    private final StringProperty cancelLabel = new SimpleStringProperty("Cancel move");
    private final BooleanProperty cancelDisabled = new SimpleBooleanProperty(true);
    private final StringProperty cancelTooltip = new SimpleStringProperty("");
    private boolean cancelSent;

    // Read-only views made once: an unmodifiable wrapper listens weakly to its list, so a wrapper made per
    // call could be collected with its listeners (a chart or log that silently stops updating).
    private final ObservableList<PhaseStep> stepsView = FXCollections.unmodifiableObservableList(stepper.steps());
    private final ObservableList<ChartPoint> chartView = FXCollections.unmodifiableObservableList(chart);

    private final Set<String> originalDisks = new LinkedHashSet<>();
    private final List<Runnable> finishHooks = new ArrayList<>();

    private JobViewModel(JobInfo info, boolean readOnly, UiThread ui, TaskExecutor executor, DialogService dialogs,
            Clock clock) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.clock = clock;
        this.readOnly = readOnly;
        this.feed = new MoveFeed(ui, clock, this::apply);
        jobId.set(info.jobId());
        hostName.set(info.hostName());
        zone.set(info.zone());
        targets.set(String.join(", ", info.targets()));
        command.set(info.command());
        remoteFile.set(info.remoteFile() == null ? "" : info.remoteFile());
        startedAt.set(info.startedAt());
        this.logModel = new JobLogViewModel(executor, dialogs,
                () -> "kzmove-" + zone.get() + "-" + (jobId.get() == null ? "move" : jobId.get()) + ".log");
        updateCancel();
    }

    /** A move being started or followed; the engine's callbacks go to {@link #listener()}. */
    public static JobViewModel live(JobInfo info, UiThread ui, TaskExecutor executor, DialogService dialogs,
            Clock clock) {
        return new JobViewModel(info, false, ui, executor, dialogs, clock);
    }

    /** A finished move from the job history: everything comes from its record; nothing can be done to it. */
    public static JobViewModel fromRecord(String hostName, JobRecord record, TaskExecutor executor,
            DialogService dialogs, Clock clock) {
        JobInfo info = new JobInfo(record.id(), hostName, record.zone(), record.targets(),
                record.command() == null ? "" : record.command(), record.remoteFile(), record.startedAt());
        JobViewModel vm = new JobViewModel(info, true, UiThread.callerThread(), executor, dialogs, clock);
        vm.originalDisks.addAll(record.originalDisks());
        vm.replay(record.rawOutput());
        // The chart's time: kzmove's clock since the resilver began (the record does not keep the host's time scale).
        Instant start = record.phases().stream().filter(p -> MovePhase.RESILVERING.name().equals(p.phase()))
                .map(JobRecord.PhaseTime::at).findFirst().orElse(record.startedAt());
        for (JobRecord.ProgressSample s : record.progress()) {
            double elapsed = start == null ? 0 : Duration.between(start, s.at()).toMillis() / 1000.0;
            vm.addChartPoint(new ChartPoint(vm.resilverSeconds(elapsed), s.rateBytesPerSecond() / MIB,
                    s.zoneadmEtaSeconds(), s.etaSeconds(), null, null));
        }
        if (!record.progress().isEmpty()) {
            JobRecord.ProgressSample s = record.progress().get(record.progress().size() - 1);
            vm.showNumbers(new ProgressSnapshot(s.at(), vm.phase.get(), s.percent(), s.resilveredBytes(),
                    s.rateBytesPerSecond(), s.zoneadmEtaSeconds(), s.etaSeconds(), null, null, false, null, null));
        }
        vm.endedAt = record.endedAt();
        if (record.finished()) {
            FinalOutcome o = FinalOutcome.valueOf(record.outcome());
            vm.showOutcome(o, record.verification(), record.attention(), reasonsIn(record.rawOutput()));
        } else {
            vm.stateText.set("not followed (" + vm.phaseText.get() + ")");
            vm.outcomeText.set("This move was not finished when its record was last written; "
                    + "it is followed again when its host is reachable.");
        }
        vm.updateDuration();
        vm.updateCancel();
        return vm;
    }

    /** The listener to give the engine for this move. */
    public MoveListener listener() {
        return feed;
    }

    /**
     * The listener to give a move the engine is already following: it holds what it hears until
     * {@link #seed} has shown the output so far, so no line reaches the log before the lines it follows.
     */
    public MoveListener listenerUntilSeeded() {
        feed.holdUntilSeeded();
        return feed;
    }

    /** The host accepted the move: from now on it can be cancelled. */
    public void attach(JobControl control, String jobId, String remoteFile) {
        this.control = control;
        this.jobId.set(jobId);
        this.remoteFile.set(remoteFile == null ? "" : remoteFile);
        updateCancel();
    }

    /**
     * A move the engine was already following (re-attach): shows its output so far, then what the
     * listener delivers. Call after the listener was added to the job.
     */
    public void seed(java.util.function.Supplier<String> outputSoFar, ProgressSnapshot snapshot) {
        replay(feed.seed(outputSoFar));
        if (snapshot != null) {
            applyProgress(snapshot, clock.instant());
        }
        updateCancel();
    }

    /** Fills in what a re-attached move's record knows and its output does not say (targets, command). */
    void describe(JobRecord record) {
        if (!record.targets().isEmpty()) {
            targets.set(String.join(", ", record.targets()));
        }
        if (record.command() != null) {
            command.set(record.command());
        }
        if (record.startedAt() != null) {
            startedAt.set(record.startedAt());
        }
        originalDisks.addAll(record.originalDisks());
    }

    /** Runs when the move has ended (outcome known), on the UI thread. */
    public void onFinished(Runnable hook) {
        finishHooks.add(hook);
    }

    private void replay(String output) {
        MoveTranscript transcript = new MoveTranscript();
        List<String> lines = output.isEmpty() ? List.of() : List.of(output.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        List<MoveFeed.Item> items = new ArrayList<>();
        for (String line : lines) {
            items.add(new MoveFeed.Line(line));
            transcript.accept(line).forEach(e -> items.add(new MoveFeed.Event(e)));
        }
        apply(items);
    }

    // ---- what the engine said, in batches, on the UI thread ----------------------------------------

    void apply(List<MoveFeed.Item> batch) {
        List<String> lines = new ArrayList<>();
        for (MoveFeed.Item item : batch) {
            if (item instanceof MoveFeed.Line l) {
                lines.add(l.text());
                if (troubleShown) {
                    // Reading works again: the notice has served its purpose.
                    outcomeText.set("");
                    troubleShown = false;
                }
                continue;
            }
            // Keep the log in step with the state changes it explains.
            appendLog(lines);
            lines = new ArrayList<>();
            if (item instanceof MoveFeed.Event e) {
                applyEvent(e.event());
            } else if (item instanceof MoveFeed.Progress p) {
                applyProgress(p.snapshot(), p.at());
            } else if (item instanceof MoveFeed.Finished f) {
                applyFinished(f.result());
            } else if (item instanceof MoveFeed.Trouble t) {
                outcomeText.set(HostText.forDisplay("Cannot read the move's output right now: " + t.reason() + "."));
                troubleShown = true;
            } else if (item instanceof MoveFeed.Lost lost) {
                stateText.set("not followed");
                outcomeText.set(HostText.forDisplay("Lost contact with the host (" + lost.cause().getMessage() + "). The move goes on "
                        + "there; kzmove follows it again when it re-attaches."));
                control = null;
                updateCancel();
            }
        }
        appendLog(lines);
        updateDuration();
    }

    private void appendLog(List<String> lines) {
        logModel.append(lines);
    }

    private void applyEvent(MoveEvent event) {
        if (event instanceof MoveEvent.PhaseEntered p) {
            phase.set(p.phase());
            stepper.enter(p.phase());
            phaseText.set(describe(p.phase()));
            if (p.phase() == MovePhase.VERIFYING_ONLINE || p.phase() == MovePhase.DETACHING
                    || p.phase() == MovePhase.REMOVING || p.phase() == MovePhase.SUCCEEDED) {
                setProgress(100);
            }
            if (!finished.get()) {
                stateText.set(phaseText.get().toLowerCase(Locale.ROOT));
            }
            updateCancel();
        } else if (event instanceof MoveEvent.SectionStarted s) {
            stepper.rollbackStep(s.section());
        } else if (event instanceof MoveEvent.LogFileAnnounced l) {
            zoneadmLogFile.set(l.path());
        } else if (event instanceof MoveEvent.DiskListed d && d.bootable() && d.uri() != null) {
            originalDisks.add(d.uri());
        }
    }

    private double lastResilverSeconds;

    private void applyProgress(ProgressSnapshot s, Instant at) {
        lastSnapshot = s;
        showNumbers(s);
        if (s.phase() == MovePhase.RESILVERING && (s.resilveredBytes() > 0 || s.rateBytesPerSecond() > 0)) {
            Instant start = startedAt.get() != null ? startedAt.get() : at;
            if (startedAt.get() == null) {
                startedAt.set(at);
            }
            double watched = Math.max(0, Duration.between(start, at).toMillis() / 1000.0);
            addChartPoint(new ChartPoint(resilverSeconds(s.resilverSeconds() != null ? s.resilverSeconds() : watched),
                    s.rateBytesPerSecond() / MIB, s.zoneadmEtaSeconds(), s.etaSeconds(), s.etaLowSeconds(),
                    s.etaHighSeconds()));
        }
        if (!finished.get() && phase.get() == MovePhase.RESILVERING) {
            stateText.set(String.format(Locale.ROOT, "resilvering %.0f%%", s.displayPercent()));
        }
        updateCancel();
    }

    private void showNumbers(ProgressSnapshot s) {
        if (phase.get().compareTo(MovePhase.RESILVERING) <= 0) {
            setProgress(s.displayPercent());
        }
        // zoneadm's bytes written to the new disks: on a two-disk target twice the pool's data, so no "of"
        bytesText.set(SolarisSize.format(s.resilveredBytes()));
        rateText.set(SolarisSize.format(s.rateBytesPerSecond()) + "/s");
        zoneadmEtaText.set(s.zoneadmEtaSeconds() == null ? "–" : SolarisDuration.format(s.zoneadmEtaSeconds()));
        if (s.etaSeconds() == null) {
            etaText.set("–");
        } else if (s.etaLowSeconds() != null && s.etaHighSeconds() != null) {
            etaText.set(SolarisDuration.format(s.etaSeconds()) + " (" + SolarisDuration.format(s.etaLowSeconds()) + "–"
                    + SolarisDuration.format(s.etaHighSeconds()) + ")");
        } else {
            etaText.set(SolarisDuration.format(s.etaSeconds()));
        }
    }

    private void setProgress(double percent) {
        double p = Math.max(0, Math.min(100, percent));
        progress.set(p / 100);
        percentText.set(String.format(Locale.ROOT, "%.1f %%", p));
    }

    /**
     * The chart's time axis: the resilver's elapsed time in the host's seconds as kzmove's estimate
     * measures it (so time and both ETAs share one clock, also on a simulated host whose clock runs
     * faster), or kzmove's own clock before it has one. Never goes backwards.
     */
    private double resilverSeconds(double t) {
        lastResilverSeconds = Math.max(lastResilverSeconds, t);
        return lastResilverSeconds;
    }

    private void addChartPoint(ChartPoint point) {
        if (chart.size() >= MAX_CHART_POINTS) {
            // Thin the older history rather than drop it: the chart keeps the whole move's shape.
            List<ChartPoint> thinned = new ArrayList<>(chart.size() / 2 + 1);
            for (int i = 0; i < chart.size(); i += 2) {
                thinned.add(chart.get(i));
            }
            chart.setAll(thinned);
        }
        chart.add(point);
    }

    private void applyFinished(MoveResult r) {
        endedAt = clock.instant();
        if (r.outcome() == FinalOutcome.SUCCEEDED) {
            setProgress(100);
        }
        showOutcome(r.outcome(), r.verification(), r.attention(),
                r.report() == null ? List.of() : r.report().errors());
        if (!readOnly) {
            String what = "Move of zone '" + zone.get() + "' on " + hostName.get();
            switch (r.outcome()) {
                case SUCCEEDED -> dialogs.notify(what + " succeeded", outcomeText.get(), false);
                case CANCELLED_AND_ROLLED_BACK -> dialogs.notify(what + " rolled back", outcomeText.get(), false);
                case FAILED_AND_ROLLED_BACK -> dialogs.notify(what + " failed", outcomeText.get(), true);
                case NEEDS_ATTENTION -> dialogs.notify(what + " needs attention", outcomeText.get(), true);
            }
        }
        finishHooks.forEach(Runnable::run);
    }

    /** zoneadm's own reasons in a recorded output: its error lines, failed checks and disk steps. */
    private static List<String> reasonsIn(String output) {
        MoveTranscript transcript = new MoveTranscript();
        output.lines().forEach(transcript::accept);
        return transcript.finish().errors();
    }

    /** What zoneadm said went wrong, for the outcome line and the notification; empty when it said nothing. */
    private static String said(List<String> reasons) {
        return reasons.isEmpty() ? "" : " zoneadm said: " + String.join("; ", reasons) + ".";
    }

    private void showOutcome(FinalOutcome o, JobRecord.Verification v, String attention, List<String> reasons) {
        control = null;
        troubleShown = false;
        String disks = v == null || v.disks().isEmpty() ? "(not read back)" : String.join(", ", v.disks());
        String verified = v == null ? "" : v.ok() ? " (verified)" : " (NOT as expected: " + String.join("; ", v.problems())
                + ")";
        String text = switch (o) {
            case SUCCEEDED -> "Succeeded: zone '" + zone.get() + "' now runs on " + disks + verified + ".";
            case CANCELLED_AND_ROLLED_BACK -> "Cancelled and rolled back: zone '" + zone.get()
                    + "' is on its original disks " + disks + verified + ".";
            case FAILED_AND_ROLLED_BACK -> "Failed and rolled back: zone '" + zone.get() + "' is on its original disks "
                    + disks + verified + "." + (reasons.isEmpty() ? " The log says why zoneadm failed." : said(reasons));
            case NEEDS_ATTENTION -> "Needs attention: " + (attention == null ? "" : attention) + " Bootable disks now: "
                    + disks + "." + said(reasons);
        };
        // The attention note and the verification problems come from the host.
        outcomeText.set(HostText.forDisplay(text));
        stateText.set(switch (o) {
            case SUCCEEDED -> "succeeded";
            case CANCELLED_AND_ROLLED_BACK -> "cancelled, rolled back";
            case FAILED_AND_ROLLED_BACK -> "failed, rolled back";
            case NEEDS_ATTENTION -> "needs attention";
        });
        // The outcome last: whoever watches it (views, tests, the jobs list) finds its words already there.
        outcome.set(o);
        finished.set(true);
        updateCancel();
    }

    private void updateDuration() {
        Instant start = startedAt.get();
        if (start == null) {
            return;
        }
        Instant end = endedAt != null ? endedAt : clock.instant();
        durationText.set(SolarisDuration.format(Math.max(0, Duration.between(start, end).toSeconds())));
    }

    private static String describe(MovePhase p) {
        return switch (p) {
            case NOT_STARTED -> "Starting";
            case PRECHECKS -> "Pre-checks";
            case CONFIGURING -> "Configuring";
            case ATTACHING -> "Attaching";
            case RESILVERING -> "Resilvering";
            case VERIFYING_ONLINE -> "Verifying";
            case DETACHING -> "Detaching";
            case REMOVING -> "Removing";
            case SUCCEEDED -> "Succeeded";
            case ROLLING_BACK -> "Rolling back";
            case ROLLED_BACK -> "Rolled back";
            case ROLLBACK_FAILED -> "Clean-up failed";
            case FAILED -> "Failed";
        };
    }

    // ---- cancel -------------------------------------------------------------------------------------

    /**
     * Asks the user to confirm, then sends the interrupt in the background. Declined: nothing is sent.
     */
    public void cancel() {
        if (cancelDisabled.get() || control == null) {
            return;
        }
        String originals = originalDisks.isEmpty() ? "the disks it had before the move"
                : String.join(", ", originalDisks);
        boolean go = dialogs.confirm("Cancel the move of zone '" + zone.get() + "'?",
                "zoneadm rolls the zone back to its original disks: " + originals + ". The new disks are detached "
                        + "and removed from its configuration. The zone keeps running.",
                "Cancel the move", "Keep moving");
        if (!go) {
            return;
        }
        JobControl target = control;
        cancelSent = true;
        updateCancel();
        executor.submit(target::cancel, this::cancelAnswered, e -> {
            Logger.warn("Cancel of job {} failed: {}", jobId.get(), e.getMessage());
            cancelSent = false;
            updateCancel();
            dialogs.showError("Could not cancel the move of zone '" + zone.get() + "'", e.getMessage()
                    + " The move goes on; try again, or interrupt zoneadm on the host.");
        });
    }

    private void cancelAnswered(CancelResult result) {
        switch (result.status()) {
            case SENT, ALREADY_ROLLING_BACK -> {
                // The rollback's own lines move the state on from here.
            }
            case TOO_LATE -> {
                cancelSent = false;
                dialogs.showError("Too late to cancel", result.message());
            }
            case NOT_RUNNING -> {
                cancelSent = false;
                dialogs.notify("Nothing to cancel", result.message(), false);
            }
        }
        updateCancel();
    }

    private void updateCancel() {
        MovePhase p = phase.get();
        CancelState s;
        if (readOnly || finished.get() || p.isTerminal()) {
            s = CancelState.ENDED;
        } else if (p == MovePhase.ROLLING_BACK) {
            s = CancelState.ROLLING_BACK;
        } else if (p.compareTo(MovePhase.DETACHING) >= 0
                || (control != null && lastSnapshot != null && !lastSnapshot.canStillRestoreOriginals())) {
            s = CancelState.TOO_LATE;
        } else if (cancelSent) {
            s = CancelState.CANCELLING;
        } else {
            s = CancelState.AVAILABLE;
        }
        cancelState.set(s);
        switch (s) {
            case AVAILABLE -> {
                cancelLabel.set("Cancel move");
                cancelDisabled.set(control == null);
                cancelTooltip.set(control == null ? "Waiting for the host to start the move."
                        : "Interrupt zoneadm: it rolls the zone back to its original disks.");
            }
            case CANCELLING -> {
                cancelLabel.set("Cancelling…");
                cancelDisabled.set(true);
                cancelTooltip.set("The interrupt was sent; zoneadm starts its clean-up.");
            }
            case ROLLING_BACK -> {
                cancelLabel.set("Rolling back…");
                cancelDisabled.set(true);
                cancelTooltip.set("zoneadm is putting the zone back on its original disks.");
            }
            case TOO_LATE -> {
                cancelLabel.set("Too late to cancel");
                cancelDisabled.set(true);
                cancelTooltip.set("zoneadm has begun to detach the original disks, so they can no longer be restored."
                        + " The move completes on the new disks.");
            }
            case ENDED -> {
                cancelLabel.set("Cancel move");
                cancelDisabled.set(true);
                cancelTooltip.set("The move has ended.");
            }
        }
    }

    /** The whole log as zoneadm printed it. */
    public String logText() {
        return logModel.text();
    }

    // ---- properties ---------------------------------------------------------------------------------

    public ReadOnlyStringProperty jobIdProperty() {
        return jobId;
    }

    public ReadOnlyStringProperty hostNameProperty() {
        return hostName;
    }

    public ReadOnlyStringProperty zoneProperty() {
        return zone;
    }

    public ReadOnlyStringProperty targetsProperty() {
        return targets;
    }

    public ReadOnlyStringProperty commandProperty() {
        return command;
    }

    /** The file on the host that holds zoneadm's output for this move. */
    public ReadOnlyStringProperty remoteFileProperty() {
        return remoteFile;
    }

    /** The log file zoneadm itself announces ({@code /var/log/zones/zoneadm.<ts>.<zone>.move}). */
    public ReadOnlyStringProperty zoneadmLogFileProperty() {
        return zoneadmLogFile;
    }

    public ReadOnlyObjectProperty<Instant> startedAtProperty() {
        return startedAt;
    }

    /** When the move started, for people. */
    public String startedText() {
        return startedAt.get() == null ? "" : STARTED.format(startedAt.get());
    }

    public ObservableList<PhaseStep> steps() {
        return stepsView;
    }

    public ReadOnlyObjectProperty<MovePhase> phaseProperty() {
        return phase;
    }

    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText;
    }

    /** 0 to 1, for a progress bar. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty percentTextProperty() {
        return percentText;
    }

    public ReadOnlyStringProperty bytesTextProperty() {
        return bytesText;
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText;
    }

    public ReadOnlyStringProperty zoneadmEtaTextProperty() {
        return zoneadmEtaText;
    }

    /** kzmove's ETA with its range, e.g. {@code 1m30s (1m10s–2m)}. */
    public ReadOnlyStringProperty etaTextProperty() {
        return etaText;
    }

    public ObservableList<ChartPoint> chart() {
        return chartView;
    }

    /** zoneadm's output, line by line, as it arrives. */
    public ObservableList<String> log() {
        return logModel.lines();
    }

    /** The log pane: search, copy, save. */
    public JobLogViewModel logPane() {
        return logModel;
    }

    public ReadOnlyObjectProperty<FinalOutcome> outcomeProperty() {
        return outcome;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    public ReadOnlyStringProperty outcomeTextProperty() {
        return outcomeText;
    }

    /** A short state for the jobs table: "resilvering 45%", "succeeded", ... */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty durationTextProperty() {
        return durationText;
    }

    public ReadOnlyObjectProperty<CancelState> cancelStateProperty() {
        return cancelState;
    }

    public ReadOnlyStringProperty cancelLabelProperty() {
        return cancelLabel;
    }

    public ReadOnlyBooleanProperty cancelDisabledProperty() {
        return cancelDisabled;
    }

    public ReadOnlyStringProperty cancelTooltipProperty() {
        return cancelTooltip;
    }

    /** True for a record from the history: shown, never changed. */
    public boolean isReadOnly() {
        return readOnly;
    }
}
