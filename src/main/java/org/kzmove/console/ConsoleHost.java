package org.kzmove.console;

import java.io.IOException;
import java.util.List;

import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.HostInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.solaris.InvalidValueException;

/**
 * A host the console works with: the Demo host or a saved host profile. Everything but the three
 * accessors blocks on SSH (it may start the simulator, connect, ask for a password or a host-key
 * decision): view models call it only through the task executor, never on the FX thread.
 * Exceptions carry messages fit for people (what failed, what to do).
 */
public interface ConsoleHost extends AutoCloseable {

    /** The name shown in the hosts list, e.g. "Demo host" or a profile's name. */
    String name();

    /** Where the host is, for people: {@code user@address:port}, or a description before connecting. */
    String address();

    /** How zoneadm is elevated on this host (shown in the wizard's command line). */
    Privilege privilege();

    /** True for the in-process simulated Demo host (it cannot be removed). */
    default boolean isDemo() {
        return false;
    }

    /** Connects when needed and reads the host's zones. */
    HostInventory load() throws RemoteException, IOException;

    /**
     * Storage the host can reach that no zone uses: the wizard's list of targets.
     *
     * @param known the inventory the console read last, whose zones' disks count as used (the
     *              pre-checks read the host again before a move); null to read it now
     */
    List<FreeStorage> freeStorage(HostInventory known) throws RemoteException, IOException;

    /** The read-only pre-checks of a move (decision 0008). */
    PrecheckReport precheck(MoveRequest request) throws RemoteException, InvalidValueException, IOException;

    /** Starts {@code zoneadm move} detached on the host and follows it (decision 0006). */
    MoveJob startMove(MoveRequest request, MoveListener listener)
            throws RemoteException, InvalidValueException, IOException;

    /** Follows again the moves of this host that were running when the console last stopped. */
    List<MoveJob> reattach(MoveListener listener) throws RemoteException, IOException;

    /** Every move kzmove has a record of on this host, newest first (finished ones included). */
    List<JobRecord> jobHistory() throws IOException;

    /** Disconnects; moves keep running on the host (the Demo host stops with its moves). */
    @Override
    void close();
}
