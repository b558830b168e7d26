package org.kzmove.sim.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulated time that moves only when {@link #advance(Duration)} is called: tests drive the
 * simulator step by step and wait for its threads to reach a sleep, with no real-time sleeps.
 */
public final class ManualClock implements SimClock {
    private final Object lock = new Object();
    private Instant now;
    private int sleepers;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        synchronized (lock) {
            Instant target = now.plus(duration);
            sleepers++;
            lock.notifyAll();
            try {
                while (now.isBefore(target)) {
                    lock.wait();
                }
            } finally {
                sleepers--;
                lock.notifyAll();
            }
        }
    }

    /** Moves simulated time forward and wakes every sleeper whose deadline has come. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        synchronized (lock) {
            now = now.plus(duration);
            lock.notifyAll();
        }
    }

    /** The number of threads currently blocked in {@link #sleep(Duration)}. */
    public int sleepers() {
        synchronized (lock) {
            return sleepers;
        }
    }

    /**
     * Waits (in real time, at most {@code timeout}) until at least {@code count} threads sleep on
     * this clock: the condition tests wait on before advancing time.
     *
     * @return whether the condition was reached
     */
    public boolean awaitSleepers(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (sleepers < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public double timeScale() {
        return 0;
    }
}
