package org.kzmove.migration.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.ssh.StreamingCommand;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;
import org.tinylog.Logger;

/**
 * One move being followed: reads the job file on the host from the last byte consumed, feeds the
 * parser line by line, tells listeners, keeps the job record, and establishes the final outcome.
 *
 * <p>The end of a move is decided by the process, not by the text alone: a terminal line makes the
 * engine check at once whether zoneadm is gone, and the periodic check ({@code ps -o pid,args -p PID})
 * catches a zoneadm that died without printing an outcome. Either way the rest of the file is read
 * once more with {@code tail -c +N}, so the trailing lines (the {@code zoneadm: ... move failed.}
 * after a clean-up) are never lost.
 */
public final class MoveJob {
    /**
     * The record (with the whole raw output) is rewritten at every phase change and otherwise at most this
     * often: often enough that a crash loses little to re-read, rarely enough that a long move does not
     * rewrite its growing output on every progress line.
     */
    private static final Duration SAVE_INTERVAL = Duration.ofSeconds(5);

    private final MoveEngine engine;
    private final JobId id;
    private final List<MoveListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<MoveResult> result = new CompletableFuture<>();
    private final MoveTranscript transcript = new MoveTranscript();
    private final EtaEstimator eta;

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

    private volatile boolean processGone;
    private volatile boolean ended;
    private volatile StreamingCommand stream;
    private ScheduledFuture<?> liveness;

    MoveJob(MoveEngine engine, JobRecord record, MoveListener listener) {
        this.engine = engine;
        this.id = new JobId(record.id());
        this.base = record;
        this.offset = record.offset();
        this.cancelRequested = record.cancelRequested();
        this.eta = new EtaEstimator(record.allocatedBytes());
        this.phases.addAll(record.phases());
        this.progress.addAll(record.progress());
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

    /** Starts following on the engine's executor, and the liveness check beside it. */
    void follow() {
        if (base.pid() != null) {
            long period = engine.livenessInterval().toMillis();
            liveness = engine.executor().scheduleWithFixedDelay(this::checkLiveness, period, period, TimeUnit.MILLISECONDS);
        }
        engine.executor().execute(this::followLoop);
    }

    private void followLoop() {
        while (!ended) {
            try {
                if (processGone || (base.pid() == null && phase().isTerminal())) {
                    readRest();
                    finish();
                    return;
                }
                StreamingCommand s = engine.session().start(engine.files().follow(id, currentOffset()));
                stream = s;
                if (processGone) {
                    s.close();
                }
                boolean terminal = consume(s.stdout());
                s.close();
                if (terminal) {
                    checkLiveness();
                    if (base.pid() == null) {
                        readRest();
                        finish();
                        return;
                    }
                }
                if (!processGone && !terminal) {
                    // The stream ended without a reason we know of: the connection probably went.
                    engine.session().connectionFailed();
                    checkLiveness();
                }
                if (terminal && !processGone) {
                    awaitExit();
                }
            } catch (RemoteException e) {
                Logger.warn("Following job {} on {} stopped: {}", id, engine.session().target(), e.getMessage());
                stopSupervision();
                listeners.forEach(l -> safe(() -> l.onFollowingLost(e)));
                result.completeExceptionally(e);
                return;
            } catch (RuntimeException e) {
                Logger.error(e, "Following job {} failed", id);
                stopSupervision();
                result.completeExceptionally(e);
                return;
            }
        }
    }

    /**
     * After the outcome line, zoneadm may still print its last lines; wait for it to exit, bounded. It exits
     * within moments of its outcome line, so this polls quickly (the user is waiting for the verdict), and
     * gives up after about a hundred polls: the final read and verification happen anyway.
     */
    private void awaitExit() throws RemoteException {
        for (int i = 0; i < 100 && !processGone; i++) {
            try {
                Thread.sleep(Math.min(100, Math.max(10, engine.livenessInterval().toMillis() / 4)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            checkLiveness();
        }
        processGone = true;
    }

    /** Reads complete lines; returns true once the parser has reached a terminal phase. */
    private boolean consume(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        boolean terminal = accept(line.toByteArray());
                        line.reset();
                        if (terminal) {
                            return true;
                        }
                    } else {
                        line.write(b);
                    }
                }
            }
        } catch (IOException e) {
            // The channel was closed (liveness check) or the connection dropped: the offset says where to resume.
            Logger.debug("Job {} stream ended: {}", id, e.getMessage());
        }
        return phase().isTerminal();
    }

    private void readRest() throws RemoteException {
        CommandResult r = engine.session().query(engine.files().readFrom(id, currentOffset()), Duration.ofMinutes(1));
        byte[] bytes = r.stdout().getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                byte[] line = new byte[i - start];
                System.arraycopy(bytes, start, line, 0, line.length);
                accept(line);
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            // A last line without its newline: the process is gone, nothing more will come.
            byte[] line = new byte[bytes.length - start];
            System.arraycopy(bytes, start, line, 0, line.length);
            accept(line);
        }
    }

    private boolean accept(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.UTF_8);
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
                } else if (e instanceof MoveEvent.ResilverProgress p) {
                    eta.sample(p.resilveredBytes(), p.rateBytesPerSecond());
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
        return new ProgressSnapshot(phase,
                p != null ? p.percent() : last != null ? last.lastPercent() : 0,
                p != null ? p.resilveredBytes() : last != null ? last.resilveredBytes() : 0,
                p != null ? p.rateBytesPerSecond() : last != null ? last.lastRateBytesPerSecond() : 0,
                p != null ? p.etaSeconds() : last != null ? last.lastEtaSeconds() : null,
                est.map(EtaEstimator.Estimate::seconds).orElse(null),
                est.map(EtaEstimator.Estimate::lowSeconds).orElse(null),
                est.map(EtaEstimator.Estimate::highSeconds).orElse(null),
                !ended && restorable(phase),
                eta.percentTimes100().isPresent() ? eta.percentTimes100().getAsLong() / 100.0 : null);
    }

    /** {@code ps -o pid,args -p PID}: gone when ps finds nothing. A failure to ask is not a verdict. */
    private void checkLiveness() {
        Long pid = base.pid();
        if (pid == null || processGone || ended) {
            return;
        }
        try {
            CommandResult r = engine.session().query(HostJobFiles.processStatus(pid), Duration.ofSeconds(30));
            boolean listed = r.stdout().lines().skip(1).anyMatch(l -> l.strip().startsWith(pid + " "));
            if (!listed) {
                processGone = true;
                StreamingCommand s = stream;
                if (s != null) {
                    s.close();
                }
            }
        } catch (RemoteException e) {
            Logger.debug("Liveness check of job {} failed: {}", id, e.getMessage());
        }
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
            verification = engine.verifier().verify(zone, expected, bootpri, zoneadm == MoveOutcome.SUCCEEDED);
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

    private void stopSupervision() {
        if (liveness != null) {
            liveness.cancel(false);
        }
        StreamingCommand s = stream;
        if (s != null) {
            s.close();
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

    private void save() {
        try {
            engine.store().save(record());
        } catch (IOException e) {
            Logger.error(e, "Cannot write the record of job {}", id);
        }
        synchronized (this) {
            lastSaveNanos = System.nanoTime();
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            Logger.error(e, "A move listener failed");
        }
    }
}
