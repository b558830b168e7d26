package org.kzmove.sim.shell;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kzmove.sim.command.BrokenPipeException;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.fs.FileAccess;
import org.kzmove.sim.fs.SimFileException;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SimProcess;
import org.kzmove.sim.shell.ShellSyntax.AndOr;
import org.kzmove.sim.shell.ShellSyntax.Item;
import org.kzmove.sim.shell.ShellSyntax.Literal;
import org.kzmove.sim.shell.ShellSyntax.Parameter;
import org.kzmove.sim.shell.ShellSyntax.Part;
import org.kzmove.sim.shell.ShellSyntax.Pipeline;
import org.kzmove.sim.shell.ShellSyntax.Redirect;
import org.kzmove.sim.shell.ShellSyntax.Script;
import org.kzmove.sim.shell.ShellSyntax.SimpleCommand;
import org.kzmove.sim.shell.ShellSyntax.SyntaxError;
import org.kzmove.sim.shell.ShellSyntax.Word;
import org.tinylog.Logger;

/**
 * One shell of the simulated host: the login shell of an SSH session (interactive or running an
 * exec request) or a {@code sh -c} below it. It expands words, applies redirections, strips
 * {@code nohup}/{@code pfexec}/{@code sudo} into credentials, and runs each command as a
 * simulated process on the host's executor. It never starts a process of the real machine.
 */
public final class ShellSession {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final int STATUS_NOT_FOUND = 127;
    private static final int STATUS_SIGPIPE = 128 + Signal.PIPE.number();

    private final HostServices host;
    private final SimUser user;
    private final String sessionId;
    private final Credentials credentials;
    private final boolean interactive;
    private final boolean inBackground;
    private final Map<String, String> vars;
    private final List<String> positional;
    private final InputStream in;
    private final OutputStream out;
    private final OutputStream err;
    private final ChannelSink terminal;
    private final String tty;
    private final int shellPid;

    private String cwd;
    private int lastStatus;
    private String lastBackgroundPid = "";
    private boolean exitRequested;
    private volatile Signal groupSignal;
    private volatile Signal signalDuringForeground;
    private volatile boolean runningForeground;
    /** The shell's process runs another program now ({@code exec CMD}); the shell is gone. */
    private volatile boolean replacedByExec;

    /** Where a session's shell reads and writes; {@code terminal} is the pty output, or null. */
    public record Io(InputStream in, OutputStream out, OutputStream err, ChannelSink terminal, String tty) {
    }

    public ShellSession(HostServices host, SimUser user, String sessionId, Credentials credentials, boolean interactive,
            boolean inBackground, Map<String, String> vars, List<String> positional, String cwd, Io io, int shellPid) {
        this.host = host;
        this.user = user;
        this.sessionId = sessionId;
        this.credentials = credentials;
        this.interactive = interactive;
        this.inBackground = inBackground;
        this.vars = new LinkedHashMap<>(vars);
        this.positional = List.copyOf(positional);
        this.cwd = cwd;
        this.in = io.in();
        this.out = io.out();
        this.err = io.err();
        this.terminal = io.terminal();
        this.tty = io.tty() == null ? "?" : io.tty();
        this.shellPid = shellPid;
    }

