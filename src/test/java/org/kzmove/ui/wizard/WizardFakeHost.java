package org.kzmove.ui.wizard;

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
import org.kzmove.ui.hosts.FakeHostSource;

/** A host for the wizard's view-model tests: scripted pre-check answers, free storage and history; no SSH. */
final class WizardFakeHost implements ConsoleHost {
    final List<MoveRequest> prechecked = new ArrayList<>();
    PrecheckReport report = new PrecheckReport("h", "web01", List.of(), 3);
    Exception precheckFailure;
    List<FreeStorage> free = List.of();
    RuntimeException freeStorageFailure;
    List<JobRecord> history = List.of();

    @Override
    public String name() {
        return "Test host";
    }

    @Override
    public String address() {
        return "kzadmin@test:22";
    }

    @Override
    public Privilege privilege() {
        return Privilege.PFEXEC;
    }

    @Override
    public HostInventory load() {
        return FakeHostSource.twoZones();
    }

    @Override
    public List<FreeStorage> freeStorage(HostInventory known) {
        if (freeStorageFailure != null) {
            throw freeStorageFailure;
        }
        return free;
    }

    @Override
    public PrecheckReport precheck(MoveRequest request) throws RemoteException, IOException {
        prechecked.add(request);
        if (precheckFailure instanceof RemoteException r) {
            throw r;
        }
        if (precheckFailure instanceof IOException io) {
            throw io;
        }
        return report;
    }

    @Override
    public MoveJob startMove(MoveRequest request, MoveListener listener) {
        throw new AssertionError("the wizard never starts a move itself");
    }

    @Override
    public List<MoveJob> reattach(MoveListener listener) {
        return List.of();
    }

    @Override
    public List<JobRecord> jobHistory() {
        return history;
    }

    @Override
    public void close() {
    }
}
