package org.kzmove.ui.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.kzmove.console.ConsoleHost;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.remote.RemoteException;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.ui.zones.ZoneKey;
import org.tinylog.Logger;

/**
 * Every move the console knows, across hosts: the ones it starts, the ones still running on a host
 * from an earlier console (re-attach), and the finished ones from the job history. Gives the status
 * bar its counts and the zones table a label per zone with a move.
 */
public final class JobsViewModel {
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final UiThread ui;
    private final Clock clock;

    private final ObservableList<JobViewModel> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<JobViewModel> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<JobViewModel> opened = new SimpleObjectProperty<>();
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final IntegerProperty finished = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();
    private final StringProperty summary = new SimpleStringProperty("No moves");
    private final List<java.util.function.Consumer<String>> moveEnded = new ArrayList<>();
    private final ObservableMap<ZoneKey, String> zoneLabels = FXCollections.observableHashMap();
    // Made once: an unmodifiable wrapper listens weakly, so one made per call could lose its listeners.
    private final ObservableList<JobViewModel> jobsView = FXCollections.unmodifiableObservableList(jobs);
    private final ObservableMap<ZoneKey, String> zoneLabelsView = FXCollections.unmodifiableObservableMap(zoneLabels);

    public JobsViewModel(TaskExecutor executor, DialogService dialogs, UiThread ui, Clock clock) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.ui = ui;
        this.clock = clock;
    }

    /**
     * Calls {@code listener} with the host's name whenever a move followed live ends (the console reads
     * that host's zones again, so the table shows the zone's new disks).
     */
    public void onMoveEnded(java.util.function.Consumer<String> listener) {
        moveEnded.add(listener);
    }

    /** The key of a zone in {@link #zoneLabels()}: host name and zone name. */
    public static ZoneKey zoneKey(String hostName, String zone) {
        return new ZoneKey(hostName, zone);
    }

    /**
     * Starts {@code request} on {@code host} in the background. A move the host refuses to start
     * shows an error and leaves no row; one it accepts is listed and opened.
     */
    public void start(ConsoleHost host, MoveRequest request) {
        String command;
        try {
            command = request.command(host.privilege(), true).toShellLine();
        } catch (org.kzmove.solaris.InvalidValueException e) {
            dialogs.showError("Cannot start the move of zone '" + request.zone() + "'", e.getMessage());
            return;
        }
        List<String> targets = request.targets().stream().map(MoveTarget::uri).map(u -> u.text()).toList();
        JobViewModel vm = JobViewModel.live(new JobInfo(null, host.name(), request.zone(), targets, command, null,
                clock.instant()), ui, executor, dialogs, clock);
        executor.submit(() -> host.startMove(request, vm.listener()), job -> {
            vm.attach(JobControl.of(job), job.id().value(), job.remoteFile());
            add(vm);
            opened.set(vm);
        }, e -> {
            Logger.warn("Move of {} on {} did not start: {}", request.zone(), host.name(), e.getMessage());
            dialogs.showError("The move of zone '" + request.zone() + "' on " + host.name() + " did not start",
                    e.getMessage() == null ? e.toString() : e.getMessage());
        });
    }

    /**
     * At console start: follows again the moves still running on {@code host} and lists its finished
     * ones from the job history, in the background.
     */
    public void reattach(ConsoleHost host) {
        record Found(List<Attached> running, List<JobRecord> history) {
        }
        executor.submit(() -> {
            List<Attached> attached = new ArrayList<>();
            for (MoveJob job : host.reattach(org.kzmove.migration.engine.MoveListener.NONE)) {
                JobViewModel vm = JobViewModel.live(new JobInfo(job.id().value(), host.name(), job.zone(), List.of(),
                        "", job.remoteFile(), null), ui, executor, dialogs, clock);
                job.addListener(vm.listenerUntilSeeded());
                attached.add(new Attached(job, vm));
            }
            return new Found(attached, host.jobHistory());
        }, found -> {
            Set<String> known = new HashSet<>();
            jobs.forEach(j -> known.add(j.jobIdProperty().get()));
            for (Attached a : found.running()) {
                JobRecord record = found.history().stream().filter(r -> r.id().equals(a.job().id().value()))
                        .findFirst().orElse(null);
                a.vm().attach(JobControl.of(a.job()), a.job().id().value(),
                        record != null ? record.remoteFile() : a.job().remoteFile());
                if (record != null) {
                    a.vm().describe(record);
                }
                a.vm().seed(a.job()::output, a.job().snapshot());
                known.add(a.job().id().value());
                add(a.vm());
            }
            for (JobRecord r : found.history()) {
                if (known.add(r.id())) {
                    add(JobViewModel.fromRecord(host.name(), r, executor, dialogs, clock));
                }
            }
        }, e -> dialogs.showError("Could not follow the moves of " + host.name(), (e.getMessage() == null
                ? e.toString() : e.getMessage()) + (e instanceof RemoteException ? " Refresh the host to try again." : "")));
    }

    private record Attached(MoveJob job, JobViewModel vm) {
    }

    private void add(JobViewModel vm) {
        // Newest first: a started move goes on top, history keeps its newest-first order below.
        if (vm.isReadOnly()) {
            jobs.add(vm);
        } else {
            jobs.add(0, vm);
        }
        vm.onFinished(() -> {
            recount();
            if (!vm.isReadOnly()) {
                moveEnded.forEach(l -> l.accept(vm.hostNameProperty().get()));
            }
        });
        vm.stateTextProperty().addListener((o, was, now) -> labelZone(vm));
        labelZone(vm);
        recount();
    }

    private void labelZone(JobViewModel vm) {
        ZoneKey key = zoneKey(vm.hostNameProperty().get(), vm.zoneProperty().get());
        // A zone shows its latest move: a finished record never hides a running one.
        JobViewModel latest = jobs.stream()
                .filter(j -> key.equals(zoneKey(j.hostNameProperty().get(), j.zoneProperty().get())))
                .filter(j -> !j.finishedProperty().get() && !j.isReadOnly()).findFirst()
                .orElse(jobs.stream().filter(j -> key.equals(zoneKey(j.hostNameProperty().get(), j.zoneProperty().get())))
                        .findFirst().orElse(null));
        if (latest != null && latest == vm) {
            zoneLabels.put(key, label(vm));
        }
    }

    private static String label(JobViewModel vm) {
        FinalOutcome o = vm.outcomeProperty().get();
        if (o == null) {
            return vm.stateTextProperty().get();
        }
        return switch (o) {
            case SUCCEEDED -> "moved";
            case CANCELLED_AND_ROLLED_BACK -> "move cancelled";
            case FAILED_AND_ROLLED_BACK -> "move failed";
            case NEEDS_ATTENTION -> "move needs attention";
        };
    }

    private void recount() {
        int r = 0;
        int f = 0;
        int bad = 0;
        for (JobViewModel j : jobs) {
            FinalOutcome o = j.outcomeProperty().get();
            if (o == null && !j.isReadOnly()) {
                r++;
            } else if (o != null) {
                f++;
                if (o == FinalOutcome.FAILED_AND_ROLLED_BACK || o == FinalOutcome.NEEDS_ATTENTION) {
                    bad++;
                }
            }
        }
        running.set(r);
        finished.set(f);
        failed.set(bad);
        summary.set(r == 0 && f == 0 ? "No moves" : String.format(Locale.ROOT, "%d running · %d finished%s", r, f,
                bad == 0 ? "" : " (" + bad + " failed)"));
    }

    /** Asks the view to show {@code job} (double-click, Enter). */
    public void open(JobViewModel job) {
        if (job != null) {
            opened.set(job);
        }
    }

    public ObservableList<JobViewModel> jobs() {
        return jobsView;
    }

    public ObjectProperty<JobViewModel> selectedProperty() {
        return selected;
    }

    /** The job the view should show now: the one just started, or the one the user opened. */
    public ReadOnlyObjectProperty<JobViewModel> openedProperty() {
        return opened;
    }

    public ReadOnlyIntegerProperty runningCountProperty() {
        return running;
    }

    public ReadOnlyIntegerProperty finishedCountProperty() {
        return finished;
    }

    /** Finished moves that failed or need attention (a subset of the finished ones). */
    public ReadOnlyIntegerProperty failedCountProperty() {
        return failed;
    }

    /** For the status bar: "2 running · 5 finished (1 failed)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /**
     * The zones table's "running job" column: {@link #zoneKey} to a short label ("resilvering 45%",
     * "moved", "move cancelled").
     */
    public ObservableMap<ZoneKey, String> zoneLabels() {
        return zoneLabelsView;
    }
}
