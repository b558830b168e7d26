package org.kzmove.ui.jobs;

import org.kzmove.migration.engine.CancelResult;
import org.kzmove.remote.RemoteException;

/** A move's controls that count the cancels they were asked for and answer from a script. */
final class FakeJobControl implements JobControl {
    int cancels;
    CancelResult answer = new CancelResult(CancelResult.Status.SENT, "Interrupt sent");
    RemoteException failure;
    boolean restorable = true;

    @Override
    public CancelResult cancel() throws RemoteException {
        cancels++;
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    @Override
    public boolean canStillRestoreOriginals() {
        return restorable;
    }
}
