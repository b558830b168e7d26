package org.kzmove.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.kzmove.app.ConsoleServices;
import org.kzmove.app.DemoHost;
import org.kzmove.app.KzmoveApplication;
import org.kzmove.app.KzmovePaths;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.ui.common.AppearanceViewModel;
import org.kzmove.ui.common.FxBridge;
import org.kzmove.ui.common.Theme;
import org.kzmove.ui.jobs.JobViewModel;

/**
 * Is the console still responsive with twenty moves running and their logs streaming? The real
 * console (composition root, main window, one job tab per move, every job view bound) on a generated
 * simulated host of 40 zones over real SSH; twenty moves started through the jobs list, as the
 * wizard's Start does. While they run it measures:
 * <ul>
 * <li>the longest gap between two FX pulses (an {@link AnimationTimer} keeps pulses coming at 60 Hz,
 * so any gap much above 16.7 ms is time the FX thread was busy or blocked);</li>
 * <li>the latency of a tiny task posted to the FX thread every 20 ms from another thread (what a
 * click or a key press waits for);</li>
 * <li>heap used (sampled every second; and after a full GC once the moves ended).</li>
 * </ul>
 * Headless (Monocle, software rendering) unless {@code -Dbench.display=true}.
 *
 * <p>Arguments: number of moves (default 20), time scale of the simulated host (default 40).
 */
public final class ConsoleResponsivenessBench {
    private ConsoleResponsivenessBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            // exec:java would otherwise wait for the FX and engine threads forever.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double timeScale = args.length > 1 ? Double.parseDouble(args[1]) : 40;
        if (!Boolean.getBoolean("bench.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        Path dir = Files.createTempDirectory("kzmove-console-bench");
        BenchFx.startPlatform();

        ConsoleServices services = new ConsoleServices(new KzmovePaths(dir.resolve("config"), dir.resolve("data")),
                Clock.systemUTC());
        DemoHost host = new DemoHost(services, timeScale, o -> o.generatedZones(40).seed(7));
        KzmoveApplication.Console console = KzmoveApplication.wire(services, host, new BenchFx.SilentDialogs(),
                new AppearanceViewModel(Theme.LIGHT, false));
        BenchFx.onFx(() -> {
            Stage stage = new Stage();
            console.show(stage);
            return null;
        });

        List<MoveRequest> requests = plan(host, moves);
        System.out.printf(Locale.ROOT, "%d moves on a generated host of 40 zones, time scale %.0f%n", requests.size(),
                timeScale);

        Pulses pulses = new Pulses();
        BenchFx.onFx(() -> {
            pulses.start();
            return null;
        });
        Probe probe = new Probe();
        probe.start();
        Memory memory = new Memory();
        memory.start();
        List<Long> ends = java.util.Collections.synchronizedList(new ArrayList<>());
        BenchFx.onFx(() -> {
            console.jobs().onMoveEnded(h -> ends.add(System.nanoTime()));
            return null;
        });
        long t0 = System.nanoTime();
        for (MoveRequest r : requests) {
            FxBridge.run(() -> console.jobs().start(host, r));
        }
        long allOpen = 0;
        // Until every move has an outcome (or 15 minutes).
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            int[] counts = BenchFx.onFx(() -> new int[] {console.jobs().jobs().size(),
                (int) console.jobs().jobs().stream().filter(j -> j.outcomeProperty().get() != null).count()});
            if (allOpen == 0 && counts[0] == requests.size()) {
                allOpen = System.nanoTime();
            }
            if (counts[0] == requests.size() && counts[1] == requests.size()) {
                break;
            }
            Thread.sleep(500);
        }
        long end = System.nanoTime();
        double seconds = (end - t0) / 1e9;
        probe.stop();
        memory.stop();
        BenchFx.onFx(() -> {
            pulses.stop();
            return null;
        });
        long lines = BenchFx.onFx(() -> console.jobs().jobs().stream().mapToLong(j -> j.log().size()).sum());
        long points = BenchFx.onFx(() -> console.jobs().jobs().stream().mapToLong(j -> j.chart().size()).sum());
        String outcomes = BenchFx.onFx(() -> console.jobs().jobs().stream()
                .map(j -> String.valueOf(j.outcomeProperty().get())).distinct().sorted().toList().toString());
        System.gc();
        long retained = used();

        System.out.printf(Locale.ROOT, "moves ended after %.1f s real; outcomes %s%n", seconds, outcomes);
        System.out.printf(Locale.ROOT, "log lines shown %,d (%,.0f lines/s into the UI), chart points %,d%n", lines,
                lines / seconds, points);
        // The first seconds: twenty starts, twenty tabs with their charts and logs built at once, and a
        // JVM still compiling the layout and rendering code.
        long steady = allOpen + TimeUnit.SECONDS.toNanos(3);
        System.out.printf(Locale.ROOT, "opening the %d moves and the next 3 s (%.1f s):%n", requests.size(),
                (steady - t0) / 1e9);
        System.out.println("  FX pulse gaps: " + Samples.describe(pulses.between(t0, steady)));
        System.out.println("  FX task latency: " + Samples.describe(probe.between(t0, steady)));
        System.out.printf(Locale.ROOT, "then, while the moves stream and end (%.1f s):%n", (end - steady) / 1e9);
        System.out.println("  FX pulse gaps: " + Samples.describe(pulses.between(steady, end)));
        System.out.println("  FX task latency: " + Samples.describe(probe.between(steady, end)));
        if (Boolean.getBoolean("bench.timeline")) {
            System.out.println("pulse gaps over 300 ms at (s): " + pulses.gaps.stream().filter(g -> g[1] > 300_000_000L)
                    .map(g -> String.format(Locale.ROOT, "%.1f (%.0f ms)", (g[0] - t0) / 1e9, g[1] / 1e6)).toList());
            System.out.println("moves ended at (s): " + ends.stream()
                    .map(e -> String.format(Locale.ROOT, "%.1f", (e - t0) / 1e9)).toList());
        }
        System.out.printf(Locale.ROOT, "heap used: peak %d MiB (sampled every 1 s), after the moves and a full GC %d MiB%n",
                memory.peak() >> 20, retained >> 20);
        BenchFx.onFx(() -> {
            console.close();
            return null;
        });
        Platform.exit();
    }

