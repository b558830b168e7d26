package org.kzmove.sim.command;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.kzmove.sim.clock.SimClock;
import org.kzmove.sim.fs.SimFileSystem;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SignalMailbox;

/** Everything a simulated command sees of its process: arguments, streams, identity, time, files. */
public interface Invocation {

    /** argv, argv[0] being the command name as the shell resolved it (after pfexec/sudo). */
    List<String> argv();

    InputStream stdin();

    /** Writes to a dead SSH channel throw {@link BrokenPipeException}. */
    PrintStream stdout();

    PrintStream stderr();

    Credentials credentials();

    /** Environment variables of the process (HOME, USER, LOGNAME, PATH, ...). */
    Map<String, String> environment();

    /** The working directory, absolute. */
    String workingDirectory();

    SimClock clock();

    SimFileSystem files();

    /** Pending signals; a delivered signal also interrupts the thread running the command. */
    SignalMailbox signals();

    /**
     * Whether the process ignores {@code signal}: inherited from its parent (SIG_IGN survives
     * fork and exec; a non-interactive shell starts {@code cmd &} with SIGINT and SIGQUIT ignored;
     * nohup ignores SIGHUP). An ignored signal never reaches the command.
     */
    boolean signalIgnored(Signal signal);

    /**
     * Installs a handler for {@code signal}, i.e. stops ignoring it: from now on it reaches
     * {@link #signals()}. A command that keeps an inherited ignore, as C programs do with
     * {@code if (signal(SIGINT, SIG_IGN) != SIG_IGN) signal(SIGINT, handler);}, asks
     * {@link #signalIgnored} first and leaves it alone.
     */
    void catchSignal(Signal signal);

    int pid();

    /** True when the process's stdout is the session's pseudo-terminal (so ^C echo and SIGHUP apply). */
    boolean hasTerminal();

    /** The simulated host's name, as {@code hostname} prints it. */
    String hostname();
}
