package org.kzmove.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.kzmove.migration.EtaEstimator;
import org.kzmove.sim.host.HostModel;
import org.kzmove.sim.host.SimulatedMoves;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveTranscript;

/**
 * How close kzmove's ETA ({@link EtaEstimator}) and zoneadm's "to go" come to the true end of the
 * resilver, and how often kzmove's range holds it: on simulated moves of each rate profile (the
 * simulator's own zoneadm, in process, on a manual clock: deterministic and fast, through the test
 * support {@link SimulatedMoves}) and on the real
 * mirror transcript replayed with the timing its numbers imply (docs/solaris-formats.md). Run with
 * {@code ./mvnw -q -Pbench -DskipTests test-compile exec:java -Dexec.mainClass=org.kzmove.bench.EtaBench}
 * (optional arguments: moves per profile, first seed).
 *
 * <p>Every progress line is scored: zoneadm's "to go" against the time from that line to the end;
 * kzmove's estimate against the time from when kzmove saw the line (it looks once a second, at a
 * random phase) to the end. The end is when zoneadm saw the resilver done (its "Verifying all
 * attached disks" line).
 */
public final class EtaBench {
    private static final long GIB = 1L << 30;
    private static final double MIB = 1 << 20;

    /** One progress line as printed, at simulated seconds since the move began. */
    record Line(double at, long rate, double percent, Long zoneadmEta) {
    }

    /** A resilver's lines, when it began and when it ended, and the pool's allocated bytes (0: unknown). */
    record Resilver(String name, double start, double end, List<Line> lines, long allocated) {
    }

    /** Errors over a set of lines. */
    static final class Score {
        int moves;
        int lines;
        double zoneadm;
        double kzmove;
        int held;
        double width;

        void add(Score o) {
            moves += o.moves;
            lines += o.lines;
            zoneadm += o.zoneadm;
            kzmove += o.kzmove;
            held += o.held;
            width += o.width;
        }

        String row(String name) {
            double z = zoneadm / lines;
            double k = kzmove / lines;
            return String.format(Locale.ROOT, "%-26s %5d %6d %9.1f %9.1f %6.2f %8.0f%% %9.2f", name, moves, lines, z, k,
                    k / z, 100.0 * held / lines, width / lines);
        }
    }

