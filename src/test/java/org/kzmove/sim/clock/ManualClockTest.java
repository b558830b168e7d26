package org.kzmove.sim.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ManualClockTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void sleeperWakesOnlyWhenTimeIsAdvancedPastItsDeadline() throws Exception {
        ManualClock clock = new ManualClock(T0);
        CompletableFuture<Instant> woke = CompletableFuture.supplyAsync(() -> {
            try {
                clock.sleep(Duration.ofSeconds(10));
                return clock.now();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(clock.awaitSleepers(1, Duration.ofSeconds(5))).isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(clock.awaitSleepers(1, Duration.ofSeconds(5))).isTrue();
        assertThat(woke).isNotDone();
        clock.advance(Duration.ofSeconds(1));
        assertThat(woke.get(5, TimeUnit.SECONDS)).isEqualTo(T0.plusSeconds(10));
    }

    @Test
    void interruptEndsASleep() throws Exception {
        ManualClock clock = new ManualClock(T0);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                clock.sleep(Duration.ofHours(1));
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
        });
        t.start();
        assertThat(clock.awaitSleepers(1, Duration.ofSeconds(5))).isTrue();
        t.interrupt();
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.now()).isEqualTo(T0);
    }

    @Test
    void scaledClockCompressesTime() throws Exception {
        ScaledClock clock = new ScaledClock(T0, 10_000);
        long before = System.nanoTime();
        clock.sleep(Duration.ofSeconds(60));
        long realMillis = (System.nanoTime() - before) / 1_000_000;
        assertThat(Duration.between(T0, clock.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        // 60 simulated seconds at 10000x is 6 ms of real time; allow a loaded CI machine plenty.
        assertThat(realMillis).isLessThan(5_000);
    }

    @Test
    void advanceToNextWakeupKeepsALoopingSleeperInExactSimulatedTime() throws Exception {
        // A driver that advanced a fixed step whenever a sleeper existed raced ahead of a thread
        // that was woken but had not yet run: 100 two-second sleeps then took far more than 200 s.
        ManualClock clock = new ManualClock(T0);
        CompletableFuture<Instant> done = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    clock.sleep(Duration.ofSeconds(2));
                }
                return clock.now();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.isDone() && System.nanoTime() < deadline) {
            clock.advanceToNextWakeup(Duration.ofMillis(5));
        }
        assertThat(done.get(1, TimeUnit.SECONDS)).isEqualTo(T0.plusSeconds(200));
        assertThat(clock.advanceToNextWakeup(Duration.ofMillis(1))).as("nobody sleeps").isFalse();
        assertThat(clock.now()).isEqualTo(T0.plusSeconds(200));
    }
}
