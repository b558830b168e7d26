package org.kzmove.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * {@code kzmove replay [--json] FILE|-}: sums up a saved {@code zoneadm move} transcript or
 * {@code /var/log/zones/zoneadm.*.move} log.
 *
 * <p>Exit 0 when the file was read and holds {@code zoneadm move} output, whatever the move's
 * outcome; 1 when it cannot be read, or is empty, binary or holds no {@code zoneadm move} line
 * (one line on stderr says which); 2 on usage errors.
 */
public final class ReplayCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "replay";
    static final String SUMMARY =
            "sum up a saved zoneadm move transcript or log (zone, outcome, phases, disks, resilver)";
    /** How much of the input is sniffed for binary content. */
    private static final int SNIFF = 8192;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return SUMMARY;
    }

    @Override
    public String usage() {
        return """
                Usage: kzmove replay [--json] FILE|-

                Reads a saved 'zoneadm move' transcript (default or -v output, as on a terminal) or a
                /var/log/zones/zoneadm.<time>.<zone>.move log, and prints what happened: zone,
                outcome, phases reached, original and new disks, resilver statistics, errors.
                Lines may carry a log timestamp prefix and CRLF line ends. '-' reads standard input.

                Options:
                  --json   print one JSON document (the stable contract in docs/replay-json.md)

                Outcomes: SUCCEEDED, FAILED, ROLLED_BACK, ROLLBACK_FAILED, INCOMPLETE.

                Exit status:
                  0  the file was read (whatever the outcome of the move)
                  1  the file cannot be read, or is empty, binary, or holds no zoneadm move output
                  2  usage error
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        boolean asJson = false;
        String file = null;
        for (String a : args) {
            if (a.equals("--json")) {
                asJson = true;
            } else if (a.startsWith("-") && !a.equals("-")) {
                return usageError(io, "unknown option '" + a + "'");
            } else if (file != null) {
                return usageError(io, "only one FILE may be given");
            } else {
                file = a;
            }
        }
        if (file == null) {
            return usageError(io, "FILE is missing (use '-' for standard input)");
        }
        String shown = file.equals("-") ? "standard input" : file;
        MoveReport report;
        try (InputStream in = open(file, io)) {
            report = read(in, shown, io);
        } catch (NoSuchFileException e) {
            return cannotRead(io, shown, "no such file");
        } catch (AccessDeniedException e) {
            return cannotRead(io, shown, "permission denied");
        } catch (IOException | UncheckedIOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (file.equals("-") || !Files.isDirectory(Path.of(file))) {
                return cannotRead(io, shown, reason);
            }
            return cannotRead(io, shown, "is a directory");
        }
        if (report == null) {
            return ExitCodes.ERROR; // already explained
        }
        if (asJson) {
            try {
                io.out().println(json.writeValueAsString(ReplayJson.of(report)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the replay JSON", e);
            }
        } else {
            printHuman(report, io);
        }
        return ExitCodes.OK;
    }

    private static InputStream open(String file, CliIo io) throws IOException {
        if (file.equals("-")) {
            return new BufferedInputStream(io.in(), 1 << 16) {
                @Override
                public void close() {
                    // standard input belongs to the caller
                }
            };
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        return new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    }

    /** Parses the input, or explains on one line why it is not a move transcript and returns null. */
    private static MoveReport read(InputStream in, String shown, CliIo io) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        if (head.length == 0) {
            io.err().println("kzmove replay: " + shown + " is empty; there is no zoneadm move output to replay.");
            return null;
        }
        if (looksBinary(head)) {
            io.err().println("kzmove replay: " + shown
                    + " looks like a binary file, not a zoneadm move transcript or log.");
            return null;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        MoveReport report = MoveTranscript.read(reader);
        if (report.recognizedLines() == 0) {
            io.err().println("kzmove replay: " + shown + " holds no zoneadm move output (" + report.lines()
                    + (report.lines() == 1 ? " line" : " lines") + ", none recognised).");
            return null;
        }
        return report;
    }

    /** NUL bytes, or more than a tenth of control bytes other than tab, CR, LF, FF, ESC, BS and ETX. */
    static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b && c != '\b' && c != 0x03) {
                control++;
            }
        }
        return control * 10 > head.length;
    }

    private void printHuman(MoveReport r, CliIo io) {
        var out = io.out();
        out.println("Zone:            " + orUnknown(r.zone()));
        out.println("Outcome:         " + r.outcome());
        out.println("Log file:        " + orUnknown(r.logFile()));
        out.println("Output:          " + (r.verbose() ? "verbose (-v)" : "default")
                + (r.forceZpoolAttach() ? ", -x force-zpool-attach" : ""));
        out.println("Phases:          " + (r.phases().isEmpty() ? "(none shown)"
                : r.phases().stream().map(Enum::name).collect(Collectors.joining(" -> "))));
        out.println("Original disks:" + (r.originalDisks().isEmpty() ? "  (not shown)" : ""));
        for (MoveReport.OriginalDisk d : r.originalDisks()) {
            out.println("  " + disk(d.name(), d.uri(), d.device(), d.bootPriority(), null));
        }
        out.println("New disks:" + (r.newDisks().isEmpty() ? "       (not shown)" : ""));
        for (MoveReport.NewDisk d : r.newDisks()) {
            out.println("  " + disk(d.name(), d.uri(), d.device(), d.bootPriority(), d.deviceId()));
        }
        MoveReport.ResilverStats s = r.resilver();
        if (s == null) {
            out.println("Resilver:        (no progress shown)");
        } else {
            out.printf(Locale.ROOT, "Resilver:        %d progress lines; last: %s resilvered at %s/s, %.2f%% done, %s to go%n",
                    s.samples(), SolarisSize.format(s.resilveredBytes()), SolarisSize.format(s.lastRateBytesPerSecond()),
                    s.lastPercent(), s.lastEtaSeconds() == null ? "?" : SolarisDuration.format(s.lastEtaSeconds()));
        }
        if (r.signal() != null) {
            out.println("Signal:          " + r.signal());
        }
        out.println("Errors:" + (r.errors().isEmpty() ? "          none" : ""));
        for (String e : r.errors()) {
            out.println("  " + e);
        }
        out.println("Lines:           " + r.lines() + " read, " + r.unrecognizedLines() + " not recognised");
    }

    private static String disk(String name, String uri, String device, Integer bootPriority, Integer deviceId) {
        StringBuilder sb = new StringBuilder(orUnknown(name));
        sb.append("  ").append(orUnknown(uri));
        if (device != null) {
            sb.append("  ").append(device);
        }
        if (bootPriority != null) {
            sb.append("  bootpri=").append(bootPriority);
        }
        if (deviceId != null) {
            sb.append("  id=").append(deviceId);
        }
        return sb.toString();
    }

    private static String orUnknown(String s) {
        return s == null ? "?" : s;
    }

    private int usageError(CliIo io, String message) {
        io.err().println("kzmove replay: " + message);
        io.err().print(usage());
        return ExitCodes.USAGE;
    }

    private static int cannotRead(CliIo io, String shown, String reason) {
        io.err().println("kzmove replay: cannot read " + shown + ": " + reason);
        return ExitCodes.ERROR;
    }
}
