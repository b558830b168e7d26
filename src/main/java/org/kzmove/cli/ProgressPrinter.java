package org.kzmove.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.engine.ProgressSnapshot;
import org.kzmove.migration.job.JobId;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Shows a move as it happens: on a terminal one progress bar line redrawn in place (phase, percent,
 * rate, zoneadm's ETA and kzmove's ETA range); otherwise plain lines at phase changes and every
 * tenth of the resilver; with {@code --json} one JSON object per line per event, each with the time
 * kzmove saw it ({@code at}; docs/move-json.md).
 */
final class ProgressPrinter implements MoveListener {
    enum Mode { TERMINAL, PLAIN, JSON }

    private final PrintStream out;
    private final PrintStream err;
    private final Mode mode;
    /** How the user names the host on the command line, for the attach hint. */
    private final String host;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private MovePhase lastPhase;
    private int lastDecile = -1;
    private boolean barShown;

    /**
     * JSON when asked, a redrawn bar on a terminal, plain lines when output goes to a file or pipe.
     *
     * @param host the host as the user named it, for the words that say how to attach again
     */
    static ProgressPrinter forOutput(CliIo io, boolean json, String host) {
        return new ProgressPrinter(io.out(), io.err(), json ? Mode.JSON : System.console() != null ? Mode.TERMINAL : Mode.PLAIN,
                host);
    }

    ProgressPrinter(PrintStream out, Mode mode) {
        this(out, out, mode, "HOST", Clock.systemUTC());
    }

    ProgressPrinter(PrintStream out, Mode mode, Clock clock) {
        this(out, out, mode, "HOST", clock);
    }

    ProgressPrinter(PrintStream out, PrintStream err, Mode mode, String host) {
        this(out, err, mode, host, Clock.systemUTC());
    }

