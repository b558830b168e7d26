package org.kzmove.migration.engine;

/** What a cancel did; {@code message} says it in words for the user. */
public record CancelResult(Status status, String message) {
    public enum Status {
        /** SIGINT was sent; zoneadm rolls back and the move's result will say how that went. */
        SENT,
        /** The original disks are already detached: the move can only complete, nothing was sent. */
        TOO_LATE,
        /** zoneadm is already rolling back; nothing more to do. */
        ALREADY_ROLLING_BACK,
        /** The move has already ended. */
        NOT_RUNNING
    }
}
