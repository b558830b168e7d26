package org.kzmove.migration.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.kzmove.migration.EtaEstimator;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobRecord.PhaseTime;
import org.kzmove.migration.job.JobRecord.ProgressSample;
import org.kzmove.migration.job.JobRecord.Verification;
import org.kzmove.migration.job.RecordNotSavedException;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.session.HostSession;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;
import org.tinylog.Logger;

/**
 * One move being followed: looks at the job file on the host from the last byte consumed, feeds the
 * parser line by line, tells listeners, keeps the job record, and establishes the final outcome.
 *
 * <p>The end of a move is decided by the process, not by the text alone: every look asks
 * {@code ps -o pid,args -p PID} before it reads ({@code tail +Nc FILE}), so the read that follows a
 * "gone" has everything zoneadm wrote, the trailing {@code zoneadm: ... move failed.} included. A look
 * that fails is retried with backoff and said to the listeners; what was not seen is never concluded
 * (docs/decisions/0013-moves-start-in-the-foreground-of-their-own-connection.md).
 */
public final class MoveJob {
    /**
     * The record (with the whole raw output) is rewritten at every phase change and otherwise at most this
     * often: often enough that a crash loses little to re-read, rarely enough that a long move does not
     * rewrite its growing output on every progress line.
     */
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(5);
    /** One look (ps and tail) must answer within this, or the connection is taken for dead. */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);
    /**
     * The most of one output line kzmove keeps (zoneadm's longest lines are a few hundred bytes): a host
     * printing a giant line cannot make a job record too large to read back. The offset still counts it all.
     */
    static final int MAX_LINE_BYTES = 64 << 10;
    /** Failed looks in a row before following stops without an outcome. */
    static final int MAX_TROUBLES = 8;
    private static final Duration QUICK = Duration.ofMillis(100);
    /** Quick looks after the outcome line before looking at the normal pace again. */
    private static final int QUICK_LOOKS = 50;

    private final MoveEngine engine;
    private final JobId id;
    private final List<MoveListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<MoveResult> result = new CompletableFuture<>();
    private final MoveTranscript transcript = new MoveTranscript();
    private final EtaEstimator eta;
    /** Where the estimator's clock starts: its seconds are the host's, from here (see {@link #seconds}). */
    private final Instant origin;

    // Guarded by this.
    private JobRecord base;
    private long offset;
    private final StringBuilder raw = new StringBuilder();
    private final List<PhaseTime> phases = new ArrayList<>();
    private final List<ProgressSample> progress = new ArrayList<>();
    private MovePhase phase = MovePhase.NOT_STARTED;
    private boolean cancelRequested;
    private long lastSaveNanos = System.nanoTime();
    private ProgressSnapshot lastSnapshot;
    private double mostDone;

    private int troubles;
    private int terminalLooks;
    /** Whether listeners were told that the record could not be saved (they are told once). */
    private boolean recordProblemSaid;
    /** Whether the last save failed. */
    private boolean unsaved;
    private volatile boolean ended;
    private ScheduledFuture<?> next;

    MoveJob(MoveEngine engine, JobRecord record, MoveListener listener) {
        this.engine = engine;
        this.id = new JobId(record.id());
        this.base = record;
        this.offset = record.offset();
        this.cancelRequested = record.cancelRequested();
        this.eta = new EtaEstimator(record.allocatedBytes());
        this.origin = record.startedAt() != null ? record.startedAt() : engine.clock().instant();
        this.phases.addAll(record.phases());
        this.progress.addAll(record.progress());
        // Re-attach: the estimate goes on from what was seen before, at the times it was seen.
        for (PhaseTime p : record.phases()) {
            if (MovePhase.RESILVERING.name().equals(p.phase()) && p.at() != null) {
                eta.start(seconds(p.at()));
            }
        }
        for (ProgressSample p : record.progress()) {
            eta.sample(seconds(p.at()), p.rateBytesPerSecond(), p.percent(), p.zoneadmEtaSeconds());
        }
        if (listener != null) {
            listeners.add(listener);
        }
        // Re-attach: the parser resumes in the state the recorded output left it in.
        if (!record.rawOutput().isEmpty()) {
            raw.append(record.rawOutput());
            String[] lines = record.rawOutput().split("\n", -1);
            // The record holds complete lines only, so the last element is the empty rest after the final newline.
            for (int i = 0; i < lines.length - 1; i++) {
                transcript.accept(lines[i]);
            }
            phase = transcript.currentPhase();
        }
    }

    public JobId id() {
        return id;
    }

    public String zone() {
        return base.zone();
    }

    public void addListener(MoveListener listener) {
        listeners.add(listener);
    }

    /** Completes with the verified outcome; never completes exceptionally for a move that ended. */
    public CompletableFuture<MoveResult> result() {
        return result;
    }

    /** Bytes of the job file consumed so far (complete lines only): where following resumes. */
    public synchronized long consumedBytes() {
        return offset;
    }

    /** zoneadm's output so far, complete lines only. */
    public synchronized String output() {
        return raw.toString();
    }

    public synchronized MovePhase phase() {
        return phase;
    }

    /** The job file on the host. */
    public synchronized String remoteFile() {
        return base.remoteFile();
    }

    public synchronized ProgressSnapshot snapshot() {
        return lastSnapshot != null ? lastSnapshot : snapshotNow(null);
    }

    /**
     * Whether a cancel now would still put the zone back on its original disks: not once zoneadm has
     * started detaching them (docs/decisions/0003-interrupt-after-detach.md).
     */
    public synchronized boolean canStillRestoreOriginals() {
        return !ended && restorable(phase);
    }

    private static boolean restorable(MovePhase p) {
        return p.compareTo(MovePhase.DETACHING) < 0;
    }

    /** Sends SIGINT to zoneadm through the privilege it runs with, if that can still restore the original disks. */
    public CancelResult cancel() throws RemoteException {
        Long pid;
        synchronized (this) {
            if (ended || phase.isTerminal()) {
                return new CancelResult(CancelResult.Status.NOT_RUNNING, "The move of zone '" + zone() + "' has already ended.");
            }
            if (phase == MovePhase.ROLLING_BACK) {
                return new CancelResult(CancelResult.Status.ALREADY_ROLLING_BACK,
                        "zoneadm is already rolling back the move of zone '" + zone() + "'.");
            }
            if (!restorable(phase)) {
                return new CancelResult(CancelResult.Status.TOO_LATE, "Too late to cancel: zoneadm has already begun to "
                        + "detach the original disks of zone '" + zone() + "', so they can no longer be restored. "
                        + "The move will complete on the new disks; nothing was sent.");
            }
            pid = base.pid();
            if (pid == null) {
                return new CancelResult(CancelResult.Status.NOT_RUNNING,
                        "The process id of this move is not known, so it cannot be interrupted from kzmove.");
            }
            cancelRequested = true;
        }
        save();
        CommandResult r = engine.session().run(HostJobFiles.interrupt(engine.privilege(), pid), Duration.ofSeconds(30));
        if (!r.succeeded()) {
            throw new RemoteException(RemoteException.Reason.COMMAND_FAILED, engine.session().target().display(),
                    "Could not interrupt zoneadm (pid " + pid + "): " + (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip());
        }
        return new CancelResult(CancelResult.Status.SENT, "Interrupt sent; zoneadm is rolling back the move of zone '"
                + zone() + "'.");
    }

    /** Starts following on the engine's executor: the first look at once, then one per poll interval. */
    void follow() {
        engine.session().addWatcher(contact);
        schedule(Duration.ZERO);
    }

    /** Says at once when contact with the host is lost and when the next try to get it back is. */
    private final HostSession.ConnectionWatcher contact = this::lostContact;

    private void lostContact(int attempt, int attempts, Duration in, String reason) {
        String message = "lost contact with " + engine.session().target().display() + " (" + reason + "); retrying "
                + "(attempt " + attempt + " of " + attempts + ", next in " + Math.max(0, in.toSeconds()) + " s)";
        listeners.forEach(l -> safe(() -> l.onFollowingTrouble(message)));
    }

    private synchronized void schedule(Duration delay) {
        if (!ended) {
            next = engine.executor().schedule(this::pollSafely, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RemoteException e) {
            lose(e);
        } catch (RuntimeException e) {
            Logger.error(e, "Following job {} failed", id);
            stopSupervision();
            result.completeExceptionally(e);
        }
    }

    /**
     * One look at the move: is zoneadm still there, and what has it written since the last look
     * ({@link HostJobFiles#poll}). Solaris' own {@code tail -f} polls once a second too; polling instead
     * of following a stream leaves no {@code tail} behind on the host when kzmove goes away, and gives
     * every read an exit status and a stderr to judge it by.
     */
    private void poll() throws RemoteException {
        if (ended) {
            return;
        }
        Long pid = base.pid();
        String marker = RemoteScript.newMarker();
        String file = remoteFile();
        long from = currentOffset();
        CommandResult r = engine.session().query(HostJobFiles.poll(file, from, pid, marker), READ_TIMEOUT);
        String text;
        Optional<Boolean> zoneadm = Optional.empty();
        if (pid == null) {
            text = r.stdout();
        } else {
            Optional<HostJobFiles.Look> look = HostJobFiles.look(r.stdout(), marker, pid);
            if (look.isEmpty()) {
                trouble("the host's answer to 'ps' and 'tail' was cut short");
                return;
            }
            text = look.get().text();
            zoneadm = look.get().zoneadm();
        }
        if (!r.succeeded()) {
            String why = r.stderr().strip();
            trouble("'tail +" + (from + 1) + "c " + file + "' failed with exit status " + r.exitStatus()
                    + (why.isEmpty() ? "" : ": " + why));
            return;
        }
        boolean gone = zoneadm.isPresent() && !zoneadm.get();
        consume(text, gone);
        synchronized (this) {
            troubles = 0;
        }
        if (gone) {
            finish();
            return;
        }
        if (pid != null && zoneadm.isEmpty()) {
            // ps answered something else than a process list: read on, conclude nothing from it.
            Logger.warn("Job {}: 'ps -o pid,args -p {}' gave an answer kzmove cannot read", id, pid);
        }
        if (phase().isTerminal()) {
            if (pid == null) {
                // Nothing tells when a zoneadm kzmove did not start has exited: one more look collects its last lines.
                if (terminalLooks++ > 0) {
                    readRest();
                    finish();
                    return;
                }
            }
            // zoneadm exits moments after its outcome line, and the user waits for the verdict: look again soon.
            schedule(terminalLooks++ < QUICK_LOOKS ? quickInterval() : engine.pollInterval());
            return;
        }
        schedule(engine.pollInterval());
    }

    /**
     * A look that did not work: said to the listeners, and tried again with a doubling delay; after
     * {@link #MAX_TROUBLES} in a row, following stops without an outcome (the move goes on on the host,
     * and re-attach resumes it): kzmove never concludes what it did not see.
     */
    private void trouble(String reason) {
        int n;
        synchronized (this) {
            n = ++troubles;
        }
        if (n >= MAX_TROUBLES) {
            lose(new RemoteException(RemoteException.Reason.COMMAND_FAILED, engine.session().target().display(),
                    "Cannot read the output of the move of zone '" + zone() + "' on the host (" + reason + ", " + n
                            + " times in a row). The move may still be running there; 'kzmove attach' follows it again."));
            return;
        }
        long ms = Math.min(engine.maxBackoff().toMillis(), engine.pollInterval().toMillis() << Math.min(16, n));
        Duration delay = Duration.ofMillis(ms);
        Logger.warn("Job {}: {}; looking again in {} ms (attempt {} of {})", id, reason, ms, n, MAX_TROUBLES);
        String message = reason + "; trying again in " + Math.max(1, ms / 1000) + " s";
        listeners.forEach(l -> safe(() -> l.onFollowingTrouble(message)));
        schedule(delay);
    }

    private void lose(RemoteException e) {
        Logger.warn("Following job {} on {} stopped: {}", id, engine.session().target(), e.getMessage());
        stopSupervision();
        listeners.forEach(l -> safe(() -> l.onFollowingLost(e)));
        result.completeExceptionally(e);
    }

    private Duration quickInterval() {
        Duration p = engine.pollInterval();
        return p.compareTo(QUICK) < 0 ? p : QUICK;
    }

    /** Feeds the complete lines of {@code text}; a last line without newline only when zoneadm is gone. */
    private void consume(String text, boolean complete) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                accept(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (complete && start < bytes.length) {
            // A last line without its newline: zoneadm is gone, nothing more will come.
            accept(Arrays.copyOfRange(bytes, start, bytes.length));
        }
    }

    /** One last read of everything after the offset, partial last line included. */
    private void readRest() throws RemoteException {
        CommandResult r = engine.session().query(HostJobFiles.poll(remoteFile(), currentOffset(), null, null), READ_TIMEOUT);
        if (r.succeeded()) {
            consume(r.stdout(), true);
        }
    }

    private boolean accept(byte[] bytes) {
        String line = bytes.length <= MAX_LINE_BYTES ? new String(bytes, StandardCharsets.UTF_8)
                : new String(bytes, 0, MAX_LINE_BYTES, StandardCharsets.UTF_8) + " [kzmove kept the first "
                        + (MAX_LINE_BYTES >> 10) + " KiB of this line of " + bytes.length + " bytes; all of it is in "
                        + remoteFile() + " on the host]";
        List<MoveEvent> events;
        boolean phaseChanged = false;
        boolean save;
        ProgressSnapshot snap = null;
        synchronized (this) {
            offset += bytes.length + 1;
            raw.append(line).append('\n');
            events = transcript.accept(line);
            Instant now = engine.clock().instant();
            for (MoveEvent e : events) {
                if (e instanceof MoveEvent.PhaseEntered p) {
                    phase = p.phase();
                    phases.add(new PhaseTime(p.phase().name(), now));
                    phaseChanged = true;
                    if (p.phase() == MovePhase.RESILVERING) {
                        eta.start(seconds(now));
                    }
                } else if (e instanceof MoveEvent.ResilverProgress p) {
                    eta.sample(seconds(now), p.rateBytesPerSecond(), p.percent(), p.etaSeconds());
                    snap = snapshotNow(p);
                    lastSnapshot = snap;
                    progress.add(new ProgressSample(now, p.resilveredBytes(), p.rateBytesPerSecond(), p.percent(),
                            p.etaSeconds(), snap.etaSeconds()));
                }
            }
            if (phaseChanged && snap == null) {
                snap = snapshotNow(null);
                lastSnapshot = snap;
            }
            save = phaseChanged || System.nanoTime() - lastSaveNanos >= SAVE_INTERVAL.toNanos();
        }
        for (MoveListener l : listeners) {
            safe(() -> l.onLine(line));
            for (MoveEvent e : events) {
                safe(() -> l.onEvent(e));
            }
            if (snap != null) {
                ProgressSnapshot s = snap;
                safe(() -> l.onProgress(s));
            }
        }
        if (save) {
            save();
        }
        return phase().isTerminal();
    }

    private ProgressSnapshot snapshotNow(MoveEvent.ResilverProgress p) {
        MoveReport.ResilverStats last = p == null ? transcript.report().resilver() : null;
        var est = eta.estimate();
        return new ProgressSnapshot(engine.clock().instant(), phase,
                p != null ? p.percent() : last != null ? last.lastPercent() : 0,
                p != null ? p.resilveredBytes() : last != null ? last.resilveredBytes() : 0,
                p != null ? p.rateBytesPerSecond() : last != null ? last.lastRateBytesPerSecond() : 0,
                p != null ? p.etaSeconds() : last != null ? last.lastEtaSeconds() : null,
                est.map(EtaEstimator.Estimate::seconds).orElse(null),
                est.map(EtaEstimator.Estimate::lowSeconds).orElse(null),
                est.map(EtaEstimator.Estimate::highSeconds).orElse(null),
                !ended && restorable(phase),
                done(est.map(e -> 100 * e.fractionDone()).orElse(null)),
                est.map(EtaEstimator.Estimate::elapsedSeconds).orElse(null));
    }

    /** kzmove's figure of the work done never falls back (its total may be refined as lines come). */
    private Double done(Double percent) {
        if (percent != null) {
            mostDone = Math.max(mostDone, percent);
            return mostDone;
        }
        return null;
    }

    /**
     * An instant on kzmove's clock as the estimator's seconds: since this job's origin, times the
     * host's time scale (1 on a real host), so that kzmove's ETA is in the host's seconds, as zoneadm's is.
     */
    private double seconds(Instant at) {
        return Duration.between(origin, at).toNanos() / 1e9 * engine.hostTimeScale();
    }

    private synchronized long currentOffset() {
        return offset;
    }

    private void finish() throws RemoteException {
        stopSupervision();
        MoveReport report;
        synchronized (this) {
            report = transcript.finish();
            phase = transcript.currentPhase();
        }
        MoveOutcome zoneadm = report.outcome();
        List<String> expected = zoneadm == MoveOutcome.SUCCEEDED ? base.targets() : base.originalDisks();
        if (expected.isEmpty()) {
            // A job found only on the host (started by another console): its output names the disks.
            expected = zoneadm == MoveOutcome.SUCCEEDED
                    ? report.newDisks().stream().map(MoveReport.NewDisk::uri).filter(u -> u != null).toList()
                    : report.originalDisks().stream().map(MoveReport.OriginalDisk::uri).filter(u -> u != null).toList();
        }
        Integer bootpri = zoneadm == MoveOutcome.SUCCEEDED ? base.originalBootPriority() : null;
        Verification verification;
        try {
            ZoneStorage zone = engine.reader().read(engine.session(), base.zone());
            verification = zoneadm == MoveOutcome.INCOMPLETE
                    ? engine.verifier().describe(zone, base.originalDisks(), base.targets())
                    : engine.verifier().verify(zone, expected, bootpri, zoneadm == MoveOutcome.SUCCEEDED);
        } catch (RemoteException e) {
            verification = new Verification(false, List.of("could not read the zone back: " + e.getMessage()), List.of(),
                    null);
        }
        FinalOutcome outcome;
        String attention = null;
        boolean cancelled;
        synchronized (this) {
            cancelled = cancelRequested;
        }
        switch (zoneadm) {
            case SUCCEEDED -> outcome = FinalOutcome.SUCCEEDED;
            case ROLLED_BACK -> outcome = cancelled || report.signal() != null
                    ? FinalOutcome.CANCELLED_AND_ROLLED_BACK : FinalOutcome.FAILED_AND_ROLLED_BACK;
            case FAILED -> outcome = FinalOutcome.FAILED_AND_ROLLED_BACK;
            case ROLLBACK_FAILED -> {
                outcome = FinalOutcome.NEEDS_ATTENTION;
                attention = "zoneadm's clean-up failed: the zone may be left with both old and new disks.";
            }
            default -> {
                outcome = FinalOutcome.NEEDS_ATTENTION;
                attention = "zoneadm ended without printing an outcome (killed, or its output was cut off).";
            }
        }
        if (!verification.ok() && outcome != FinalOutcome.NEEDS_ATTENTION) {
            outcome = FinalOutcome.NEEDS_ATTENTION;
            attention = "The zone is not as the move's outcome promises: " + String.join("; ", verification.problems());
        }
        ended = true;
        MoveResult r = new MoveResult(id, outcome, zoneadm, verification, attention, report);
        synchronized (this) {
            base = withEnd(outcome, zoneadm, attention, verification);
        }
        save();
        listeners.forEach(l -> safe(() -> l.onFinished(r)));
        result.complete(r);
    }

    private synchronized void stopSupervision() {
        engine.session().removeWatcher(contact);
        if (next != null) {
            next.cancel(false);
        }
    }

    /** Stops following without touching the move on the host (the console is closing). */
    void detach() {
        ended = true;
        stopSupervision();
    }

    private JobRecord withEnd(FinalOutcome outcome, MoveOutcome zoneadm, String attention, Verification v) {
        JobRecord b = base;
        return new JobRecord(b.id(), b.host(), b.user(), b.zone(), b.targets(), b.forceZpoolAttach(), b.privilege(),
                b.command(), b.remoteFile(), b.pid(), b.startedAt(), engine.clock().instant(), b.originalDisks(),
                b.originalBootPriority(), b.allocatedBytes(), cancelRequested, offset, raw.toString(), phases, progress,
                zoneadm.name(), outcome.name(), attention, v);
    }

    synchronized JobRecord record() {
        JobRecord b = base;
        return new JobRecord(b.id(), b.host(), b.user(), b.zone(), b.targets(), b.forceZpoolAttach(), b.privilege(),
                b.command(), b.remoteFile(), b.pid(), b.startedAt(), b.endedAt(), b.originalDisks(),
                b.originalBootPriority(), b.allocatedBytes(), cancelRequested, offset, raw.toString(), phases, progress,
                b.zoneadmOutcome(), b.outcome(), b.attention(), b.verification());
    }

    /**
     * Saves the record. A save that fails (a full disk) is said to the listeners once, at the first
     * failure, in one line; later failures only go to the debug log. Following goes on either way: the
     * move's outcome reaches the listeners, and the job file on the host keeps everything a later
     * attach needs to record it. The log gets the first failure at info, not warn: the CLI prints
     * warnings on stderr, where the listener's line already says it.
     */
    void save() {
        IOException failed = null;
        try {
            engine.store().save(record());
        } catch (IOException e) {
            failed = e;
        }
        boolean first = false;
        boolean again = false;
        synchronized (this) {
            lastSaveNanos = System.nanoTime();
            if (failed != null) {
                first = !recordProblemSaid;
                recordProblemSaid = true;
                unsaved = true;
            } else if (unsaved) {
                unsaved = false;
                again = true;
            }
        }
        if (failed == null) {
            if (again) {
                Logger.info("The record of job {} is saved again", id);
            }
            return;
        }
        String problem = failed instanceof RecordNotSavedException ? failed.getMessage()
                : "could not save the record of job " + id + ": " + failed.getMessage();
        if (!first) {
            Logger.debug("{}", problem);
            return;
        }
        Logger.info("{}", problem);
        listeners.forEach(l -> safe(() -> l.onRecordNotSaved(id, problem)));
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Logger.error(e, "A move listener failed");
        }
    }
}
