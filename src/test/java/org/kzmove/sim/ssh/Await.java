package org.kzmove.sim.ssh;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.kzmove.testsupport.Conditions;

/** Waits for a condition with a deadline: the tests' only way to wait (never a bare sleep). */
final class Await {
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, TIMEOUT);
    }

    static void until(String what, BooleanSupplier condition, Duration timeout) {
        Conditions.await(what, condition, timeout);
    }
}
