package org.kzmove.sim.host;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.kzmove.sim.command.BrokenPipeException;
import org.kzmove.sim.fs.SimFileException;
import org.kzmove.sim.fs.SimFileSystem;
import org.tinylog.Logger;

/**
 * Where the lines of a {@code zoneadm move} go. Every line goes to the log file first (so the log
 * holds it even when the terminal write then fails), then to the terminal when its level says so:
 *
 * <ul>
 * <li>info lines (sentences ending in '.': "Attaching new disks.") reach the terminal always, as in
 * the real default transcript;</li>
 * <li>verbose lines (headings ending in ':' and their indented details) only with {@code -v};</li>
 * <li>errors go to stderr as {@code zoneadm: zone 'z': ...} (zerror style).</li>
 * </ul>
 *
 * The rule "a '.' sentence is info, a ':' heading is verbose" reproduces the real default output
 * exactly; applying it to the rollback and failure lines is an inference.
 */
final class MoveOutput {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean verbose;
    private final SimFileSystem files;
    private final String zone;
    private String logPath;
    private String heading;
    private boolean tolerateDeadTerminal;
    private boolean terminalGone;
    private boolean headingShown;

    MoveOutput(PrintStream out, PrintStream err, boolean verbose, SimFileSystem files, String zone) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
        this.files = files;
        this.zone = zone;
    }

    boolean verbose() {
        return verbose;
    }

    void openLog(String path) {
        try {
            int slash = path.lastIndexOf('/');
            files.mkdirs(path.substring(0, slash));
            files.write(path, new byte[0]);
            logPath = path;
        } catch (SimFileException e) {
            Logger.warn("cannot create move log {}: {}", path, e.getMessage());
        }
    }

    String logPath() {
        return logPath;
    }

    /**
     * After SIGHUP the terminal is (usually) gone: a real zoneadm's writes then fail with EIO and it
     * carries on, so from here on a dead channel no longer ends the command. Without this, writes
     * to a dead channel throw {@link BrokenPipeException} and end the move where it stands.
     */
    void tolerateDeadTerminal() {
        tolerateDeadTerminal = true;
    }

    /** A line for the terminal only (not logged). */
    void terminal(String line) {
        write(out, line);
    }

    private void write(PrintStream stream, String line) {
        if (tolerateDeadTerminal && terminalGone) {
            return;
        }
        try {
            stream.println(line);
            stream.flush();
        } catch (BrokenPipeException e) {
            if (!tolerateDeadTerminal) {
                throw e;
            }
            terminalGone = true;
        }
    }

    void info(String line) {
        log(line);
        terminal(line);
        heading = null;
    }

    void verbose(String line) {
        log(line);
        if (verbose) {
            terminal(line);
        }
    }

    /** A verbose heading whose failure details must still reach a non-verbose terminal. */
    void heading(String line) {
        verbose(line);
        heading = line;
        headingShown = verbose;
    }

    /** An info-level heading ("Waiting for disks to resilver."). */
    void infoHeading(String line) {
        info(line);
        heading = line;
        headingShown = true;
    }

    /** Failure details: always on the terminal, with their heading if the terminal has not seen it. */
    void failure(String... lines) {
        failure(java.util.List.of(), lines);
    }

    /**
     * Failure details, preceded on a quiet terminal by context lines that only a verbose terminal
     * (and the log) has seen, such as the {@code  c1d2:} the error belongs to.
     */
    void failure(java.util.List<String> quietContext, String... lines) {
        if (!verbose && heading != null && !headingShown) {
            terminal(heading);
            headingShown = true;
        }
        if (!verbose) {
            quietContext.forEach(this::terminal);
        }
        for (String line : lines) {
            info(line);
        }
    }

    /** {@code zoneadm: zone 'z': msg} on stderr, and in the log. */
    void error(String message) {
        String line = "zoneadm: zone '" + zone + "': " + message;
        log(line);
        write(err, line);
    }

    private void log(String line) {
        if (logPath == null) {
            return;
        }
        try {
            files.append(logPath, (line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (SimFileException e) {
            Logger.warn("cannot append to move log {}: {}", logPath, e.getMessage());
        }
    }
}
