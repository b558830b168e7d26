package org.kzmove.sim.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.process.SimProcess;
import org.kzmove.sim.process.SimProcessTable;
import org.kzmove.sim.shell.ChannelSink;
import org.kzmove.sim.shell.HostServices;
import org.kzmove.sim.shell.ShellSession;
import org.kzmove.sim.shell.SimUser;
import org.kzmove.sim.shell.Terminal;
import org.tinylog.Logger;

/**
 * One SSH session channel of the simulated host: an exec request ({@code ssh host 'cmd'}) or an
 * interactive shell. It is MINA's {@link Command}, but it runs nothing of the real machine: its
 * shell is a {@link ShellSession} whose processes are simulated.
 *
 * <p>Interrupt semantics follow a real Solaris sshd (solaris-formats.md §8): with a pty, 0x03 is
 * SIGINT to the foreground processes and a dropped session is SIGHUP to the session's processes;
 * without a pty, a dropped session signals nothing and a process dies at its next write
 * (SIGPIPE); the SSH signal request reaches the foreground processes as the logged-in user, except
 * for root logins, where OpenSSH before 10.0 refuses it.
 *
 * <p>Without a pty the channel's stdout and stderr behave as sshd's pipes: once no simulated
 * process holds either of them (the shell ended, or {@code exec CMD > FILE 2>&1} replaced it) the
 * client gets EOF at once, while the channel stays open until the process ends and its
 * exit-status is sent. Closing such a channel signals nothing.
 */
final class SessionCommand implements Command {
    /** The parent of every login shell in ps; a real sshd's per-session process. */
    static final int SSHD_PID = 900;

    private final HostServices host;
    private final SimServer server;
    private final String execText;

    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exitCallback;

    private SimUser user;
    private String sessionId;
    private boolean pty;
    private ChannelSink outSink;
    private ChannelSink errSink;
    private Terminal terminal;
    private ShellSession shell;
    private SimProcess shellProcess;
    private volatile boolean hungUp;
    private final AtomicBoolean eofSent = new AtomicBoolean();
    private ChannelSession channel;

