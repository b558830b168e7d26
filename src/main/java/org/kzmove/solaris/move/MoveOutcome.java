package org.kzmove.solaris.move;

/** How a {@code zoneadm move} ended, judged from its output alone. */
public enum MoveOutcome {
    /** {@code Live storage migration succeeded.} was printed. */
    SUCCEEDED,
    /** The move failed and no clean-up result was printed (e.g. a pre-check failed before anything changed). */
    FAILED,
    /** The move stopped (signal or failure) and the clean-up reported success. */
    ROLLED_BACK,
    /** The clean-up reported failure: the zone may be in an inconsistent state. */
    ROLLBACK_FAILED,
    /** The output ends before any outcome: cut off, or the move is still running. */
    INCOMPLETE
}
