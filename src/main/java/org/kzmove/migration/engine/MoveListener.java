package org.kzmove.migration.engine;

import org.kzmove.migration.job.JobId;
import org.kzmove.solaris.move.MoveEvent;

/**
 * What a console or the CLI hears from a move, as it happens, on the engine's executor: the UI
 * hops to its own thread (and coalesces floods of lines) itself. Every method has a default, so a
 * listener implements only what it shows. A listener that throws is logged and ignored.
 */
public interface MoveListener {
    MoveListener NONE = new MoveListener() {
    };

    /** A complete line of zoneadm's output, as printed. */
    default void onLine(String line) {
    }

    default void onEvent(MoveEvent event) {
    }

    default void onProgress(ProgressSnapshot snapshot) {
    }

    /** The final outcome, after verification. Called exactly once per move followed to its end. */
    default void onFinished(MoveResult result) {
    }

    /**
     * A look at the move failed (the job file could not be read, the answer was cut short) and will be
     * tried again; {@code reason} says what happened and when the next try is, in words.
     */
    default void onFollowingTrouble(String reason) {
    }

    /**
     * The move's record could not be saved in kzmove's data directory (the disk is full, the directory
     * is read-only): {@code problem} is one line naming the file and the system's reason. Said once per
     * move followed, at the first save that fails, however many fail after it. The move is not affected:
     * its lines and its outcome still reach the listeners, and a later attach or re-attach reads the
     * outcome from the job file on the host and records it.
     */
    default void onRecordNotSaved(JobId job, String problem) {
    }

    /**
     * Following stopped without an outcome (the host stayed unreachable after every reconnect attempt);
     * the move itself keeps running on the host and re-attach will pick it up.
     */
    default void onFollowingLost(Exception cause) {
    }
}
