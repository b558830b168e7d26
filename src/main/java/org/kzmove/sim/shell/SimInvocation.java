package org.kzmove.sim.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kzmove.sim.clock.SimClock;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.fs.SimFileSystem;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SignalMailbox;
import org.kzmove.sim.process.SimProcess;

/** The {@link Invocation} the shell hands a command: one per simulated process. */
public final class SimInvocation implements Invocation {
    private final List<String> argv;
    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Credentials credentials;
    private final Map<String, String> environment;
    private final String workingDirectory;
    private final HostServices host;
    private final SimProcess process;
    private final boolean terminal;

    public SimInvocation(List<String> argv, InputStream stdin, OutputStream stdout, OutputStream stderr,
            Credentials credentials, Map<String, String> environment, String workingDirectory, HostServices host,
            SimProcess process, boolean terminal) {
        this.argv = List.copyOf(argv);
        this.stdin = stdin;
        // autoflush: a line printed by a long-running command must reach its reader at once
        this.stdout = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        this.stderr = stdout == stderr ? this.stdout : new PrintStream(stderr, true, StandardCharsets.UTF_8);
        this.credentials = credentials;
        // insertion order kept, so env prints variables in the order they were set
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        this.workingDirectory = workingDirectory;
        this.host = host;
        this.process = process;
        this.terminal = terminal;
    }

    @Override
    public List<String> argv() {
        return argv;
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public PrintStream stdout() {
        return stdout;
    }

    @Override
    public PrintStream stderr() {
        return stderr;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public String workingDirectory() {
        return workingDirectory;
    }

    @Override
    public SimClock clock() {
        return host.clock();
    }

    @Override
    public SimFileSystem files() {
        return host.files();
    }

    @Override
    public SignalMailbox signals() {
        return process.mailbox();
    }

    @Override
    public boolean signalIgnored(Signal signal) {
        return process.ignores(signal);
    }

    @Override
    public void catchSignal(Signal signal) {
        process.stopIgnoring(signal);
    }

    @Override
    public int pid() {
        return process.pid();
    }

    @Override
    public boolean hasTerminal() {
        return terminal;
    }

    @Override
    public String hostname() {
        return host.hostname();
    }

    /** The process table entry (for the shell's own tools). */
    public SimProcess process() {
        return process;
    }

    /** A path argument resolved against the working directory. */
    public String resolve(String path) {
        return SimPaths.resolve(workingDirectory, path);
    }
}