    private EtaBench() {
    }

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        long firstSeed = args.length > 1 ? Long.parseLong(args[1]) : 101;
        System.out.println("simulated moves: " + moves + " per profile, seeds " + firstSeed + ".." + (firstSeed + moves - 1)
                + "; kzmove looks once a second; errors in seconds, mean over every progress line");
        System.out.println(header());
        Score all = new Score();
        for (String profile : List.of("steady", "ramp", "slow-phase", "contention")) {
            Score s = new Score();
            for (int i = 0; i < moves; i++) {
                for (Resilver r : simulate(profile, firstSeed + i)) {
                    s.add(score(r, new SplittableRandom(firstSeed * 7919 + i).nextDouble()));
                }
            }
            System.out.println(s.row(profile));
            all.add(s);
        }
        System.out.println(all.row("all simulated"));
        System.out.println();
        System.out.println("real transcripts (the pool size is not in them: kzmove takes zoneadm's own total)");
        System.out.println(header());
        String mirror = resource("/transcripts/verbose-mirror.txt");
        Score uniform = score(replay("mirror, uniform timing", mirror, false), 0.37);
        Score anchored = score(replay("mirror, anchored timing", mirror, true), 0.37);
        System.out.println(uniform.row("mirror, a line every 1.45s"));
        System.out.println(anchored.row("mirror, steps freshly synced"));
        System.out.println("rollback (10 lines): interrupted, its end is unknown: not scored; default: no progress lines");
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-26s %5s %6s %9s %9s %6s %9s %9s", "", "moves", "lines", "zoneadm", "kzmove",
                "ratio", "coverage", "width/t");
    }

    // ---- scoring ------------------------------------------------------------------------------------

    static Score score(Resilver r, double phase) {
        Score s = new Score();
        s.moves = 1;
        EtaEstimator eta = new EtaEstimator(r.allocated());
        eta.start(seen(r.start(), phase));
        for (Line l : r.lines()) {
            double seen = seen(l.at(), phase);
            eta.sample(seen, l.rate(), l.percent(), l.zoneadmEta());
            EtaEstimator.Estimate e = eta.estimate().orElse(null);
            if (e == null || l.zoneadmEta() == null) {
                continue;
            }
            double truth = r.end() - seen;
            s.lines++;
            s.zoneadm += Math.abs(l.zoneadmEta() - (r.end() - l.at()));
            s.kzmove += Math.abs(e.seconds() - truth);
            s.held += e.lowSeconds() <= truth && truth <= e.highSeconds() ? 1 : 0;
            s.width += truth > 0 ? (e.highSeconds() - e.lowSeconds()) / Math.max(truth, 10) : 0;
        }
        return s;
    }

    /** When kzmove, looking once a second at {@code phase}, sees a line printed at {@code t}. */
    private static double seen(double t, double phase) {
        return Math.ceil(t - phase) + phase;
    }

    // ---- simulated moves ----------------------------------------------------------------------------

    /** The moves of one run of a profile: one move, or for contention three on one array. */
    static List<Resilver> simulate(String profile, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        String resilver = switch (profile) {
            case "steady" -> "{ \"rate\": \"36M\", \"jitter\": 0.12 }";
            case "ramp" -> "{ \"rate\": \"36M\", \"jitter\": 0.12, \"profile\": [ { \"at\": 0, \"factor\": 1.4 },"
                    + " { \"at\": 100, \"factor\": 0.4 } ] }";
            case "slow-phase" -> "{ \"rate\": \"36M\", \"jitter\": 0.12, \"profile\": [ { \"at\": 30, \"factor\": 1 },"
                    + " { \"at\": 30, \"factor\": 0.3 }, { \"at\": 55, \"factor\": 0.3 }, { \"at\": 55, \"factor\": 1 } ] }";
            case "contention" -> "{ \"rate\": \"36M\", \"jitter\": 0.12, \"contention\": 1 }";
            default -> throw new IllegalArgumentException(profile);
        };
        int zones = profile.equals("contention") ? 3 : 1;
        List<Long> allocated = new ArrayList<>();
        List<Integer> disks = new ArrayList<>();
        List<Double> startAt = new ArrayList<>();
        StringBuilder storage = new StringBuilder();
        StringBuilder zoneSpecs = new StringBuilder();
        for (int z = 1; z <= zones; z++) {
            long alloc = (3 + 2L * random.nextInt(4)) * GIB; // 3, 5, 7 or 9G
            int n = 1 + random.nextInt(2);
            allocated.add(alloc);
            disks.add(n);
            // contention: the others join while the first runs, at random times
            startAt.add(z == 1 ? 0 : random.nextDouble() * alloc / (36 * MIB) * 0.8);
            for (int d = 1; d <= n; d++) {
                storage.append(storage.length() > 0 ? ", " : "").append("{ \"uri\": \"").append(lun(z, d))
                        .append("\", \"size\": \"20G\" }");
            }
            zoneSpecs.append(zoneSpecs.length() > 0 ? ", " : "").append("{ \"name\": \"kz").append(z)
                    .append("\", \"state\": \"running\", \"devices\": [ { \"id\": 0, \"storage\": "
                            + "\"dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kz").append(z).append("/disk0\", \"bootpri\": 0 } ],")
                    .append(" \"rootPool\": { \"size\": \"16G\", \"allocated\": \"").append(alloc).append("\" } }");
        }
        String json = "{ \"hostname\": \"etabench\", \"seed\": " + seed + ", \"users\": [ { \"name\": \"root\", \"uid\": 0 } ],"
                + " \"resilver\": " + resilver + ", \"storage\": [ " + storage + " ], \"zones\": [ " + zoneSpecs + " ] }";
        HostModel host = HostModel.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        List<SimulatedMoves.Move> moves = new ArrayList<>();
        for (int z = 1; z <= zones; z++) {
            List<String> argv = new ArrayList<>(List.of("zoneadm", "-z", "kz" + z, "move", "-v"));
            for (int d = 1; d <= disks.get(z - 1); d++) {
                argv.addAll(List.of("-p", lun(z, d)));
            }
            moves.add(new SimulatedMoves.Move(argv, startAt.get(z - 1)));
        }
        List<List<SimulatedMoves.TimedLine>> outputs = SimulatedMoves.run(host, moves, Duration.ofMinutes(5));
        List<Resilver> out = new ArrayList<>();
        for (int z = 1; z <= zones; z++) {
            out.add(resilver(profile + " kz" + z, outputs.get(z - 1), allocated.get(z - 1)));
        }
        return out;
    }

    private static String lun(int zone, int disk) {
        return String.format(Locale.ROOT, "iscsi://zfssa01/luname.naa.600144F0DBF8AF1900005FD25F%02X%04X", zone, disk);
    }

    /** The resilver of one move: the times of its lines from when the command began. */
    private static Resilver resilver(String name, List<SimulatedMoves.TimedLine> lines, long allocated) {
        MoveTranscript transcript = new MoveTranscript();
        double start = Double.NaN;
        double end = Double.NaN;
        List<Line> progress = new ArrayList<>();
        for (SimulatedMoves.TimedLine l : lines) {
            double at = l.at();
            if (l.text().equals("Waiting for disks to resilver.")) {
                start = at;
            } else if (l.text().equals("Verifying all attached disks in root zpool are online:")) {
                end = at;
            }
            for (MoveEvent e : transcript.accept(l.text())) {
                if (e instanceof MoveEvent.ResilverProgress p) {
                    progress.add(new Line(at, p.rateBytesPerSecond(), p.percent(), p.etaSeconds()));
                }
            }
        }
        return new Resilver(name, start, end, progress, allocated);
    }

    // ---- the real transcript ------------------------------------------------------------------------

    /**
     * The real mirror move with the timing its numbers imply (docs/solaris-formats.md, "The timing the
     * transcripts imply"): zoneadm's total T fitted from its own lines; either a line every 1.45 s from
     * 5.75 s, or every step's first line freshly synced ({@code elapsed = percent x T / rate}) with the
     * lines in between evenly spaced; the end when the last line's rate has examined T ({@code T / rate}).
     */
    static Resilver replay(String name, String text, boolean anchored) {
        MoveTranscript transcript = new MoveTranscript();
        List<MoveEvent.ResilverProgress> p = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (MoveEvent e : transcript.accept(line)) {
                if (e instanceof MoveEvent.ResilverProgress r) {
                    p.add(r);
                }
            }
        }
        double xy = 0;
        double xx = 0;
        for (MoveEvent.ResilverProgress r : p) {
            double x = (1 - r.percent() / 100) / r.rateBytesPerSecond();
            xy += x * r.etaSeconds();
            xx += x * x;
        }
        double total = xy / xx;
        double end = total / p.get(p.size() - 1).rateBytesPerSecond();
        double[] t = new double[p.size()];
        if (!anchored) {
            for (int i = 0; i < t.length; i++) {
                t[i] = 5.75 + 1.45 * i;
            }
        } else {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 1; i < p.size(); i++) {
                if (p.get(i).percent() != p.get(i - 1).percent()) {
                    starts.add(i);
                }
            }
            starts.add(p.size()); // the end, one interval after the last line
            for (int k = 0; k + 1 < starts.size(); k++) {
                int a = starts.get(k);
                int b = starts.get(k + 1);
                double ta = p.get(a).percent() / 100 * total / p.get(a).rateBytesPerSecond();
                double tb = b < p.size() ? p.get(b).percent() / 100 * total / p.get(b).rateBytesPerSecond() : end;
                for (int i = a; i < b; i++) {
                    t[i] = ta + (tb - ta) * (i - a) / (b - a);
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            lines.add(new Line(t[i], p.get(i).rateBytesPerSecond(), p.get(i).percent(), p.get(i).etaSeconds()));
        }
        return new Resilver(name, 0, end, lines, 0);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EtaBench.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
