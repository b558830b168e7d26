package org.kzmove.realsshd;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.engine.MoveEngine;
import org.kzmove.migration.job.JobStore;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.audit.JsonLinesAuditLog;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.session.HostSession;
import org.kzmove.solaris.storage.StorageUris;

/**
 * What one admin's kzmove has of the real-sshd host: a session as {@code user}, a move engine with
 * its job store and audit log (kept across {@link #restart()}, as a console's data directory is).
 */
final class RealSshdConsole implements AutoCloseable {
    final RealSshdHost host;
    final User user;
    final JobStore store;
    final JsonLinesAuditLog audit;
    final ScheduledExecutorService executor = Executors.newScheduledThreadPool(4);
    HostSession session;
    MoveEngine engine;

    RealSshdConsole(RealSshdHost host, User user, Path dataDir) throws java.io.IOException {
        this.host = host;
        this.user = user;
        this.store = new JobStore(dataDir.resolve("jobs"));
        this.audit = new JsonLinesAuditLog(dataDir.resolve("logs/audit.jsonl"));
        restart();
    }

    /** A fresh session and engine on the same job store: what a console started again has. */
    MoveEngine restart() {
        session = host.session(user, audit);
        engine = new MoveEngine(session, store, host.jobFiles(user), Privilege.PFEXEC, executor, Clock.systemUTC(),
                new MoveEngine.Settings(Duration.ofMillis(100)));
        return engine;
    }

    /** kzmove "killed": it stops following and drops the connection, and sends nothing to the host. */
    void kill() {
        engine.close();
        session.close();
    }

    static MoveRequest request(String zone, String... uris) throws Exception {
        List<MoveTarget> targets = new java.util.ArrayList<>();
        for (String u : uris) {
            targets.add(new MoveTarget(StorageUris.parse(u), null));
        }
        return new MoveRequest(zone, targets, false);
    }

    @Override
    public void close() throws Exception {
        engine.close();
        session.close();
        executor.shutdownNow();
        // the followers' last audit entries are written before the log closes
        executor.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        audit.close();
    }
}
