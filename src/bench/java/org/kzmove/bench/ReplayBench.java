package org.kzmove.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kzmove.cli.CliIo;
import org.kzmove.cli.ReplayCommand;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;
import org.kzmove.solaris.move.MoveTranscriptGenerator;

/**
 * Times {@code kzmove replay} on a generated 1,000,000-line {@code zoneadm move -v} log (a mirror
 * move whose resilver prints ~999,900 progress lines): parse + summary straight from the file, and
 * the whole command with {@code --json}. Run with
 * {@code ./mvnw -q -Pbench -DskipTests test-compile exec:java -Dexec.mainClass=org.kzmove.bench.ReplayBench}
 * (optional argument: the number of lines).
 */
public final class ReplayBench {
    private static final int RUNS = 5;

    private ReplayBench() {
    }

    public static void main(String[] args) throws IOException {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path log = Files.createTempFile("zoneadm.20240305T101500Z.bench.", ".move");
        try {
            long lines = generate(log, target);
            System.out.printf(Locale.ROOT, "log: %s, %,d lines, %,d bytes%n", log, lines, Files.size(log));
            System.out.printf(Locale.ROOT, "java %s, %d cpus, max heap %,d MiB%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            List<Double> parse = new ArrayList<>();
            List<Double> command = new ArrayList<>();
            for (int run = 1; run <= RUNS; run++) {
                System.gc();
                long heapBefore = usedHeap();
                long start = System.nanoTime();
                MoveReport report;
                try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                    report = MoveTranscript.read(reader);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long heapAfter = usedHeap(); // includes garbage not yet collected
                System.gc();
                long retained = usedHeap(); // what the parse keeps (the report is still referenced)
                parse.add(seconds);
                check(report, lines);

                start = System.nanoTime();
                int status = new ReplayCommand().run(List.of("--json", log.toString()), discard());
                double commandSeconds = (System.nanoTime() - start) / 1e9;
                command.add(commandSeconds);
                if (status != 0) {
                    throw new IllegalStateException("replay exited " + status);
                }
                System.out.printf(Locale.ROOT,
                        "run %d: parse+summary %.3f s (%,.0f lines/s), heap used before %,d MiB, after %,d MiB,"
                                + " retained after GC %,d MiB; replay --json %.3f s%n",
                        run, seconds, lines / seconds, heapBefore >> 20, heapAfter >> 20, retained >> 20,
                        commandSeconds);
            }
            double best = parse.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double median = parse.stream().sorted().toList().get(RUNS / 2);
            double commandMedian = command.stream().sorted().toList().get(RUNS / 2);
            System.out.printf(Locale.ROOT,
                    "result: %,d lines, parse+summary best %.3f s, median %.3f s (%,.0f lines/s); replay --json median %.3f s%n",
                    lines, best, median, lines / median, commandMedian);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Writes a verbose mirror move with enough progress lines to reach {@code target} lines. */
    private static long generate(Path log, int target) throws IOException {
        List<String> original = List.of(MoveTranscriptGenerator.iscsiUri("mystorage", 3));
        List<String> added = List.of(MoveTranscriptGenerator.iscsiUri("mystorage", 2),
                MoveTranscriptGenerator.iscsiUri("mystorage", 4));
        long[] count = {0};
        MoveTranscriptGenerator.verbose("bench", original, added, 0, true, -1, l -> count[0]++);
        int progress = (int) Math.max(0, target - count[0]);
        long[] written = {0};
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            MoveTranscriptGenerator.verbose("bench", original, added, progress, true, -1, l -> {
                try {
                    w.write(l);
                    w.newLine();
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return written[0];
    }

    private static void check(MoveReport report, long lines) {
        if (report.lines() != lines || report.outcome().name().equals("INCOMPLETE") || report.unrecognizedLines() != 0) {
            throw new IllegalStateException("unexpected report: " + report);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static CliIo discard() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        return new CliIo(new ByteArrayInputStream(new byte[0]), nowhere, nowhere);
    }
}
