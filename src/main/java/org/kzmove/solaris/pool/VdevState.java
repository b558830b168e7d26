package org.kzmove.solaris.pool;

import java.util.Optional;

/**
 * The state word of a pool or vdev in {@code zpool status} (zpool_state_to_name() of Solaris 11):
 * the six pool/vdev health states, plus {@code AVAIL} and {@code INUSE} shown for hot spares.
 */
public enum VdevState {
    ONLINE, DEGRADED, FAULTED, OFFLINE, UNAVAIL, REMOVED, AVAIL, INUSE;

    public static Optional<VdevState> fromSolaris(String word) {
        for (VdevState s : values()) {
            if (s.name().equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
