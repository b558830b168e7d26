package org.kzmove.migration.engine;

/** How a move ended once kzmove has checked the zone: the four answers the CLI turns into exit codes. */
public enum FinalOutcome {
    /** zoneadm reported success and the zone now runs on exactly the new disks. */
    SUCCEEDED(0),
    /** Cancelled by the user; zoneadm rolled back and the zone is on exactly its original disks. */
    CANCELLED_AND_ROLLED_BACK(3),
    /** zoneadm failed (a check, a disk, the resilver) and the zone is on exactly its original disks. */
    FAILED_AND_ROLLED_BACK(4),
    /** Anything else: the clean-up failed, zoneadm died without an outcome, or the zone is not as expected. */
    NEEDS_ATTENTION(5);

    private final int exitCode;

    FinalOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The exit status of {@code kzmove move} for this outcome. */
    public int exitCode() {
        return exitCode;
    }
}
