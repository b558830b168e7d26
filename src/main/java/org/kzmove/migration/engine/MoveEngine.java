package org.kzmove.migration.engine;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobStore;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.zone.KzDevice;
import org.tinylog.Logger;

/**
 * Runs and follows the moves of one host. A move is started detached on the host
 * ({@code nohup pfexec zoneadm ... > /var/tmp/kzmove/jobs/<id>.out 2>&1 < /dev/null & echo $!}), so it
 * survives a dropped connection and the console's exit (docs/decisions/0006-moves-run-detached-on-the-host.md);
 * its output is followed from the job file; its record is kept in the {@link JobStore}.
 *
 * <p>All background work (following, liveness checks) runs on the one injected executor. Each
 * followed move holds one of its threads while it reads, so the executor needs a thread per
 * concurrent move plus one for the checks.
 */
public final class MoveEngine implements AutoCloseable {

    /** Tunables; {@code livenessInterval} bounds how late a dead zoneadm is noticed. */
    public record Settings(Duration livenessInterval) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(2));
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
        JobId id = JobId.create(clock.instant(), request.zone());
        CommandResult mkdir = session.run(files.makeDirectory(), Duration.ofSeconds(30));
        if (!mkdir.succeeded()) {
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                    "Cannot create " + files.dir() + " on the host: " + mkdir.stderr().strip());
        }
        CommandResult started = session.run(files.start(zoneadm, id), Duration.ofSeconds(30));
        Long pid = parsePid(started.stdout());
        if (!started.succeeded() || pid == null) {
            throw new RemoteException(Reason.COMMAND_FAILED, session.target().display(),
                    "zoneadm move did not start on the host: " + (started.stdout() + started.stderr()).strip());
        }
        List<String> targets = request.targets().stream().map(MoveTarget::uri).map(u -> u.text()).toList();
        JobRecord record = new JobRecord(id.value(), hostKey(), session.target().user(), request.zone(), targets,
                request.forceZpoolAttach(), privilege.label(), zoneadm.toShellLine(), files.outputFile(id), pid,
                clock.instant(), null, originals, bootpri, before.usage() == null ? 0 : before.usage().allocatedBytes(),
                false, 0, "", List.of(), List.of(), null, null, null, null);
        saveQuietly(record);
        Logger.info("Started move {} of zone {} on {} (pid {})", id, request.zone(), session.target(), pid);
        return followNew(record, listener);
    }

    /**
     * Finds this host's moves that are running or ended unseen, and follows each from where it stopped:
     * the unfinished local records, and job files on the host that no record knows of (started by
     * another console of the same user).
     */
    public List<MoveJob> reattach(MoveListener listener) throws RemoteException {
        List<JobRecord> records;
        try {
            records = store.all();
        } catch (IOException e) {
            throw new RemoteException(Reason.LOCAL, session.target().display(), "Cannot read the job records in "
                    + store.dir() + ": " + e.getMessage(), e);
        }
        Set<String> known = new HashSet<>();
        List<MoveJob> jobs = new ArrayList<>();
        for (JobRecord r : records) {
            if (!hostKey().equals(r.host())) {
                continue;
            }
            known.add(r.id());
            if (!r.finished() && !active.containsKey(new JobId(r.id()))) {
                jobs.add(followNew(r, listener));
            }
        }
        CommandResult ls = session.query(files.list(), Duration.ofSeconds(30));
        if (ls.succeeded()) {
            for (JobId id : HostJobFiles.jobIds(ls.stdout())) {
                if (known.contains(id.value()) || active.containsKey(id)) {
                    continue;
                }
                String zone = zoneOf(id);
                JobRecord r = new JobRecord(id.value(), hostKey(), session.target().user(), zone, List.of(), false,
                        privilege.label(), null, files.outputFile(id), null, clock.instant(), null, List.of(), null, 0,
                        false, 0, "", List.of(), List.of(), null, null, null, null);
                jobs.add(followNew(r, listener));
            }
        }
        return jobs;
    }

    private MoveJob followNew(JobRecord record, MoveListener listener) {
        MoveJob job = new MoveJob(this, record, listener);
        active.put(job.id(), job);
        job.result().whenComplete((r, e) -> active.remove(job.id()));
        job.follow();
        return job;
    }

    /** The moves followed right now. */
    public List<MoveJob> active() {
        return List.copyOf(active.values());
    }

    private static String zoneOf(JobId id) {
        String v = id.value();
        return v.substring(v.indexOf('-') + 1, v.lastIndexOf('-'));
    }

    /** {@code $!} is zoneadm's own pid: nohup and pfexec (or sudo) exec the next program rather than fork. */
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

    private void saveQuietly(JobRecord record) {
        try {
            store.save(record);
        } catch (IOException e) {
            Logger.error(e, "Cannot write the record of job {}", record.id());
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

    Duration livenessInterval() {
        return settings.livenessInterval();
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
