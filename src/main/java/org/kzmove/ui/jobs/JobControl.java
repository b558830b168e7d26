package org.kzmove.ui.jobs;

import org.kzmove.migration.engine.CancelResult;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.remote.RemoteException;

/** What a job view may do to a running move: the part of {@link MoveJob} it needs, so tests can fake it. */
public interface JobControl {

    /** Sends SIGINT to zoneadm if that can still restore the original disks. Blocks on SSH. */
    CancelResult cancel() throws RemoteException;

    /** Whether a cancel now would still put the zone back on its original disks. */
    boolean canStillRestoreOriginals();

    static JobControl of(MoveJob job) {
        return new JobControl() {
            @Override
            public CancelResult cancel() throws RemoteException {
                return job.cancel();
            }

            @Override
            public boolean canStillRestoreOriginals() {
                return job.canStillRestoreOriginals();
            }
        };
    }
}
