package org.kzmove.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The tests' one way to wait for state owned by other threads (a simulated process, an SSH
 * channel, a follower) that offers no notification to wait on: check the condition, and fail with
 * a message when the deadline passes. Never a bare sleep standing in for a condition.
 */
public final class Conditions {
    /** How often the condition is checked; the wait ends as soon as it holds. */
    private static final long POLL_MILLIS = 2;

    private Conditions() {
    }

    public static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS); // the poll interval of this condition wait, not a synchronisation delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
