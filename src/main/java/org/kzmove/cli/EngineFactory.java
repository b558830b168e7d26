package org.kzmove.cli;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.engine.MoveEngine;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobStore;
import org.kzmove.migration.job.RecordWriter;
import org.kzmove.remote.audit.JsonLinesAuditLog;
import org.kzmove.remote.session.HostSession;

/** Wires a move engine for one host the way the CLI uses it: kzmove's data directory, audit log, one executor. */
final class EngineFactory implements AutoCloseable {
    private final ScheduledExecutorService executor;
    final HostSession session;
    final MoveEngine engine;
    final JobStore store;

    EngineFactory(HostArguments host, KzmovePaths paths) throws java.io.IOException {
        this(host, paths, RecordWriter.NIO);
    }

    /** @param records how job records reach the disk ({@link RecordWriter#NIO}; tests fill the disk) */
    EngineFactory(HostArguments host, KzmovePaths paths, RecordWriter records) throws java.io.IOException {
        AtomicInteger n = new AtomicInteger();
        // One executor for the engine: each look at a move holds a thread only while it runs.
        this.executor = Executors.newScheduledThreadPool(4, r -> {
            Thread t = new Thread(r, "kzmove-engine-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.store = new JobStore(paths.jobsDir(), records);
        this.session = new HostSession(host.target, host::connect, HostSession.Backoff.DEFAULT, HostSession.Pause.SLEEP,
                new JsonLinesAuditLog(paths.logsDir().resolve("audit.jsonl")), Clock.systemUTC());
        this.engine = new MoveEngine(session, store, HostJobFiles.forUser(host.target.user()), host.privilege, executor, Clock.systemUTC(),
                MoveEngine.Settings.DEFAULT);
    }

    @Override
    public void close() {
        engine.close();
        session.close();
        executor.shutdownNow();
    }
}
