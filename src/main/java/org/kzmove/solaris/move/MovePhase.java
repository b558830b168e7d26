package org.kzmove.solaris.move;

/**
 * Where a {@code zoneadm move} stands, as far as its output shows. The normal path is
 * PRECHECKS, CONFIGURING, ATTACHING, RESILVERING, VERIFYING_ONLINE, DETACHING, REMOVING,
 * SUCCEEDED; a signal or a failure leads to ROLLING_BACK and then ROLLED_BACK or
 * ROLLBACK_FAILED; a failure with no clean-up printed ends in FAILED. The default (non-verbose)
 * output shows only some of these.
 */
public enum MovePhase {
    /** Nothing from zoneadm move seen yet; never listed among the phases reached. */
    NOT_STARTED,
    PRECHECKS,
    CONFIGURING,
    ATTACHING,
    RESILVERING,
    VERIFYING_ONLINE,
    DETACHING,
    REMOVING,
    SUCCEEDED,
    ROLLING_BACK,
    ROLLED_BACK,
    ROLLBACK_FAILED,
    FAILED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == ROLLED_BACK || this == ROLLBACK_FAILED || this == FAILED;
    }

    /** One of the forward steps of a move, PRECHECKS to REMOVING. */
    public boolean isForwardStep() {
        return compareTo(PRECHECKS) >= 0 && compareTo(REMOVING) <= 0;
    }

    /** The outcome a move has when its output ends in this phase. */
    public MoveOutcome outcome() {
        return switch (this) {
            case SUCCEEDED -> MoveOutcome.SUCCEEDED;
            case ROLLED_BACK -> MoveOutcome.ROLLED_BACK;
            case ROLLBACK_FAILED -> MoveOutcome.ROLLBACK_FAILED;
            case FAILED -> MoveOutcome.FAILED;
            default -> MoveOutcome.INCOMPLETE;
        };
    }
}