    SessionCommand(HostServices host, SimServer server, String execText) {
        this.host = host;
        this.server = server;
        this.execText = execText;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public void start(ChannelSession session, Environment env) throws IOException {
        this.channel = session;
        String login = channel.getSession().getUsername();
        user = host.users().find(login).orElseThrow(() -> new IOException("no simulated user " + login));
        sessionId = server.connectionId(channel.getSession()) + "." + channel.getChannelId();
        String term = null;
        if (channel instanceof SimChannelSession s && s.ptyRequested()) {
            pty = true;
            term = s.term();
        }
        outSink = new ChannelSink(out, pty);
        // under a pty stderr is the terminal too, as on a real system
        errSink = pty ? outSink : new ChannelSink(err, false);
        String tty = pty ? server.allocateTty() : "?";
        Credentials creds = user.loginCredentials();
        List<String> shellArgv = execText == null ? List.of("-sh") : List.of("sh", "-c", execText);
        shellProcess = host.processes().register(SSHD_PID, shellArgv, creds, host.clock().now(), sessionId, false, tty);
        shellProcess.handleSignalsWith(this::shellSignalled);
        if (!pty) {
            outSink.whenReleased(this::outputReleased);
            errSink.whenReleased(this::outputReleased);
        }
        shellProcess.hold(pty ? List.of(outSink.open()) : List.of(outSink.open(), errSink.open()));
        InputStream stdin = in;
        if (pty) {
            terminal = new Terminal(in, outSink);
            stdin = terminal.stdin();
        }
        String home = host.files().isDirectory(user.home()) ? user.home() : "/";
        Map<String, String> vars = ShellSession.loginEnvironment(user, host.hostname(), term);
        shell = new ShellSession(host, user, sessionId, creds, execText == null, false, vars, List.of("sh"), home,
                new ShellSession.Io(stdin, outSink, errSink, pty ? outSink : null, tty), shellProcess.pid());
        env.addSignalListener(this::signalRequest, EnumSet.of(org.apache.sshd.server.Signal.HUP,
                org.apache.sshd.server.Signal.INT, org.apache.sshd.server.Signal.QUIT, org.apache.sshd.server.Signal.KILL,
                org.apache.sshd.server.Signal.TERM, org.apache.sshd.server.Signal.USR1,
                org.apache.sshd.server.Signal.USR2));
        if (terminal != null) {
            terminal.start(host.executor(), this::interruptFromTerminal);
        }
        host.executor().execute(this::runShell);
    }

    private void runShell() {
        int status = 0;
        try {
            if (execText != null) {
                host.audit().record(host.clock().now(), user.name(), sessionId, "exec", execText);
                status = shell.run(execText);
            } else {
                status = interact();
            }
        } catch (InterruptedException e) {
            status = 128 + Signal.HUP.number();
        } catch (RuntimeException e) {
            Logger.error(e, "Simulated shell of session {} failed", sessionId);
            status = 1;
        } finally {
            host.processes().exit(shellProcess, status);
            Thread.interrupted();
        }
        if (!hungUp) {
            exitCallback.onExit(status);
        }
    }

    private int interact() throws InterruptedException {
        // INVENTED: the wording of a Solaris 11.4 login banner for this SRU
        outSink.writeRaw(("Oracle Corporation      SunOS " + HostServices.SOLARIS_RELEASE + "      11.4    "
                + "(simulated by kzmove)\r\n").getBytes(StandardCharsets.UTF_8));
        while (!hungUp) {
            Terminal.Line line = terminal.readLine(shell.prompt());
            if (line.endOfInput()) {
                break;
            }
            if (line.interrupted() || line.text().isBlank()) {
                continue;
            }
            host.audit().record(host.clock().now(), user.name(), sessionId, "shell", line.text());
            shell.run(line.text());
            if (shell.exitRequested()) {
                break;
            }
        }
        return shell.lastStatus();
    }

    /**
     * No process holds the channel's stdout or stderr any more: sshd reads EOF on both pipes and
     * sends the channel's EOF. Writes after it would be a protocol error; there is no writer left,
     * and marking the sinks broken keeps it so.
     */
    private void outputReleased() {
        if (outSink.holders() > 0 || errSink.holders() > 0 || !eofSent.compareAndSet(false, true)) {
            return;
        }
        outSink.markBroken();
        errSink.markBroken();
        if (channel instanceof SimChannelSession s && !hungUp) {
            try {
                s.sendEofNow();
            } catch (IOException e) {
                Logger.debug("EOF of session {} not sent: {}", sessionId, e.getMessage());
            }
        }
    }

    /**
     * The session's foreground process group, without the login shell (which handles signals
     * itself) unless {@code exec} replaced the shell by a program.
     */
    private List<SimProcess> foreground() {
        List<SimProcess> result = new ArrayList<>();
        for (SimProcess p : host.processes().ofSession(sessionId)) {
            if (!p.isBackground() && (p.pid() != shellProcess.pid() || shell.replacedByExec())) {
                result.add(p);
            }
        }
        return result;
    }

    /** 0x03 from the pty: SIGINT to the foreground job, whatever the uid (the tty driver sends it). */
    private boolean interruptFromTerminal() {
        List<SimProcess> fg = foreground();
        if (fg.isEmpty() && execText == null) {
            return false;
        }
        terminal.echoInterrupt();
        for (SimProcess p : fg) {
            p.deliver(Signal.INT);
        }
        shell.groupSignalled(Signal.INT);
        return true;
    }

    /** The SSH "signal" request: killpg of the session's group as the logged-in user. */
    private void signalRequest(Channel channel, org.apache.sshd.server.Signal signal) {
        if (user.uid() == 0) {
            // OpenSSH < 10.0 turns privilege separation off for root logins and then refuses
            Logger.info("session_signal_req: session signalling requires privilege separation ({} for {})",
                    signal, sessionId);
            return;
        }
        Optional<Signal> ours = Signal.parse(signal.name());
        if (ours.isEmpty()) {
            return;
        }
        Credentials sender = user.loginCredentials();
        for (SimProcess p : foreground()) {
            if (host.processes().signal(p.pid(), ours.get(), sender) == SimProcessTable.SignalResult.NOT_OWNER) {
                // what sshd logs when the process runs with real uid 0 (sudo); the client sees nothing
                Logger.info("killpg({}, SIG{}): Not owner", p.pid(), ours.get().name());
            }
        }
        shell.groupSignalled(ours.get());
    }

    /** A signal sent to the login shell's own pid with kill. */
    private void shellSignalled(Signal signal) {
        switch (signal) {
            case HUP, TERM, KILL -> {
                shell.groupSignalled(signal);
                // the shell dies: its channel closes, and destroy() turns that into a hangup
                channel.close(false);
            }
            default -> shell.groupSignalled(signal);
        }
    }

    @Override
    public void destroy(ChannelSession session) {
        hangup();
    }

    /** The channel is gone (client closed it, the connection dropped, or the shell exited). */
    void hangup() {
        if (hungUp) {
            return;
        }
        hungUp = true;
        outSink.markBroken();
        errSink.markBroken();
        if (pty) {
            for (SimProcess p : host.processes().ofSession(sessionId)) {
                if (p.pid() != shellProcess.pid() || shell.replacedByExec()) {
                    p.deliver(Signal.HUP);
                }
            }
            shell.groupSignalled(Signal.HUP);
            terminal.hangup();
        }
    }

    String sessionId() {
        return sessionId;
    }
}
