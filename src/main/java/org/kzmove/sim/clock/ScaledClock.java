package org.kzmove.sim.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** Simulated time that runs {@code timeScale} times faster than the machine's monotonic clock. */
public final class ScaledClock implements SimClock {
    private final Instant start;
    private final long startNanos;
    private final double timeScale;

    public ScaledClock(Instant start, double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, got " + timeScale);
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.timeScale = timeScale;
    }

    @Override
    public Instant now() {
        long realNanos = System.nanoTime() - startNanos;
        return start.plusNanos((long) (realNanos * timeScale));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        Instant target = now().plus(duration);
        while (true) {
            long simNanosLeft = Duration.between(now(), target).toNanos();
            if (simNanosLeft <= 0) {
                return;
            }
            long realNanos = Math.max(1, (long) (simNanosLeft / timeScale));
            TimeUnit.NANOSECONDS.sleep(realNanos);
        }
    }

    @Override
    public double timeScale() {
        return timeScale;
    }
}
