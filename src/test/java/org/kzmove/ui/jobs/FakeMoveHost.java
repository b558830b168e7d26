package org.kzmove.ui.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.HostInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;

/** A host that refuses to start moves (with a scripted exception) and answers history from a list; no SSH. */
final class FakeMoveHost implements ConsoleHost {
    private final String name;
    final List<JobRecord> history = new ArrayList<>();
    Exception startFailure = new RemoteException(RemoteException.Reason.UNREACHABLE, "kzadmin@h:22",
            "Cannot connect to kzadmin@h:22: connection refused");
    IOException historyFailure;
    int starts;

    FakeMoveHost(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return "kzadmin@h:22";
    }

    @Override
    public Privilege privilege() {
        return Privilege.PFEXEC;
    }

    @Override
    public HostInventory load() {
        throw new IllegalStateException("not used");
    }

    @Override
    public List<FreeStorage> freeStorage(HostInventory known) {
        return List.of();
    }

    @Override
    public PrecheckReport precheck(MoveRequest request) {
        throw new IllegalStateException("not used");
    }

    @Override
    public MoveJob startMove(MoveRequest request, MoveListener listener) throws RemoteException, IOException {
        starts++;
        if (startFailure instanceof RemoteException r) {
            throw r;
        }
        if (startFailure instanceof IOException io) {
            throw io;
        }
        throw new IllegalStateException("FakeMoveHost starts no moves");
    }

    @Override
    public List<MoveJob> reattach(MoveListener listener) {
        return List.of();
    }

    @Override
    public List<JobRecord> jobHistory() throws IOException {
        if (historyFailure != null) {
            throw historyFailure;
        }
        return List.copyOf(history);
    }

    @Override
    public void close() {
    }
}