    /** The zones to move (running kernel zones, smallest allocated first) and a free LUN each. */
    private static List<MoveRequest> plan(DemoHost host, int moves) throws Exception {
        HostInventory inventory = host.load();
        List<FreeStorage> free = new ArrayList<>(host.freeStorage(inventory));
        free.sort(Comparator.comparingLong(FreeStorage::sizeBytes));
        Set<String> taken = new HashSet<>();
        List<MoveRequest> requests = new ArrayList<>();
        List<ZoneInventory> zones = inventory.zones().stream()
                .filter(z -> z.zone().brand().isKernelZone() && z.zone().state() == ZoneState.RUNNING
                        && z.rootPoolUsage() != null)
                .sorted(Comparator.comparingLong(z -> z.rootPoolUsage().allocatedBytes())).toList();
        for (ZoneInventory z : zones) {
            if (requests.size() == moves) {
                break;
            }
            long need = z.rootPoolUsage().sizeBytes();
            Optional<FreeStorage> target = free.stream()
                    .filter(f -> f.sizeBytes() >= need && f.note().isEmpty() && !taken.contains(f.uri())).findFirst();
            if (target.isPresent()) {
                taken.add(target.get().uri());
                requests.add(new MoveRequest(z.zone().name(),
                        List.of(new MoveTarget(StorageUris.parse(target.get().uri()), null)), false));
            }
        }
        if (requests.size() < moves) {
            throw new IllegalStateException("only " + requests.size() + " of " + zones.size()
                    + " running kernel zones could be given a target among " + free.size() + " free disks, e.g. "
                    + free.stream().limit(3).toList() + "; zones " + inventory.zones().stream().limit(3)
                    .map(z -> z.zone().name() + " " + z.zone().brand() + " " + z.zone().state() + " " + z.rootPoolUsage()
                            + " " + z.problems()).toList());
        }
        return requests;
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Gaps between FX pulses, in nanoseconds. */
    private static final class Pulses extends AnimationTimer {
        private final List<long[]> gaps = new ArrayList<>();
        private long last;

        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps.add(new long[] {System.nanoTime(), now - last});
            }
            last = now;
        }

        /** The gaps of pulses that ended in [from, to) (System.nanoTime()). */
        List<Long> between(long from, long to) {
            return gaps.stream().filter(g -> g[0] >= from && g[0] < to).map(g -> g[1]).toList();
        }
    }

    /** Posts a tiny task to the FX thread every 20 ms and records how long it waited. */
    private static final class Probe {
        private final List<long[]> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "fx-latency-probe");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            while (running) {
                long posted = System.nanoTime();
                FxBridge.run(() -> waits.add(new long[] {posted, System.nanoTime() - posted}));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The waits of tasks posted in [from, to). */
        List<Long> between(long from, long to) {
            synchronized (waits) {
                return waits.stream().filter(w -> w[0] >= from && w[0] < to).map(w -> w[1]).toList();
            }
        }
    }

    /** Heap used, sampled every second. */
    private static final class Memory {
        private final AtomicLong peak = new AtomicLong();
        private final LongAdder samples = new LongAdder();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::run, "heap-sampler");

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void run() {
            while (running) {
                peak.accumulateAndGet(used(), Math::max);
                samples.increment();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peak() {
            return peak.get();
        }
    }

    private static final class Samples {
        static String describe(List<Long> values) {
            long over = values.stream().filter(v -> v > 100_000_000L).count();
            return String.format(Locale.ROOT, "%,d samples; median %.1f ms, p99 %.1f ms, longest %.1f ms; over 100 ms: %d",
                    values.size(), percentile(values, 0.5), percentile(values, 0.99), percentile(values, 1.0), over);
        }

        static double percentile(List<Long> values, double p) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
        }
    }
}
