package org.kzmove.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.FreeStorageService;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.inventory.RemoteShell;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveEngine;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobStore;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.migration.precheck.PrecheckService;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.session.HostSession;
import org.kzmove.solaris.InvalidValueException;

/**
 * The services of one host over its one {@link HostSession}: inventory, free storage, pre-checks
 * and the move engine. The Demo host and saved hosts differ only in how they connect.
 */
public final class SessionHost implements ConsoleHost {
    /** Read-only queries (inventory, pre-checks) give up after this long. */
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final HostSession session;
    private final Privilege privilege;
    private final JobStore store;
    private final MoveEngine engine;

    /**
     * @param engineExecutor runs the following of moves: it needs a thread per concurrent move plus one
     */
    public SessionHost(String name, HostSession session, Privilege privilege, JobStore store,
            ScheduledExecutorService engineExecutor, Clock clock) {
        this(name, session, privilege, store, engineExecutor, clock, MoveEngine.Settings.DEFAULT);
    }

    /** As above, with the engine's settings (a simulated host's time scale). */
    public SessionHost(String name, HostSession session, Privilege privilege, JobStore store,
            ScheduledExecutorService engineExecutor, Clock clock, MoveEngine.Settings settings) {
        this.name = name;
        this.session = session;
        this.privilege = privilege;
        this.store = store;
        this.engine = new MoveEngine(session, store, HostJobFiles.forUser(session.target().user()), privilege, engineExecutor, clock,
                settings);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return session.target().display();
    }

    @Override
    public Privilege privilege() {
        return privilege;
    }

    /** The session's read-only shell: a lost connection is reopened and the query sent again. */
    public RemoteShell queries() {
        return script -> session.query(script, QUERY_TIMEOUT);
    }

    @Override
    public HostInventory load() throws RemoteException {
        return new InventoryService(privilege).load(name, queries());
    }

    @Override
    public List<FreeStorage> freeStorage(HostInventory known) throws RemoteException {
        // The console's last inventory saves two round trips; a zone that changed since is caught by
        // the pre-checks, which read the host again.
        return new FreeStorageService(privilege).probe(name, queries(), known != null ? known : load());
    }

    @Override
    public PrecheckReport precheck(MoveRequest request) throws RemoteException, InvalidValueException {
        return new PrecheckService(privilege).check(name, queries(), request);
    }

    @Override
    public MoveJob startMove(MoveRequest request, MoveListener listener) throws RemoteException, InvalidValueException {
        return engine.start(request, listener);
    }

    @Override
    public List<MoveJob> reattach(MoveListener listener) throws RemoteException {
        return engine.reattach(listener);
    }

    @Override
    public List<JobRecord> jobHistory() throws IOException {
        String key = engine.hostKey();
        return store.all().stream().filter(r -> key.equals(r.host()))
                .sorted(Comparator.comparing(JobRecord::startedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The moves this console follows right now. */
    public List<MoveJob> activeMoves() {
        return engine.active();
    }

    @Override
    public void close() {
        engine.close();
        session.close();
    }
}
