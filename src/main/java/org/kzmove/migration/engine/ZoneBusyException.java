package org.kzmove.migration.engine;

import org.kzmove.remote.RemoteException;

/**
 * A move of the zone is already running or being started: nothing was started. kzmove serialises moves
 * per zone itself, because zoneadm's own per-zone lock blocks instead of refusing (a second
 * {@code zoneadm move} would wait, then move the zone again).
 */
public final class ZoneBusyException extends RemoteException {
    private static final long serialVersionUID = 1L;

    public ZoneBusyException(String host, String message) {
        super(Reason.COMMAND_FAILED, host, message);
    }
}
