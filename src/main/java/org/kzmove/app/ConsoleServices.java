package org.kzmove.app;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzmove.console.SessionHost;
import org.kzmove.migration.engine.MoveEngine;
import org.kzmove.migration.job.JobStore;
import org.kzmove.remote.audit.AuditEntry;
import org.kzmove.remote.audit.JsonLinesAuditLog;
import org.kzmove.remote.audit.RemoteCommandAudit;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.session.HostSession;
import org.kzmove.remote.ssh.SshTarget;
import org.tinylog.Logger;

/**
 * What every host of the console shares: the data directory, the audit log of remote commands,
 * the job records and the executor that follows moves. Made on the FX thread without touching the
 * disk: the audit file is opened on the first command, which always runs in the background.
 */
public final class ConsoleServices implements AutoCloseable {
    /**
     * Following a move holds a thread while it reads the job file (decision 0006), so the pool is sized
     * for many concurrent moves; threads are only created when needed.
     */
    private static final int ENGINE_THREADS = 64;

    private final KzmovePaths paths;
    private final Clock clock;
    private final ScheduledExecutorService engineExecutor;
    private final JobStore jobs;
    private JsonLinesAuditLog auditLog;
    private boolean auditFailed;

    public ConsoleServices(KzmovePaths paths, Clock clock) {
        this.paths = paths;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.engineExecutor = Executors.newScheduledThreadPool(ENGINE_THREADS, r -> {
            Thread t = new Thread(r, "kzmove-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.jobs = new JobStore(paths.jobsDir());
    }

    public KzmovePaths paths() {
        return paths;
    }

    public Clock clock() {
        return clock;
    }

    /** A host's services over a session that connects with {@code connector}. */
    public SessionHost host(String name, SshTarget target, HostSession.Connector connector, Privilege privilege) {
        return host(name, target, connector, privilege, 1);
    }

    /**
     * As {@link #host(String, SshTarget, HostSession.Connector, Privilege)}, for a host whose clock runs
     * {@code hostTimeScale} times as fast as this machine's (the Demo host), so that kzmove's ETAs are
     * in the host's seconds, as zoneadm's are.
     */
    public SessionHost host(String name, SshTarget target, HostSession.Connector connector, Privilege privilege,
            double hostTimeScale) {
        HostSession session = new HostSession(target, connector, HostSession.Backoff.DEFAULT, HostSession.Pause.SLEEP,
                this::audit, clock);
        return new SessionHost(name, session, privilege, jobs, engineExecutor, clock,
                MoveEngine.Settings.DEFAULT.withHostTimeScale(hostTimeScale));
    }

    private synchronized void audit(AuditEntry entry) {
        if (auditLog == null && !auditFailed) {
            try {
                auditLog = new JsonLinesAuditLog(paths.logsDir().resolve("audit.jsonl"));
            } catch (IOException e) {
                auditFailed = true;
                Logger.error("Cannot open the audit log in {}: {}; remote commands are logged only to kzmove's log",
                        paths.logsDir(), e.getMessage());
            }
        }
        if (auditLog != null) {
            auditLog.record(entry);
        } else {
            Logger.info("remote command on {} as {}: {} (exit {})", entry.host(), entry.user(), entry.command(),
                    entry.exitStatus());
        }
    }

    /** Stops following moves (they go on on their hosts) and closes the audit log. */
    @Override
    public synchronized void close() {
        engineExecutor.shutdownNow();
        if (auditLog != null) {
            try {
                auditLog.close();
            } catch (IOException e) {
                Logger.warn("Cannot close the audit log: {}", e.getMessage());
            }
        }
    }
}
