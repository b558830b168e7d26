package org.kzmove.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.host.ScenarioGenerator;
import org.kzmove.sim.host.scenario.HostScenario;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.solaris.units.SolarisSize;

/**
 * How many zones and concurrent moves the simulated host sustains without its clock falling
 * behind. Each move prints a progress line every 2 simulated seconds, i.e. every {@code 2/S} real
 * seconds at time scale S. For every move, line k is <em>due</em> at
 * {@code t(first line) + k * 2/S} (real time); its <em>lag</em> is when the SSH client received it
 * minus when it was due. The simulator keeps up while the lag stays flat (a few ms of scheduling
 * noise); it falls behind when the lag grows through the window (lines arrive ever later, the
 * simulated resilver runs slower than simulated time says).
 *
 * <p>(a) inventory-like load: {@code zoneadm list -cp} and a {@code zonecfg -z Z export} per zone,
 * in one script, repeated for the window on generated hosts of 100/500/1000 zones, with one move
 * at 100x as a probe of the clock; (b) 1..40 concurrent moves on a generated 200-zone host at
 * 10x/50x/100x. Loopback only, bounded windows; stops by itself. Run with
 * {@code ./mvnw -q -Pbench -DskipTests test-compile exec:java -Dexec.mainClass=org.kzmove.bench.SimCapacityBench}
 * (optional argument: the window in seconds, default 8).
 */
public final class SimCapacityBench {
    private static final long SEED = 1;

    private final Path dir;
    private final Path key;
    private final Duration window;

