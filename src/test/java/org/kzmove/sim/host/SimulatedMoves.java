package org.kzmove.sim.host;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.kzmove.sim.clock.ManualClock;

/**
 * Runs {@code zoneadm move} commands of a simulated host in process, as root, on one manual clock,
 * each starting at a given simulated time, and gives the simulated time at which every line of their
 * standard output was printed. Time moves only when every command sleeps, so the runs are
 * deterministic; no SSH, no real time. For benchmarks ({@code org.kzmove.bench.EtaBench}).
 */
public final class SimulatedMoves {
    /** A move to run: {@code argv} of {@code zoneadm ...}, started {@code startSeconds} after the others' origin. */
    public record Move(List<String> argv, double startSeconds) {
    }

    /** A line of output, {@code at} simulated seconds after the origin. */
    public record TimedLine(double at, String text) {
    }

    private SimulatedMoves() {
    }

    /** Runs the moves to their ends; each one's lines, in order. Fails when one exits non-zero. */
    public static List<List<TimedLine>> run(HostModel host, List<Move> moves, Duration realTimeLimit) throws Exception {
        ManualClock clock = new ManualClock(SimHarness.T0);
        ExecutorService starters = Executors.newCachedThreadPool();
        try (SimHarness sim = new SimHarness(host, clock)) {
            List<List<TimedLine>> outputs = new ArrayList<>();
            List<Future<SimHarness.Run>> started = new ArrayList<>();
            for (Move m : moves) {
                List<TimedLine> lines = new ArrayList<>();
                outputs.add(lines);
                PrintStream stdout = new PrintStream(new TimedLines(clock, lines), true, StandardCharsets.UTF_8);
                String[] argv = m.argv().toArray(String[]::new);
                started.add(starters.submit(() -> {
                    if (m.startSeconds() > 0) {
                        clock.sleep(Duration.ofMillis(Math.round(m.startSeconds() * 1000)));
                    }
                    return sim.new Run(SimHarness.ROOT, stdout, argv);
                }));
            }
            long until = System.nanoTime() + realTimeLimit.toNanos();
            while (true) {
                int live = 0;
                for (Future<SimHarness.Run> f : started) {
                    live += !f.isDone() || !f.get().status.isDone() ? 1 : 0;
                }
                if (live == 0) {
                    break;
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("the simulated moves did not end within " + realTimeLimit);
                }
                // Only once every live command (or starter) sleeps: one that ended meanwhile shows as a timeout here.
                clock.advanceToNextWakeup(live, Duration.ofMillis(100));
            }
            for (int i = 0; i < started.size(); i++) {
                SimHarness.Result r = started.get(i).get().result();
                if (r.status() != 0) {
                    throw new IllegalStateException(moves.get(i).argv() + " exited " + r.status() + ": " + r.err());
                }
            }
            return outputs;
        } finally {
            starters.shutdownNow();
        }
    }

    /** Collects complete lines with the simulated time at which each was written. */
    private static final class TimedLines extends OutputStream {
        private final ManualClock clock;
        private final List<TimedLine> lines;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        TimedLines(ManualClock clock, List<TimedLine> lines) {
            this.clock = clock;
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                Instant now = clock.now();
                lines.add(new TimedLine(Duration.between(SimHarness.T0, now).toMillis() / 1000.0,
                        current.toString(StandardCharsets.UTF_8)));
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
