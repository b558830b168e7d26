package org.kzmove.sim.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated host's time. Everything time-dependent in the simulator (resilver progress,
 * countdowns, boot and shutdown, {@code tail -f} polling) reads and waits on this clock, never on
 * the machine's clock, so a time scale compresses a two-minute resilver into a second while every
 * printed rate, ETA and countdown stays in simulated units, and tests can drive time by hand.
 */
public interface SimClock {

    /** The current simulated time. */
    Instant now();

    /**
     * Blocks the calling thread until {@code duration} of simulated time has passed.
     *
     * @throws InterruptedException when the thread is interrupted (the simulator delivers signals
     *                              to a simulated process this way); the interrupt flag is cleared
     */
    void sleep(Duration duration) throws InterruptedException;

    /** How many simulated seconds pass per real second (1 = real time); informative. */
    double timeScale();
}