    private SimCapacityBench(Path dir, Duration window) throws IOException, InterruptedException {
        this.dir = dir;
        this.window = window;
        this.key = dir.resolve("id_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh-keygen failed");
        }
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 8);
        Path dir = Files.createTempDirectory("kzmove-simbench");
        SimCapacityBench bench = new SimCapacityBench(dir, window);
        System.out.printf(Locale.ROOT, "java %s, %d cpus, max heap %,d MiB, window %d s per row%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, window.toSeconds());
        System.out.println();
        System.out.println("(a) inventory script (zoneadm list -cp + zonecfg export per zone), looped, + 1 probe move at 100x");
        System.out.println("| zones | inventories | s per inventory (median) | output per inventory | probe lines/s (due) | lag p50 | lag p99 | lag max | lag growth |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int zones : new int[] {100, 500, 1000}) {
            bench.inventory(zones);
        }
        System.out.println();
        System.out.println("(b) concurrent moves on a generated 200-zone host");
        System.out.println("| scale | moves | lines/s received (due) | lag p50 | lag p99 | lag max | lag growth | process CPU |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int scale : new int[] {10, 50, 100}) {
            for (int moves : new int[] {1, 5, 10, 20, 40}) {
                bench.moves(200, moves, scale);
            }
        }
        // past the asked-for range, to see where the lag starts to grow
        for (int[] row : new int[][] {{100, 100}, {40, 500}, {40, 1000}, {100, 1000}}) {
            bench.moves(200, row[0], row[1]);
        }
        // the simulator's threads are daemons; exec:java must not wait for anything else
        System.exit(0);
    }

    private SimulatedHost start(int zones, double scale) throws Exception {
        return SimulatedHost.start(new SimulatedHost.Options().generatedZones(zones).seed(SEED).timeScale(scale).port(0)
                .hostKey(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256))
                .authorizedKeys(AuthorizedKeys.fromFile(Path.of(key + ".pub"))));
    }

    private SSHClient connect(SimulatedHost host) throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, host.knownHostsLine() + "\n");
        SSHClient ssh = new SSHClient();
        ssh.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
        ssh.connect("127.0.0.1", host.port());
        ssh.authPublickey("root", ssh.loadKeys(key.toString()));
        return ssh;
    }

    /** A running zone and a free LUN big enough for it, from the generator's own scenario. */
    private record Target(String zone, String uri, long allocated) {
    }

    /** The running zones with the most to copy (so no move ends inside the window), each with its first free LUN. */
    private static List<Target> targets(int zones, int count) {
        HostScenario s = ScenarioGenerator.generate(zones, SEED);
        List<Target> all = new ArrayList<>();
        for (int i = 0; i < s.zones().size(); i++) {
            HostScenario.ZoneSpec z = s.zones().get(i);
            if ("running".equals(z.state())) {
                all.add(new Target(z.name(), s.storage().get(2 * i).uri(), SolarisSize.parse(z.rootPool().allocated()).orElse(0)));
            }
        }
        all.sort(Comparator.comparingLong(Target::allocated).reversed());
        return all.subList(0, count);
    }

    /** One move's progress lines as the client receives them, stamped on arrival. */
    private static final class MoveReader implements Runnable {
        final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        private final Session.Command command;

        MoveReader(Session.Command command) {
            this.command = command;
        }

        @Override
        public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains(" resilvered at ")) {
                        arrivals.add(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                // the session closed at the end of the window
            }
        }
    }

    /**
     * Lags of all moves in ms, the mean growth of the lag per move over the window (ms), and the
     * rate the client received lines at: the sum over the moves of (lines - 1) / (last - first),
     * which leaves out each move's pre-checks before its first line.
     */
    private record Lag(List<Double> lags, double growthMs, long lines, double linesPerSecond) {
        static Lag of(List<MoveReader> readers, double scale) {
            List<Double> lags = new ArrayList<>();
            double growth = 0;
            int moves = 0;
            long lines = 0;
            double rate = 0;
            double intervalNanos = 2e9 / scale;
            for (MoveReader m : readers) {
                List<Long> a;
                synchronized (m.arrivals) {
                    a = new ArrayList<>(m.arrivals);
                }
                lines += a.size();
                if (a.size() < 2) {
                    continue;
                }
                double first = 0;
                double last = 0;
                for (int k = 0; k < a.size(); k++) {
                    double lag = (a.get(k) - a.get(0) - k * intervalNanos) / 1e6;
                    lags.add(lag);
                    if (k == 0) {
                        first = lag;
                    }
                    last = lag;
                }
                growth += last - first;
                moves++;
                rate += (a.size() - 1) / ((a.get(a.size() - 1) - a.get(0)) / 1e9);
            }
            Collections.sort(lags);
            return new Lag(lags, moves == 0 ? 0 : growth / moves, lines, rate);
        }

        double pct(double p) {
            if (lags.isEmpty()) {
                return Double.NaN;
            }
            return lags.get(Math.min(lags.size() - 1, (int) Math.ceil(p / 100 * lags.size()) - 1));
        }

        double max() {
            return lags.isEmpty() ? Double.NaN : lags.get(lags.size() - 1);
        }
    }

    private List<MoveReader> startMoves(List<SSHClient> clients, List<Target> targets, List<Session> sessions) throws IOException {
        List<MoveReader> readers = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Session s = clients.get(i % clients.size()).startSession();
            sessions.add(s);
            MoveReader reader = new MoveReader(s.exec("zoneadm -z " + t.zone() + " move -v -p " + t.uri()));
            Thread th = new Thread(reader, "bench-move-" + t.zone());
            th.setDaemon(true);
            th.start();
            readers.add(reader);
        }
        return readers;
    }

    private void moves(int zones, int moves, int scale) throws Exception {
        try (SimulatedHost host = start(zones, scale)) {
            List<SSHClient> clients = new ArrayList<>();
            for (int c = 0; c < Math.max(1, (moves + 9) / 10); c++) {
                clients.add(connect(host)); // up to 10 channels per connection, as a console would
            }
            List<Session> sessions = new ArrayList<>();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<MoveReader> readers = startMoves(clients, targets(zones, moves), sessions);
            waitFor(window);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9 / seconds;
            Lag lag = Lag.of(readers, scale);
            System.out.printf(Locale.ROOT, "| %dx | %d | %.0f (%.0f) | %.1f ms | %.1f ms | %.1f ms | %+.1f ms | %.0f %% |%n", scale,
                    moves, lag.linesPerSecond(), moves * scale / 2.0, lag.pct(50), lag.pct(99), lag.max(),
                    lag.growthMs(), cpu * 100);
            close(sessions, clients);
        }
    }

    private void inventory(int zones) throws Exception {
        int scale = 100;
        try (SimulatedHost host = start(zones, scale)) {
            StringBuilder script = new StringBuilder("zoneadm list -cp");
            for (HostScenario.ZoneSpec z : ScenarioGenerator.generate(zones, SEED).zones()) {
                script.append("; zonecfg -z ").append(z.name()).append(" export");
            }
            List<SSHClient> clients = new ArrayList<>(List.of(connect(host), connect(host)));
            List<Session> sessions = new ArrayList<>();
            List<MoveReader> probe = startMoves(clients.subList(0, 1), targets(zones, 1), sessions);
            long t0 = System.nanoTime();
            long deadline = t0 + window.toNanos();
            List<Double> durations = new ArrayList<>();
            long bytes = 0;
            while (System.nanoTime() < deadline) {
                long s = System.nanoTime();
                try (Session session = clients.get(1).startSession()) {
                    Session.Command cmd = session.exec(script.toString());
                    byte[] out = cmd.getInputStream().readAllBytes();
                    cmd.join(60, TimeUnit.SECONDS);
                    if (cmd.getExitStatus() == null || cmd.getExitStatus() != 0) {
                        throw new IllegalStateException("inventory script failed: " + cmd.getExitStatus());
                    }
                    bytes = out.length;
                }
                durations.add((System.nanoTime() - s) / 1e9);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Collections.sort(durations);
            Lag lag = Lag.of(probe, scale);
            System.out.printf(Locale.ROOT, "| %d | %d | %.2f | %,d bytes | %.0f (%.0f) | %.1f ms | %.1f ms | %.1f ms | %+.1f ms |%n",
                    zones, durations.size(), durations.get(durations.size() / 2), bytes, lag.linesPerSecond(),
                    scale / 2.0, lag.pct(50), lag.pct(99), lag.max(), lag.growthMs());
            close(sessions, clients);
        }
    }

    private static void close(List<Session> sessions, List<SSHClient> clients) {
        for (Session s : sessions) {
            try {
                s.close();
            } catch (IOException e) {
                // the host is going away anyway
            }
        }
        for (SSHClient c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // the host is going away anyway
            }
        }
    }

    /** The bench's measuring window: a bounded real-time wait, not a synchronisation. */
    private static void waitFor(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }
}
