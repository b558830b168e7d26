package org.kzmove.sim.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Simulated time that moves only when {@link #advance(Duration)} is called: tests drive the
 * simulator step by step and wait for its threads to reach a sleep, with no real-time sleeps.
 */
public final class ManualClock implements SimClock {
    private final Object lock = new Object();
    private Instant now;
    private int sleepers;
    /** The deadlines of the threads in {@link #sleep(Duration)}, earliest first. */
    private final PriorityQueue<Instant> deadlines = new PriorityQueue<>();

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
            deadlines.add(target);
            lock.notifyAll();
            try {
                while (now.isBefore(target)) {
                    lock.wait();
                }
            } finally {
                deadlines.remove(target);
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

    /**
     * Moves simulated time to the earliest deadline of the sleeping threads, once every thread
     * woken before has left its sleep. Advancing by a fixed step cannot do this: a thread that was
     * woken but has not yet run still counts as a sleeper, so a driver loop would race ahead of it
     * by many steps (a 3-minute resilver then "took" 50 hours). Waits at most {@code timeout} in
     * real time.
     *
     * @return whether time was advanced (false: nobody sleeps, or a woken thread has not run yet)
     */
    public boolean advanceToNextWakeup(Duration timeout) throws InterruptedException {
        return advanceToNextWakeup(1, timeout);
    }

    /**
     * As {@link #advanceToNextWakeup(Duration)}, but only once at least {@code minSleepers} threads
     * sleep: a host with a timer that sleeps for its whole life (a scheduled fault) passes 2, so
     * time never jumps to the timer while the command it drives is between two sleeps.
     */
    public boolean advanceToNextWakeup(int minSleepers, Duration timeout) throws InterruptedException {
        synchronized (lock) {
            if (!awaitIdle(minSleepers, timeout)) {
                return false;
            }
            now = deadlines.peek();
            lock.notifyAll();
            return true;
        }
    }

    /**
     * Waits (in real time, at most {@code timeout}) until some thread sleeps and every thread
     * woken before has left its sleep: nothing runs until time moves again.
     *
     * @return whether that state was reached
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return awaitIdle(1, timeout);
    }

    /** As {@link #awaitIdle(Duration)}, with at least {@code minSleepers} threads asleep. */
    public boolean awaitIdle(int minSleepers, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (deadlines.size() < Math.max(1, minSleepers) || !deadlines.peek().isAfter(now)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
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