    ProgressPrinter(PrintStream out, PrintStream err, Mode mode, String host, Clock clock) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.host = host;
        this.clock = clock;
    }

    @Override
    public synchronized void onLine(String line) {
        if (mode == Mode.JSON) {
            emit(event("line", "text", line));
        }
    }

    @Override
    public synchronized void onEvent(MoveEvent event) {
        if (event instanceof MoveEvent.PhaseEntered p) {
            phase(p.phase());
        } else if (mode != Mode.JSON && (event instanceof MoveEvent.SignalCaught || event instanceof MoveEvent.ZoneadmError
                || event instanceof MoveEvent.CleanupResult || event instanceof MoveEvent.RollbackNotice)) {
            endBar();
            String text = event.source().text().strip();
            out.println("  " + (text.startsWith("zoneadm:") ? text : "zoneadm: " + text));
        }
    }

    private void phase(MovePhase phase) {
        if (phase == lastPhase) {
            return;
        }
        lastPhase = phase;
        if (mode == Mode.JSON) {
            emit(event("phase", "phase", phase.name()));
        } else {
            endBar();
            out.println("Phase: " + phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
    }

    @Override
    public synchronized void onProgress(ProgressSnapshot s) {
        if (mode == Mode.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "progress");
            m.put("at", (s.at() != null ? s.at() : clock.instant()).toString());
            m.put("phase", s.phase().name());
            m.put("percent", s.percent());
            m.put("donePercent", s.donePercent());
            m.put("resilverSeconds", s.resilverSeconds());
            m.put("resilveredBytes", s.resilveredBytes());
            m.put("rateBytesPerSecond", s.rateBytesPerSecond());
            m.put("zoneadmEtaSeconds", s.zoneadmEtaSeconds());
            m.put("etaSeconds", s.etaSeconds());
            m.put("etaLowSeconds", s.etaLowSeconds());
            m.put("etaHighSeconds", s.etaHighSeconds());
            m.put("canStillRestoreOriginals", s.canStillRestoreOriginals());
            emit(m);
            return;
        }
        if (s.phase() != MovePhase.RESILVERING || (s.resilveredBytes() == 0 && s.rateBytesPerSecond() == 0)) {
            return; // a bar only while data moves: before, at 0, or after, it says nothing the phase line does not
        }
        String text = describe(s);
        if (mode == Mode.TERMINAL) {
            int width = 30;
            int filled = (int) Math.round(Math.max(0, Math.min(100, s.displayPercent())) * width / 100);
            SafePrintStream.carriageReturn(out);
            out.print("[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + text + "    ");
            out.flush();
            barShown = true;
        } else {
            int decile = (int) (s.displayPercent() / 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println("  " + text);
            }
        }
    }

    static String describe(ProgressSnapshot s) {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%5.1f%%  %s resilvered at %s/s",
                s.displayPercent(), SolarisSize.format(s.resilveredBytes()), SolarisSize.format(s.rateBytesPerSecond())));
        if (s.donePercent() != null) {
            sb.append(String.format(java.util.Locale.ROOT, " (zoneadm: %.2f%%)", s.percent()));
        }
        if (s.zoneadmEtaSeconds() != null) {
            sb.append("  zoneadm ETA ").append(SolarisDuration.format(s.zoneadmEtaSeconds()));
        }
        if (s.etaSeconds() != null) {
            sb.append("  kzmove ETA ").append(SolarisDuration.format(s.etaSeconds()));
            if (s.etaLowSeconds() != null && s.etaHighSeconds() != null) {
                sb.append(" (").append(SolarisDuration.format(s.etaLowSeconds())).append("-")
                        .append(SolarisDuration.format(s.etaHighSeconds())).append(")");
            }
        }
        return sb.toString();
    }

    @Override
    public synchronized void onFinished(MoveResult r) {
        if (mode == Mode.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "finished");
            m.put("at", clock.instant().toString());
            m.put("job", r.jobId().value());
            m.put("outcome", r.outcome().name());
            m.put("zoneadmOutcome", r.zoneadmOutcome() == null ? null : r.zoneadmOutcome().name());
            m.put("verified", r.verification() != null && r.verification().ok());
            m.put("attention", r.attention());
            m.put("reasons", reasons(r));
            emit(m);
            return;
        }
        endBar();
        out.println("Outcome: " + r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " (job " + r.jobId().value() + ")");
        if (r.verification() != null) {
            out.println("Verified: " + (r.verification().ok() ? "yes" : "NO") + "; bootable disks now: "
                    + String.join(", ", r.verification().disks()));
            r.verification().problems().forEach(p -> out.println("  problem: " + p));
        }
        if (r.attention() != null) {
            out.println("Needs attention: " + r.attention());
        }
        for (String reason : reasons(r)) {
            out.println("zoneadm said: " + reason);
        }
    }

    /** zoneadm's own reasons for a move that did not succeed: its error lines, failed checks and disk steps. */
    private static List<String> reasons(MoveResult r) {
        return r.outcome() == FinalOutcome.SUCCEEDED || r.report() == null ? List.of() : r.report().errors();
    }

    @Override
    public synchronized void onFollowingTrouble(String reason) {
        if (mode == Mode.JSON) {
            emit(event("following-trouble", "message", reason));
        } else {
            endBar();
            out.println("Cannot read the move's output right now: " + reason + ".");
        }
    }

    @Override
    public synchronized void onFollowingLost(Exception e) {
        if (mode == Mode.JSON) {
            emit(event("following-lost", "message", String.valueOf(e.getMessage())));
        } else {
            endBar();
            out.println("Lost contact with the host (" + e.getMessage() + "); the move goes on there. "
                    + "Follow it again with 'kzmove attach'.");
        }
    }

    /**
     * The engine says this once per move: one line on stderr, whatever the mode, so a full disk is seen
     * even under {@code --json}; with {@code --json} also an event, for programs.
     */
    @Override
    public synchronized void onRecordNotSaved(JobId job, String problem) {
        if (mode == Mode.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "record-not-saved");
            m.put("at", clock.instant().toString());
            m.put("job", job.value());
            m.put("message", problem);
            emit(m);
        } else {
            endBar();
        }
        err.println(recordNotSaved(job, problem, host));
    }

    /** The one line that says a record could not be saved and how its outcome will still be recorded. */
    static String recordNotSaved(JobId job, String problem, String host) {
        return "kzmove: " + problem + ". The move itself is not affected; once there is room, 'kzmove attach " + host
                + " " + job.value() + "' (or 'kzmove jobs " + host + "') reads its outcome from the host and records it.";
    }

    synchronized void message(String text) {
        if (mode == Mode.JSON) {
            emit(event("message", "text", text));
        } else {
            endBar();
            out.println(text);
        }
    }

    private void endBar() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }

    /** An event of one field besides its type and the time kzmove saw it. */
    private Map<String, Object> event(String type, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("at", clock.instant().toString());
        m.put(key, value);
        return m;
    }

    private void emit(Map<String, ?> event) {
        try {
            out.println(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialise", e);
        }
    }
}