    /** The environment of a login shell of {@code user}. */
    public static Map<String, String> loginEnvironment(SimUser user, String hostname, String term) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", user.home());
        env.put("USER", user.name());
        env.put("LOGNAME", user.name());
        env.put("LOGIN", user.name());
        env.put("SHELL", "/usr/bin/sh");
        env.put("PATH", "/usr/bin:/usr/sbin:/usr/gnu/bin");
        env.put("TZ", "UTC");
        env.put("HOSTNAME", hostname);
        if (term != null) {
            env.put("TERM", term);
        }
        return env;
    }

    /** {@code root@kzhost1:~# }, {@code kzadmin@kzhost1:/var/tmp$ }. */
    public String prompt() {
        String home = user.home();
        String dir = cwd.equals(home) ? "~" : cwd.startsWith(home + "/") ? "~" + cwd.substring(home.length()) : cwd;
        return user.name() + "@" + host.hostname() + ":" + dir + (credentials.effectiveUid() == 0 ? "# " : "$ ");
    }

    public boolean exitRequested() {
        return exitRequested;
    }

    public int lastStatus() {
        return lastStatus;
    }

    /**
     * Whether {@code exec CMD} replaced this shell: its process (same pid) now runs CMD, so signals
     * for the process are CMD's, not the shell's.
     */
    public boolean replacedByExec() {
        return replacedByExec;
    }

    public String workingDirectory() {
        return cwd;
    }

    /**
     * A signal sent to the session's process group (Ctrl-C, the SSH signal request) reaches the
     * shell too. An interactive shell ignores it. A non-interactive one behaves as bash does
     * ("wait and cooperative exit"): while a foreground job runs it waits, and dies of the signal
     * only if the job died of it; a job that handled the signal (zoneadm rolling back) lets the
     * script go on. Between commands the signal ends the shell at once.
     */
    public void groupSignalled(Signal signal) {
        if (interactive || replacedByExec) {
            return;
        }
        if (runningForeground) {
            signalDuringForeground = signal;
        } else {
            groupSignal = signal;
        }
    }

    /** Runs a script; returns the status of its last command (2 for a syntax error). */
    public int run(String text) throws InterruptedException {
        Script script;
        try {
            script = ShellParser.parse(text);
        } catch (SyntaxError e) {
            printError("sh: " + e.getMessage());
            lastStatus = 2;
            return lastStatus;
        }
        for (Item item : script.items()) {
            if (exitRequested || groupSignal != null) {
                break;
            }
            if (item.background()) {
                startBackground(item.andOr());
            } else {
                lastStatus = runAndOr(item.andOr());
            }
        }
        if (groupSignal != null && !replacedByExec) {
            lastStatus = 128 + groupSignal.number();
        }
        return lastStatus;
    }

    private int runAndOr(AndOr andOr) throws InterruptedException {
        int status = runPipeline(andOr.pipelines().get(0), false);
        for (int i = 1; i < andOr.pipelines().size() && !exitRequested && groupSignal == null; i++) {
            String op = andOr.operators().get(i - 1);
            if (op.equals("&&") == (status == 0)) {
                lastStatus = status;
                status = runPipeline(andOr.pipelines().get(i), false);
            }
        }
        return status;
    }

    private void startBackground(AndOr andOr) {
        if (andOr.pipelines().size() == 1) {
            List<Launch> launched = launchPipeline(andOr.pipelines().get(0), true);
            Launch last = launched.get(launched.size() - 1);
            lastBackgroundPid = last.process == null ? "" : Integer.toString(last.process.pid());
        } else {
            // a && b & runs in a subshell, as sh does
            SimProcess p = host.processes().register(shellPid, List.of("sh"), credentials, host.clock().now(),
                    sessionId, true, tty);
            ignoreInterruptsOfAsyncList(p);
            p.hold(channelOutputs(out, err));
            ShellSession sub = child(credentials, true, positional, new Io(InputStream.nullInputStream(), out, err,
                    terminal, tty), p.pid());
            sub.handleSignalsOf(p);
            SimInvocation inv = new SimInvocation(p.argv(), InputStream.nullInputStream(), out, err, credentials,
                    vars, cwd, host, p, false);
            submit(p, i -> sub.runAndOr(andOr), inv, List.of());
            lastBackgroundPid = Integer.toString(p.pid());
        }
        lastStatus = 0;
    }

    private int runPipeline(Pipeline pipeline, boolean background) throws InterruptedException {
        runningForeground = true;
        int status = 0;
        try {
            List<Launch> launched = launchPipeline(pipeline, background);
            if (replacedByExec) {
                return launched.get(0).status;
            }
            for (Launch l : launched) {
                status = l.process == null ? l.status : awaitProcess(l.process);
            }
        } finally {
            runningForeground = false;
        }
        Signal s = signalDuringForeground;
        signalDuringForeground = null;
        if (s != null && status == 128 + s.number()) {
            groupSignal = s;
        }
        return status;
    }

    private int awaitProcess(SimProcess p) throws InterruptedException {
        p.awaitExit();
        return p.exitStatus();
    }

    /** A started process, or the status of a command that ended before one was needed. */
    private record Launch(SimProcess process, int status) {
        static Launch done(int status) {
            return new Launch(null, status);
        }
    }

    private List<Launch> launchPipeline(Pipeline pipeline, boolean background) {
        List<SimpleCommand> commands = pipeline.commands();
        List<Launch> launched = new ArrayList<>();
        // a background job never reads the terminal (a real one would be stopped by SIGTTIN)
        InputStream nextIn = background ? InputStream.nullInputStream() : in;
        for (int i = 0; i < commands.size(); i++) {
            boolean last = i == commands.size() - 1;
            Pipe pipe = last ? null : new Pipe();
            List<Closeable> closeAtExit = new ArrayList<>();
            if (i > 0) {
                closeAtExit.add(nextIn);
            }
            OutputStream stdout = last ? out : pipe.sink();
            if (!last) {
                closeAtExit.add(pipe.sink());
            }
            // exec replaces the shell only as the one command of a foreground pipeline; elsewhere
            // it runs in a subshell (a pipeline element, an asynchronous list) and replaces that
            boolean mayReplaceShell = !background && commands.size() == 1;
            launched.add(launch(commands.get(i), nextIn, stdout, err, background, mayReplaceShell, closeAtExit));
            if (!last) {
                nextIn = pipe.source();
            }
        }
        return launched;
    }

    private Launch launch(SimpleCommand cmd, InputStream stdin, OutputStream stdout, OutputStream stderr,
            boolean background, boolean mayReplaceShell, List<Closeable> closeAtExit) {
        Launch result = prepareAndStart(cmd, stdin, stdout, stderr, background, mayReplaceShell, closeAtExit);
        if (result.process == null) {
            closeQuietly(closeAtExit);
        }
        return result;
    }

    private Launch prepareAndStart(SimpleCommand cmd, InputStream stdin, OutputStream stdout, OutputStream stderr,
            boolean background, boolean mayReplaceShell, List<Closeable> closeAtExit) {
        Map<String, String> assignments = new LinkedHashMap<>();
        List<String> argv = new ArrayList<>();
        for (Word w : cmd.words()) {
            if (argv.isEmpty() && isAssignment(w)) {
                String text = expandJoined(w);
                int eq = text.indexOf('=');
                assignments.put(text.substring(0, eq), text.substring(eq + 1));
            } else {
                argv.addAll(expand(w));
            }
        }
        Streams streams = new Streams(stdin, stdout, stderr);
        Optional<String> redirectError = applyRedirects(cmd.redirects(), streams);
        boolean execing = mayReplaceShell && !argv.isEmpty() && argv.get(0).equals("exec");
        if (redirectError.isPresent()) {
            writeTo(streams.err, "sh: " + redirectError.get() + "\n");
            if (execing && !interactive) {
                // exec is a special built-in: its redirection error ends a non-interactive shell (POSIX 2.8.1)
                exitRequested = true;
                lastStatus = 1;
            }
            return Launch.done(1);
        }
        if (argv.isEmpty()) {
            vars.putAll(assignments);
            return Launch.done(0);
        }
        Credentials creds = credentials;
        boolean nohup = false;
        while (true) {
            String name = argv.get(0);
            if (name.equals("nohup") || name.equals("/usr/bin/nohup")) {
                argv.remove(0);
                if (argv.isEmpty()) {
                    writeTo(streams.err, "usage: nohup command [argument ...]\n");
                    return Launch.done(127);
                }
                nohup = true;
            } else if ((name.equals("exec") || name.equals("command")) && argv.size() > 1
                    && !argv.get(1).startsWith("-")) {
                // command only changes how the program is looked up; exec is handled below
                argv.remove(0);
            } else if (name.equals("pfexec") || name.equals("/usr/bin/pfexec")) {
                argv.remove(0);
                if (argv.isEmpty()) {
                    // INVENTED: pfexec's usage text is not in the reference material
                    writeTo(streams.err, "usage: pfexec [-P privset] cmd [arg ..]\n");
                    return Launch.done(1);
                }
                boolean granted = creds.isEffectivelyRoot() || RightsProfiles.grantsRoot(creds.profiles(), argv.get(0));
                creds = new Credentials(creds.user(), creds.uid(), granted ? 0 : creds.uid(), creds.profiles(), "pfexec");
            } else if (name.equals("sudo") || name.equals("/usr/bin/sudo")) {
                argv.remove(0);
                while (!argv.isEmpty() && argv.get(0).startsWith("-")) {
                    String opt = argv.remove(0);
                    if (opt.equals("--")) {
                        break;
                    }
                    if (opt.equals("-u") && !argv.isEmpty()) {
                        String target = argv.remove(0);
                        if (!target.equals("root")) {
                            writeTo(streams.err, "sudo: only -u root is simulated\n");
                            return Launch.done(1);
                        }
                    }
                }
                if (argv.isEmpty()) {
                    writeTo(streams.err, "usage: sudo -n command [arg ...]\n");
                    return Launch.done(1);
                }
                if (!user.sudoer() && !creds.isEffectivelyRoot()) {
                    // what sudo -n prints; without -n the simulator has no password prompt to offer
                    writeTo(streams.err, "sudo: a password is required\n");
                    return Launch.done(1);
                }
                // sudo sets the real uid too: the user can no longer signal the process
                creds = new Credentials(creds.user(), 0, 0, creds.profiles(), "sudo");
            } else {
                break;
            }
        }
        String name = argv.get(0);
        Map<String, String> env = new LinkedHashMap<>(vars);
        env.putAll(assignments);
        env.put("PWD", cwd);
        boolean elevated = creds != credentials;
        if (!elevated && !nohup && isBuiltin(name)) {
            return Launch.done(runBuiltin(argv, streams));
        }
        SimCommand command;
        if (name.equals("sh") || name.equals("/bin/sh") || name.equals("/usr/bin/sh")) {
            command = subshellCommand(streams, background || inBackground);
        } else {
            Optional<SimCommand> found = host.registry().lookup(name);
            if (found.isEmpty()) {
                writeTo(streams.err, "sh: " + name + ": not found\n");
                if (execing && !interactive) {
                    exitRequested = true;
                    lastStatus = STATUS_NOT_FOUND;
                }
                return Launch.done(STATUS_NOT_FOUND);
            }
            command = found.get();
        }
        if (nohup) {
            redirectNohup(streams);
        }
        if (execing) {
            return Launch.done(execInPlace(argv, creds, nohup, command, streams, env));
        }
        SimProcess p = host.processes().register(shellPid, argv, creds, host.clock().now(), sessionId,
                background || inBackground, tty);
        if (background) {
            ignoreInterruptsOfAsyncList(p);
        }
        if (nohup) {
            p.ignore(Signal.HUP);
        }
        p.hold(channelOutputs(streams.out, streams.err));
        boolean onTerminal = terminal != null && streams.out == terminal;
        SimInvocation inv = new SimInvocation(argv, streams.in, streams.out, streams.err, creds, env, cwd, host, p,
                onTerminal);
        submit(p, command, inv, closeAtExit);
        return new Launch(p, -1);
    }

    /**
     * POSIX 2.11: without job control (a non-interactive shell; {@code set -m} is not simulated)
     * the commands of an asynchronous list start with SIGINT and SIGQUIT ignored. An interactive
     * shell has job control: its background jobs keep the default action (and Ctrl-C does not
     * reach them, they are not in the foreground process group).
     */
    private void ignoreInterruptsOfAsyncList(SimProcess p) {
        if (!interactive) {
            p.ignore(Signal.INT);
            p.ignore(Signal.QUIT);
        }
    }

    /** The SSH channel's output ends among a process's stdout and stderr: it holds them until it ends or execs. */
    private static List<Closeable> channelOutputs(OutputStream stdout, OutputStream stderr) {
        List<Closeable> held = new ArrayList<>();
        if (stdout instanceof ChannelSink c) {
            held.add(c.open());
        }
        if (stderr instanceof ChannelSink c && stderr != stdout) {
            held.add(c.open());
        }
        return held;
    }

    /**
     * {@code exec CMD}: CMD runs in the shell's own process, on this thread: same pid (so
     * {@code echo $$; exec CMD} prints CMD's pid), CMD's argv and credentials in {@code ps}, the
     * redirections of the exec line as its descriptors, ignored signals kept and the shell's own
     * handler gone. nohup, pfexec and sudo exec too, so the pid stays the same through them. The
     * shell runs nothing after it; its caller ends the process with CMD's status.
     */
    private int execInPlace(List<String> argv, Credentials creds, boolean nohup, SimCommand command, Streams streams,
            Map<String, String> env) {
        SimProcess self = host.processes().find(shellPid)
                .orElseThrow(() -> new IllegalStateException("exec: the shell's process " + shellPid + " is gone"));
        replacedByExec = true;
        exitRequested = true;
        self.exec(argv, creds, channelOutputs(streams.out, streams.err));
        if (nohup) {
            self.ignore(Signal.HUP);
        }
        boolean onTerminal = terminal != null && streams.out == terminal;
        SimInvocation inv = new SimInvocation(argv, streams.in, streams.out, streams.err, creds, env, cwd, host, self,
                onTerminal);
        lastStatus = runCommand(self, command, inv);
        return lastStatus;
    }

    /** Redirections applied in order to a command's three standard descriptors. */
    private static final class Streams {
        InputStream in;
        OutputStream out;
        OutputStream err;

        Streams(InputStream in, OutputStream out, OutputStream err) {
            this.in = in;
            this.out = out;
            this.err = err;
        }
    }

    private Optional<String> applyRedirects(List<Redirect> redirects, Streams s) {
        for (Redirect r : redirects) {
            if (r.fd() > 2) {
                return Optional.of(r.fd() + ": bad file unit number");
            }
            switch (r.op()) {
                case DUP_OUT -> {
                    OutputStream target = switch (r.dupFd()) {
                        case 1 -> s.out;
                        case 2 -> s.err;
                        default -> null;
                    };
                    if (target == null) {
                        return Optional.of(r.dupFd() + ": bad file unit number");
                    }
                    setOut(s, r.fd(), target);
                }
                case IN -> {
                    String path = expandJoined(r.target());
                    if (path.equals("/dev/null")) {
                        s.in = InputStream.nullInputStream();
                        continue;
                    }
                    String abs = SimPaths.resolve(cwd, path);
                    try {
                        s.in = new ByteArrayInputStream(host.files().read(abs, fileAccess()));
                    } catch (SimFileException e) {
                        return Optional.of(path + ": cannot open [" + e.reason().text() + "]");
                    }
                }
                case OUT, APPEND -> {
                    String path = expandJoined(r.target());
                    if (path.equals("/dev/null")) {
                        setOut(s, r.fd(), OutputStream.nullOutputStream());
                        continue;
                    }
                    String abs = SimPaths.resolve(cwd, path);
                    if (host.files().isDirectory(abs)) {
                        return Optional.of(path + ": cannot create [Is a directory]");
                    }
                    // the shell opens the file with its own identity, before pfexec/sudo act on the command
                    try {
                        if (r.op() == ShellSyntax.RedirectOp.OUT) {
                            host.files().write(abs, new byte[0], fileAccess());
                        } else {
                            host.files().append(abs, new byte[0], fileAccess());
                        }
                    } catch (SimFileException e) {
                        return Optional.of(path + ": cannot create [" + e.reason().text() + "]");
                    }
                    setOut(s, r.fd(), new FileSink(host.files(), abs));
                }
                default -> throw new IllegalStateException(r.op().name());
            }
        }
        return Optional.empty();
    }

    /** The identity this shell opens files with (its own credentials, not a command's pfexec/sudo). */
    private FileAccess fileAccess() {
        return FileAccesses.of(credentials, host.users());
    }

    private static void setOut(Streams s, int fd, OutputStream target) {
        if (fd == 1) {
            s.out = target;
        } else if (fd == 2) {
            s.err = target;
        }
    }

    /** nohup: output that would go to the terminal goes to nohup.out instead (Solaris nohup(1)). */
    private void redirectNohup(Streams s) {
        if (terminal == null || s.out != terminal) {
            return;
        }
        String file = SimPaths.resolve(cwd, "nohup.out");
        try {
            host.files().append(file, new byte[0], fileAccess());
        } catch (SimFileException e) {
            file = SimPaths.resolve(user.home(), "nohup.out");
        }
        writeTo(s.err, "Sending output to nohup.out\n");
        FileSink sink = new FileSink(host.files(), file);
        if (s.err == terminal) {
            s.err = sink;
        }
        s.out = sink;
    }

    private SimCommand subshellCommand(Streams streams, boolean background) {
        InputStream subIn = streams.in;
        OutputStream subOut = streams.out;
        OutputStream subErr = streams.err;
        return inv -> {
            List<String> a = inv.argv();
            String script;
            List<String> params = new ArrayList<>();
            if (a.size() >= 3 && a.get(1).equals("-c")) {
                script = a.get(2);
                params.addAll(a.subList(Math.min(3, a.size()), a.size()));
            } else if (a.size() == 1) {
                try {
                    script = new String(subIn.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return 1;
                }
            } else if (!a.get(1).startsWith("-")) {
                Optional<byte[]> file = host.files().read(SimPaths.resolve(cwd, a.get(1)));
                if (file.isEmpty()) {
                    inv.stderr().println("sh: " + a.get(1) + ": cannot open");
                    return STATUS_NOT_FOUND;
                }
                script = new String(file.get(), StandardCharsets.UTF_8);
                params.addAll(a.subList(1, a.size()));
            } else {
                inv.stderr().println("sh: " + a.get(1) + ": unknown option (only -c is simulated)");
                return 2;
            }
            ShellSession sub = child(inv.credentials(), background, params,
                    new Io(subIn, subOut, subErr, terminal, tty), inv.pid());
            if (inv instanceof SimInvocation si) {
                sub.handleSignalsOf(si.process());
            }
            sub.vars.putAll(inv.environment());
            return sub.run(script);
        };
    }

    /**
     * The signal dispositions of a non-interactive sh process: SIGINT and SIGQUIT are handled as
     * bash does (wait for the foreground job, then exit only if it died of the signal); any other
     * signal has its default action and ends the shell at once, leaving its children running.
     */
    private void handleSignalsOf(SimProcess shellProc) {
        shellProc.handleSignalsWith(signal -> {
            if (signal == Signal.INT || signal == Signal.QUIT) {
                groupSignalled(signal);
            } else {
                shellProc.mailbox().deliver(signal);
            }
        });
    }

    private ShellSession child(Credentials creds, boolean background, List<String> params, Io io, int pid) {
        return new ShellSession(host, user, sessionId, creds, false, background, vars, params, cwd, io, pid);
    }

    private void submit(SimProcess p, SimCommand command, SimInvocation inv, List<Closeable> closeAtExit) {
        host.executor().execute(() -> runProcess(p, command, inv, closeAtExit));
    }

    /**
     * The life of one simulated process on a pooled thread. A command that lets a signal's
     * interrupt escape ends with 128+signal; one that writes to a dead channel or a closed pipe
     * ends with 128+SIGPIPE, silently, as a real process killed by SIGPIPE does.
     */
    private void runProcess(SimProcess p, SimCommand command, SimInvocation inv, List<Closeable> closeAtExit) {
        p.mailbox().bindToCurrentThread();
        int status;
        try {
            status = runCommand(p, command, inv);
        } finally {
            closeQuietly(closeAtExit);
        }
        host.processes().exit(p, status);
        // a signal that raced with the end must not leak into the next process on this thread
        Thread.interrupted();
    }

    /** Runs a command on the calling thread, turning an escaped signal or SIGPIPE into its status. */
    private int runCommand(SimProcess p, SimCommand command, SimInvocation inv) {
        int status;
        try {
            status = command.run(inv);
        } catch (InterruptedException e) {
            status = 128 + p.lastSignal().orElse(Signal.INT).number();
        } catch (BrokenPipeException e) {
            status = STATUS_SIGPIPE;
        } catch (RuntimeException e) {
            if (p.lastSignal().isPresent()) {
                status = 128 + p.lastSignal().get().number();
            } else {
                Logger.error(e, "Simulated command {} (pid {}) failed", p.args(), p.pid());
                try {
                    inv.stderr().println(p.command() + ": internal error of the simulator: " + e);
                } catch (RuntimeException ignored) {
                    // the channel may be gone too
                }
                status = 1;
            }
        }
        return status;
    }

    private static void closeQuietly(List<Closeable> closeables) {
        for (Closeable c : closeables) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                Logger.debug("closing a pipe end: {}", e.getMessage());
            }
        }
    }

    // ---- builtins: commands that change the shell itself, so they cannot run in a process ----

    private static boolean isBuiltin(String name) {
        return switch (name) {
            case "cd", "exit", "export", "unset", ":", "command" -> true;
            default -> false;
        };
    }

    private int runBuiltin(List<String> argv, Streams s) {
        String name = argv.get(0);
        switch (name) {
            case "cd" -> {
                String target = argv.size() > 1 ? argv.get(1) : vars.getOrDefault("HOME", "/");
                String abs = SimPaths.resolve(cwd, target);
                if (!host.files().isDirectory(abs)) {
                    writeTo(s.err, "sh: cd: " + target + ": [No such file or directory]\n");
                    return 1;
                }
                cwd = abs;
                vars.put("PWD", abs);
                return 0;
            }
            case "exit" -> {
                exitRequested = true;
                if (argv.size() > 1) {
                    try {
                        lastStatus = Integer.parseInt(argv.get(1)) & 0xff;
                    } catch (NumberFormatException e) {
                        writeTo(s.err, "sh: exit: " + argv.get(1) + ": bad number\n");
                        lastStatus = 1;
                    }
                }
                return lastStatus;
            }
            case "export" -> {
                for (String a : argv.subList(1, argv.size())) {
                    int eq = a.indexOf('=');
                    if (eq > 0) {
                        vars.put(a.substring(0, eq), a.substring(eq + 1));
                    } else {
                        vars.putIfAbsent(a, "");
                    }
                }
                return 0;
            }
            case "command" -> {
                if (argv.size() < 3 || !argv.get(1).equals("-v")) {
                    writeTo(s.err, "sh: command: only command -v NAME is simulated\n");
                    return 2;
                }
                int status = 0;
                for (String n : argv.subList(2, argv.size())) {
                    Optional<String> where = locate(n);
                    if (where.isPresent()) {
                        writeTo(s.out, where.get() + "\n");
                    } else {
                        status = 1;
                    }
                }
                return status;
            }
            case "unset" -> {
                argv.subList(1, argv.size()).forEach(vars::remove);
                return 0;
            }
            default -> {
                return 0;
            }
        }
    }

    /** Where {@code command -v} finds a name: builtins by name, programs by path on $PATH. */
    private Optional<String> locate(String name) {
        if (isBuiltin(name) || name.equals("exec")) {
            return Optional.of(name);
        }
        if (List.of("nohup", "pfexec", "sudo").contains(name)) {
            return Optional.of("/usr/bin/" + name);
        }
        if (name.contains("/")) {
            return host.registry().contains(name) ? Optional.of(name) : Optional.empty();
        }
        for (String dir : vars.getOrDefault("PATH", "/usr/bin:/usr/sbin").split(":")) {
            String candidate = dir + "/" + name;
            if (host.registry().contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    // ---- expansion ----

    private static boolean isAssignment(Word w) {
        return !w.parts().isEmpty() && w.parts().get(0) instanceof Literal l && !l.quoted()
                && ASSIGNMENT.matcher(l.text()).matches();
    }

    private String parameter(String name) {
        switch (name) {
            case "?":
                return Integer.toString(lastStatus);
            case "!":
                return lastBackgroundPid;
            case "$":
                return Integer.toString(shellPid);
            case "#":
                return Integer.toString(Math.max(0, positional.size() - 1));
            default:
                break;
        }
        if (Character.isDigit(name.charAt(0))) {
            int i = Integer.parseInt(name);
            if (i == 0) {
                return positional.isEmpty() ? "sh" : positional.get(0);
            }
            return i < positional.size() ? positional.get(i) : "";
        }
        return vars.getOrDefault(name, "");
    }

    /** A word as one string, without field splitting (redirection targets, assignments). */
    private String expandJoined(Word w) {
        StringBuilder sb = new StringBuilder();
        for (Part p : w.parts()) {
            if (p instanceof Literal l) {
                sb.append(tilde(l, sb.length() == 0));
            } else {
                sb.append(parameter(((Parameter) p).name()));
            }
        }
        return sb.toString();
    }

    private String tilde(Literal l, boolean atStart) {
        String t = l.text();
        if (atStart && !l.quoted() && t.startsWith("~") && (t.length() == 1 || t.charAt(1) == '/')) {
            return vars.getOrDefault("HOME", user.home()) + t.substring(1);
        }
        return t;
    }

    /** Field splitting of unquoted parameters, tilde and pathname expansion (last component only). */
    List<String> expand(Word w) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean started = false;
        boolean glob = false;
        boolean hasParameter = false;
        for (Part p : w.parts()) {
            if (p instanceof Literal l) {
                String text = tilde(l, cur.length() == 0 && !started);
                cur.append(text);
                started |= l.quoted() || !text.isEmpty();
                glob |= !l.quoted() && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
            } else {
                hasParameter = true;
                Parameter param = (Parameter) p;
                String value = parameter(param.name());
                if (param.quoted()) {
                    cur.append(value);
                    started = true;
                    continue;
                }
                String[] pieces = value.split("[ \t\n]+", -1);
                for (int i = 0; i < pieces.length; i++) {
                    if (i > 0 && started) {
                        fields.add(cur.toString());
                        cur.setLength(0);
                        started = false;
                    }
                    cur.append(pieces[i]);
                    started |= !pieces[i].isEmpty();
                }
            }
        }
        if (started) {
            String field = cur.toString();
            if (glob && !hasParameter) {
                fields.addAll(glob(field));
            } else {
                fields.add(field);
            }
        }
        return fields;
    }

    private List<String> glob(String pattern) {
        int slash = pattern.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String namePattern = pattern.substring(slash + 1);
        if (dirPart.indexOf('*') >= 0 || dirPart.indexOf('?') >= 0) {
            return List.of(pattern);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : namePattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern re = Pattern.compile(regex.toString(), Pattern.DOTALL);
        String dir = SimPaths.resolve(cwd, dirPart.isEmpty() ? "." : dirPart);
        List<String> matches = new ArrayList<>();
        for (String name : host.files().list(dir)) {
            if (name.startsWith(".") && !namePattern.startsWith(".")) {
                continue;
            }
            if (re.matcher(name).matches()) {
                matches.add(dirPart + name);
            }
        }
        return matches.isEmpty() ? List.of(pattern) : matches;
    }

    private void printError(String message) {
        writeTo(err, message + "\n");
    }

    private static void writeTo(OutputStream stream, String text) {
        try {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException | BrokenPipeException e) {
            Logger.debug("shell message lost: {}", e.getMessage());
        }
    }
}
