package org.kzmove.solaris.move;

/** The pre-checks {@code zoneadm move -v} prints, in the order it runs them. */
public enum MoveCheck {
    /** {@code Verifying zone 'z' live/persistent configurations match:} */
    LIVE_PERSISTENT_CONFIG_MATCH,
    /** {@code Verifying input URIs are not already used in zone 'z' configuration:} (one result per URI) */
    URIS_NOT_IN_USE,
    /** {@code Verifying there are no duplicates in the input URIs:} */
    NO_DUPLICATE_URIS,
    /** {@code Verifying the input disks are not part of another zpool:} */
    DISKS_NOT_IN_ANOTHER_ZPOOL,
    /** {@code Checking zpool 'rpool' health:} (the result is the pool state, e.g. {@code ONLINE}) */
    ZPOOL_HEALTH,
    /** {@code Checking zpool 'rpool' vdev configuration:} */
    ZPOOL_VDEV_CONFIG
}
