package org.kzmove.migration.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobStore;
import org.kzmove.migration.job.RecordNotSavedException;
import org.kzmove.migration.job.RunningMoves;
import org.kzmove.migration.job.ZoneMoveLock;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveTranscript;
import org.kzmove.solaris.zone.KzDevice;
import org.tinylog.Logger;

/**
 * Runs and follows the moves of one host. A move is started on a connection of its own, in the
 * foreground of the login shell and detached from the session
 * ({@code echo $$; exec nohup pfexec zoneadm ... > /var/tmp/kzmove-<user>/<id>.out 2>&1 < /dev/null}),
 * so it survives a dropped connection and the console's exit and still takes SIGINT
 * (docs/decisions/0006-moves-run-detached-on-the-host.md, 0013-moves-start-in-the-foreground-of-their-own-connection.md);
 * its output is followed by looking at the job file; its record is kept in the {@link JobStore}.
 *
 * <p>All background work (the looks at each move) runs on the one injected executor; a move holds a
 * thread only while one look runs.
 */
public final class MoveEngine implements AutoCloseable {

    /**
     * Tunables; {@code pollInterval} is how often a followed move is looked at (zoneadm alive? new
     * output?): how late its lines and its end are seen. Solaris' own {@code tail -f} looks once a second.
     * {@code maxBackoff} caps the doubling delay between failed looks. {@code hostTimeScale} is how many
     * of the host's seconds pass per second of kzmove's clock: 1 for a real host; the time scale of a
     * simulated host, so that kzmove's ETA is in the same seconds as zoneadm's
     * (docs/decisions/0014-eta-from-observed-bytes.md).
     */
    public record Settings(Duration pollInterval, Duration maxBackoff, double hostTimeScale) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1), Duration.ofSeconds(30), 1);

        public Settings {
            if (!(hostTimeScale > 0)) {
                throw new IllegalArgumentException("host time scale must be positive, got " + hostTimeScale);
            }
        }

        public Settings(Duration pollInterval, Duration maxBackoff) {
            this(pollInterval, maxBackoff, 1);
        }

        public Settings(Duration pollInterval) {
            this(pollInterval, DEFAULT.maxBackoff());
        }

        /** These settings for a host whose clock runs {@code scale} times as fast as kzmove's. */
        public Settings withHostTimeScale(double scale) {
            return new Settings(pollInterval, maxBackoff, scale);
        }
    }

    private final HostSession session;
    private final JobStore store;
    private final HostJobFiles files;
    private final Privilege privilege;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Settings settings;
    private final ZoneStorageReader reader;
    private final MoveVerifier verifier = new MoveVerifier();
    private final Map<JobId, MoveJob> active = new ConcurrentHashMap<>();

    public MoveEngine(HostSession session, JobStore store, HostJobFiles files, Privilege privilege,
            ScheduledExecutorService executor, Clock clock, Settings settings) {
        this.session = session;
        this.store = store;
        this.files = files;
        this.privilege = privilege;
        this.executor = executor;
        this.clock = clock;
        this.settings = settings;
        this.reader = new ZoneStorageReader(privilege);
    }

    /**
     * Reads the zone's current disks (what a rollback must restore, the bytes to copy), starts
     * {@code zoneadm -z Z move -v ...} detached on the host and follows it. Returns once zoneadm runs.
     */
    public MoveJob start(MoveRequest request, MoveListener listener) throws RemoteException, InvalidValueException {
        request.validated();
        RemoteCommand zoneadm = request.command(privilege, true);
        refuseIfRecordsCannotBeSaved(request.zone());
        ZoneStorage before = reader.read(session, request.zone());
        if (before.persistent() == null) {
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                    "Cannot read the configuration of zone '" + request.zone() + "': " + String.join("; ", before.problems()));
        }
        List<String> originals = new ArrayList<>();
        Integer bootpri = null;
        for (KzDevice d : before.persistent().devices()) {
            if (d.isBootable()) {
                originals.add(d.storage());
                bootpri = bootpri == null ? d.bootPriority() : Math.min(bootpri, d.bootPriority());
            }
        }
        try (ZoneMoveLock lock = lockZone(request.zone())) {
            refuseIfAMoveRuns(request.zone());
            return launch(request, zoneadm, before, originals, bootpri, listener);
        } catch (IOException e) {
            throw new RemoteException(Reason.LOCAL, session.target().display(), "Cannot hold kzmove's lock for zone '"
                    + request.zone() + "' in " + store.dir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A move is not started when its record could not be kept: a disk that is already full refuses a
     * probe the size of a first record. (A disk that fills during the move is said once and the outcome
     * recovered from the host later: {@link MoveJob#save}, {@link #recover}.)
     */
    private void refuseIfRecordsCannotBeSaved(String zone) throws RemoteException {
        try {
            store.checkWritable();
        } catch (RecordNotSavedException e) {
            throw new RemoteException(Reason.LOCAL, session.target().display(), "Not starting the move of zone '" + zone
                    + "': " + e.getMessage() + ", and a move needs its record. Nothing was started.", e);
        }
    }

    /** kzmove's own per-zone lock (this user's processes and threads); refused when another holds it. */
    private ZoneMoveLock lockZone(String zone) throws IOException, ZoneBusyException {
        return ZoneMoveLock.tryAcquire(store.dir(), hostKey(), zone).orElseThrow(() -> new ZoneBusyException(
                session.target().display(), "Another kzmove is starting a move of zone '" + zone + "' on "
                        + session.target().display() + " right now; nothing was started."));
    }

    /**
     * Refuses a second move of a zone: one this kzmove follows or has not seen end (its records), and one
     * running on the host whoever started it ({@code ps -e -o pid,args}). zoneadm would not refuse it: its
     * per-zone lock blocks, and the second move would run once the first ended.
     */
    private void refuseIfAMoveRuns(String zone) throws RemoteException {
        try {
            for (JobRecord r : store.all()) {
                if (hostKey().equals(r.host()) && zone.equals(r.zone()) && !r.finished()) {
                    throw new ZoneBusyException(session.target().display(), "A move of zone '" + zone + "' on "
                            + session.target().display() + " has not been seen to end (job " + r.id() + "); follow it "
                            + "with 'kzmove attach' instead of starting another. Nothing was started.");
                }
            }
        } catch (IOException e) {
            throw new RemoteException(Reason.LOCAL, session.target().display(), "Cannot read the job records in "
                    + store.dir() + ": " + e.getMessage(), e);
        }
        CommandResult ps = session.query(RemoteScript.of(RunningMoves.listCommand()), Duration.ofSeconds(30));
        List<RunningMoves.Process> running = RunningMoves.of(ps.stdout(), zone);
        if (!running.isEmpty()) {
            RunningMoves.Process p = running.get(0);
            throw new ZoneBusyException(session.target().display(), "A move of zone '" + zone + "' is already running on "
                    + session.target().display() + " (pid " + p.pid() + ": " + p.args() + "). Nothing was started.");
        }
    }

    private MoveJob launch(MoveRequest request, RemoteCommand zoneadm, ZoneStorage before, List<String> originals,
            Integer bootpri, MoveListener listener) throws RemoteException {
        JobId id = JobId.create(clock.instant(), request.zone());
        prepareDirectory();
        String file = files.outputFile(id);
        HostSession.Launch launch = session.launch(files.start(zoneadm, id), Duration.ofSeconds(30));
        Long pid = parsePid(launch.stdout());
        if (!launch.stderr().isBlank() || pid == null) {
            String why = (launch.stderr().isBlank() ? launch.stdout() : launch.stderr()).strip();
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                    "zoneadm move did not start on the host" + (why.isEmpty() ? "." : ": " + why));
        }
        List<String> targets = request.targets().stream().map(MoveTarget::uri).map(u -> u.text()).toList();
        JobRecord record = new JobRecord(id.value(), hostKey(), session.target().user(), request.zone(), targets,
                request.forceZpoolAttach(), privilege.label(), zoneadm.toShellLine(), file, pid,
                clock.instant(), null, originals, bootpri, before.usage() == null ? 0 : before.usage().allocatedBytes(),
                false, 0, "", List.of(), List.of(), null, null, null, null);
        confirmRunning(record);
        Logger.info("Started move {} of zone {} on {} (pid {})", id, request.zone(), session.target(), pid);
        return followNew(record, listener, true);
    }

    /** {@code mkdir -p -m 700 DIR && ls -ld DIR}, and the owner and mode checked: nothing starts in a directory of someone else's. */
    private void prepareDirectory() throws RemoteException {
        CommandResult mkdir = session.run(files.prepareDirectory(), Duration.ofSeconds(30));
        if (!mkdir.succeeded()) {
            String why = (mkdir.stderr().isBlank() ? mkdir.stdout() : mkdir.stderr()).strip();
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                    "Cannot create the job directory " + files.dir() + " on the host; nothing was started"
                            + (why.isEmpty() ? "." : ": " + why));
        }
        Optional<String> problem = files.directoryProblem(mkdir.stdout());
        if (problem.isPresent()) {
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                    problem.get() + " Nothing was started.");
        }
    }

    /**
     * Looks once at the new move before it is called started: zoneadm must be running under the pid the
     * shell printed, or have already said something of the move (a refusal at its own checks, or a small
     * move on a fast host that is over): that is followed to its outcome like any other move. A process
     * gone without a word of zoneadm's (the program was not found, or died at once) did not start the
     * move: what it printed is the error, and the record is kept as ended.
     */
    private void confirmRunning(JobRecord record) throws RemoteException {
        String marker = RemoteScript.newMarker();
        CommandResult look = session.query(HostJobFiles.poll(record.remoteFile(), 0, record.pid(), marker),
                Duration.ofSeconds(30));
        Optional<HostJobFiles.Look> seen = HostJobFiles.look(look.stdout(), marker, record.pid());
        if (seen.isPresent() && seen.get().zoneadm().orElse(true)) {
            return;
        }
        String said = seen.map(HostJobFiles.Look::text).orElse("");
        if (!said.isBlank() && saidSomethingOfTheMove(said)) {
            return;
        }
        if (said.isBlank()) {
            String why = look.stderr().strip();
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(), "zoneadm did not start on the "
                    + "host: it is not running and wrote nothing to " + record.remoteFile() + (why.isEmpty() ? "." : " (" + why + ")."));
        }
        saveQuietly(neverStarted(record, said.strip()));
        throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                "zoneadm did not start the move of zone '" + record.zone() + "': " + said.strip());
    }

    /** Whether the output holds any phase or outcome of a zoneadm move. */
    private static boolean saidSomethingOfTheMove(String output) {
        MoveTranscript t = new MoveTranscript();
        output.lines().forEach(t::accept);
        return t.currentPhase() != MovePhase.NOT_STARTED || t.finish().outcome() != MoveOutcome.INCOMPLETE;
    }

    /** The record of a move that never began: ended, with what was printed, nothing changed by it. */
    private JobRecord neverStarted(JobRecord r, String output) {
        String raw = output.isEmpty() ? "" : output + "\n";
        return new JobRecord(r.id(), r.host(), r.user(), r.zone(), r.targets(), r.forceZpoolAttach(), r.privilege(),
                r.command(), r.remoteFile(), r.pid(), r.startedAt(), clock.instant(), r.originalDisks(),
                r.originalBootPriority(), r.allocatedBytes(), false, raw.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                raw, List.of(), List.of(), MoveOutcome.INCOMPLETE.name(), FinalOutcome.FAILED_AND_ROLLED_BACK.name(),
                null, new JobRecord.Verification(true, List.of(), r.originalDisks(), null));
    }

    /**
     * Finds this host's moves that are running or ended unseen, and follows each from where it stopped:
     * the unfinished local records, and job files on the host that no record knows of (started by
     * another console of the same user). A job file with a record of its own, even one made through
     * another address of the host or one too damaged to read, is not taken for an unknown move.
     */
    public List<MoveJob> reattach(MoveListener listener) throws RemoteException {
        JobStore.Scan scan = scan();
        Set<String> known = new HashSet<>(scan.damagedIds());
        List<MoveJob> jobs = new ArrayList<>();
        for (JobRecord r : scan.records()) {
            known.add(r.id());
            if (hostKey().equals(r.host()) && !r.finished() && !active.containsKey(new JobId(r.id()))) {
                jobs.add(followNew(r, listener));
            }
        }
        for (JobId id : jobFilesOnHost()) {
            if (!known.contains(id.value()) && !active.containsKey(id)) {
                jobs.add(followNew(foundOnHost(id), listener));
            }
        }
        return jobs;
    }

    /**
     * Follows the one move {@code id} from where it stopped, and nothing else: the move already followed
     * by this engine, else its record (whatever address of the host it was made through), else its job
     * file on the host. Empty when the move has already ended, or neither a record nor the host knows it.
     *
     * @throws RemoteException also when the record is damaged (one line: the file and what is wrong)
     */
    public Optional<MoveJob> reattach(JobId id, MoveListener listener) throws RemoteException {
        MoveJob running = active.get(id);
        if (running != null) {
            running.addListener(listener);
            return Optional.of(running);
        }
        Optional<JobRecord> record;
        try {
            record = store.load(id);
        } catch (IOException e) {
            throw new RemoteException(Reason.LOCAL, session.target().display(), e.getMessage(), e);
        }
        if (record.isPresent()) {
            return record.get().finished() ? Optional.empty() : Optional.of(followNew(record.get(), listener));
        }
        if (jobFilesOnHost().contains(id)) {
            return Optional.of(followNew(foundOnHost(id), listener));
        }
        return Optional.empty();
    }

    private JobStore.Scan scan() throws RemoteException {
        try {
            JobStore.Scan scan = store.scan();
            scan.damaged().forEach(line -> Logger.warn("Skipping a damaged job record: {}", line));
            return scan;
        } catch (IOException e) {
            throw new RemoteException(Reason.LOCAL, session.target().display(), "Cannot read the job records in "
                    + store.dir() + ": " + e.getMessage(), e);
        }
    }

    private List<JobId> jobFilesOnHost() throws RemoteException {
        CommandResult ls = session.query(files.list(), Duration.ofSeconds(30));
        return ls.succeeded() ? HostJobFiles.jobIds(ls.stdout()) : List.of();
    }

    /** The record of a move known only by its job file on the host: no pid, targets or original disks. */
    private JobRecord foundOnHost(JobId id) {
        return new JobRecord(id.value(), hostKey(), session.target().user(), zoneOf(id), List.of(), false,
                privilege.label(), null, files.outputFile(id), null, clock.instant(), null, List.of(), null, 0,
                false, 0, "", List.of(), List.of(), null, null, null, null);
    }

    private MoveJob followNew(JobRecord record, MoveListener listener) {
        return followNew(record, listener, false);
    }

    /** @param recordFirst a new move: its first record is saved before the first look, a failure said to the listener */
    private MoveJob followNew(JobRecord record, MoveListener listener, boolean recordFirst) {
        MoveJob job = new MoveJob(this, record, listener);
        active.put(job.id(), job);
        job.result().whenComplete((r, e) -> active.remove(job.id()));
        if (recordFirst) {
            job.save();
        }
        job.follow();
        return job;
    }

    /**
     * What one look at an unfinished move found ({@link #recover}).
     *
     * @param outcome the outcome now recorded (or that could not be), for {@link State#ENDED}
     * @param reason  why nothing could be told, for {@link State#UNKNOWN}
     */
    public record Recovery(State state, FinalOutcome outcome, String reason) {
        public enum State {
            /** zoneadm still runs under the recorded pid. */
            RUNNING,
            /** zoneadm had ended: the move was followed to its end here and its outcome recorded. */
            ENDED,
            /** The look could not tell; {@code kzmove attach} follows the move until it can. */
            UNKNOWN
        }
    }

    /**
     * For {@code kzmove jobs}: looks once at the unfinished move {@code record} of this host and, if zoneadm
     * has ended, follows it to its end here, as attach does: reads the rest of its job file, verifies the
     * zone and records the outcome. This is how an outcome that was not recorded at the time (the disk was
     * full, kzmove was killed, the connection was lost) gets recorded. A move still running is left alone.
     *
     * @param wait how long to wait for the end of a move whose zoneadm has ended (reading the rest, verifying)
     */
    public Recovery recover(JobRecord record, MoveListener listener, Duration wait) throws RemoteException {
        JobId id = new JobId(record.id());
        if (active.containsKey(id)) {
            return new Recovery(Recovery.State.RUNNING, null, null); // followed here right now
        }
        Optional<String> running = stillRunning(record);
        if (running.isPresent()) {
            return running.get().isEmpty() ? new Recovery(Recovery.State.RUNNING, null, null)
                    : new Recovery(Recovery.State.UNKNOWN, null, running.get());
        }
        Optional<MoveJob> job = reattach(id, listener);
        if (job.isEmpty()) {
            // Recorded as ended meanwhile (another kzmove followed it), or neither a record nor the host knows it.
            Optional<JobRecord> now = Optional.empty();
            try {
                now = store.load(id);
            } catch (IOException e) {
                return new Recovery(Recovery.State.UNKNOWN, null, e.getMessage());
            }
            return now.filter(JobRecord::finished)
                    .map(r -> new Recovery(Recovery.State.ENDED, FinalOutcome.valueOf(r.outcome()), null))
                    .orElse(new Recovery(Recovery.State.UNKNOWN, null, "its job file is not on the host"));
        }
        try {
            MoveResult r = job.get().result().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return new Recovery(Recovery.State.ENDED, r.outcome(), null);
        } catch (TimeoutException e) {
            return new Recovery(Recovery.State.UNKNOWN, null, "its end was still being read after " + wait.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Recovery(Recovery.State.UNKNOWN, null, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Recovery(Recovery.State.UNKNOWN, null, "interrupted");
        }
    }

    /**
     * One look: empty when zoneadm has ended (so the move can be followed to its end now); an empty string
     * when it still runs; else why the look could not tell. A move without a recorded pid (found on the host)
     * has ended for this purpose once its output holds zoneadm's outcome.
     */
    private Optional<String> stillRunning(JobRecord record) throws RemoteException {
        String marker = RemoteScript.newMarker();
        CommandResult r = session.query(HostJobFiles.poll(record.remoteFile(), record.offset(), record.pid(), marker),
                Duration.ofSeconds(30));
        String text = r.stdout();
        if (record.pid() != null) {
            Optional<HostJobFiles.Look> look = HostJobFiles.look(r.stdout(), marker, record.pid());
            if (look.isEmpty() || look.get().zoneadm().isEmpty()) {
                return Optional.of("the host's answer to 'ps -p " + record.pid() + "' was not one kzmove can read");
            }
            if (look.get().zoneadm().get()) {
                return Optional.of("");
            }
            text = look.get().text();
        }
        if (!r.succeeded()) {
            String why = r.stderr().strip();
            return Optional.of("its job file " + record.remoteFile() + " could not be read" + (why.isEmpty() ? "" : ": " + why));
        }
        if (record.pid() == null && !hasOutcome(record.rawOutput() + text)) {
            return Optional.of("no process id is recorded for it and zoneadm has not printed an outcome yet");
        }
        return Optional.empty();
    }

    private static boolean hasOutcome(String output) {
        MoveTranscript t = new MoveTranscript();
        output.lines().forEach(t::accept);
        return t.finish().outcome() != MoveOutcome.INCOMPLETE;
    }

    /** The moves followed right now. */
    public List<MoveJob> active() {
        return List.copyOf(active.values());
    }

    private static String zoneOf(JobId id) {
        String v = id.value();
        return v.substring(v.indexOf('-') + 1, v.lastIndexOf('-'));
    }

    /**
     * The shell's {@code $$}, which zoneadm keeps: the shell execs nohup, and nohup and pfexec exec the
     * next program rather than fork (sudo forks, and relays the signals it gets to zoneadm).
     */
    static Long parsePid(String stdout) {
        List<String> lines = stdout.strip().lines().toList();
        if (lines.isEmpty()) {
            return null;
        }
        String last = lines.get(lines.size() - 1).strip();
        return last.matches("[0-9]{1,10}") ? Long.valueOf(last) : null;
    }

    /** How job records name their host: {@code address:port} (the user may differ between consoles). */
    public String hostKey() {
        return session.target().host() + ":" + session.target().port();
    }

    /** The record of a move that never began; the start fails with its own message, so a failure here is logged in one line. */
    private void saveQuietly(JobRecord record) {
        try {
            store.save(record);
        } catch (IOException e) {
            Logger.warn("Cannot write the record of job {}: {}", record.id(), e.getMessage());
        }
    }

    HostSession session() {
        return session;
    }

    JobStore store() {
        return store;
    }

    HostJobFiles files() {
        return files;
    }

    Privilege privilege() {
        return privilege;
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    Clock clock() {
        return clock;
    }

    Duration pollInterval() {
        return settings.pollInterval();
    }

    double hostTimeScale() {
        return settings.hostTimeScale();
    }

    Duration maxBackoff() {
        return settings.maxBackoff();
    }

    ZoneStorageReader reader() {
        return reader;
    }

    MoveVerifier verifier() {
        return verifier;
    }

    /** Stops following every move; the moves themselves go on on the host, and re-attach finds them. */
    @Override
    public void close() {
        for (MoveJob job : active.values()) {
            job.detach();
        }
        active.clear();
    }
}
