package org.kzmove.solaris.move;

/**
 * The heading the indented lines of {@code zoneadm move -v} belong to: the same {@code  c1d2:} /
 * {@code    OK} pair means "attached" under one heading and "detached" under another.
 */
public enum MoveSection {
    NONE,
    /** A pre-check; which one is in {@link MoveCheck}. */
    CHECK,
    BOOTABLE_DISKS,
    NON_BOOTABLE_DISKS,
    ROOT_POOL_NAME,
    ROOT_POOL_DISKS,
    HIGHEST_BOOT_PRIORITY,
    NEW_DEVICES,
    APPLY_ADDED_DEVICES,
    ATTACH,
    RESILVER,
    VERIFY_ONLINE,
    DETACH_ORIGINAL,
    REMOVE_ORIGINAL,
    APPLY_REMOVED_DEVICES,
    ROLLBACK_DETACH_NEW,
    ROLLBACK_REMOVE_ADDED,
    ROLLBACK_REVERT_LIVE_CONFIG;

    boolean isDiskSteps() {
        return this == ATTACH || this == VERIFY_ONLINE || this == DETACH_ORIGINAL || this == REMOVE_ORIGINAL
                || this == ROLLBACK_DETACH_NEW || this == ROLLBACK_REMOVE_ADDED;
    }

    boolean isDiskBlocks() {
        return this == BOOTABLE_DISKS || this == NON_BOOTABLE_DISKS || this == NEW_DEVICES;
    }

    boolean isRollback() {
        return this == ROLLBACK_DETACH_NEW || this == ROLLBACK_REMOVE_ADDED || this == ROLLBACK_REVERT_LIVE_CONFIG;
    }
}
