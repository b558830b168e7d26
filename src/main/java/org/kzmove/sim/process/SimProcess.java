package org.kzmove.sim.process;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.kzmove.sim.command.Credentials;

/**
 * One entry of the simulated process table. The process itself is a {@code SimCommand} running on
 * a pooled thread; this object is what {@code ps}, {@code kill} and the terminal see of it.
 */
public final class SimProcess {

    /** Life cycle as {@code ps -o s} would show it, reduced to what the simulator needs. */
    public enum State { RUNNING, EXITED }

    private final int pid;
    private final int ppid;
    private final List<String> argv;
    private final Credentials credentials;
    private final Instant startTime;
    private final String sessionId;
    private final boolean background;
    private final String tty;
    private final SignalMailbox mailbox = new SignalMailbox();
    private final CountDownLatch exited = new CountDownLatch(1);
    private final Set<Signal> ignored = EnumSet.noneOf(Signal.class);
    private volatile SignalHandler handler;

    private State state = State.RUNNING;
    private Signal lastSignal;
    private int exitStatus = -1;

    /** Lets a process that is not a {@code SimCommand} (the login shell) react to signals itself. */
    @FunctionalInterface
    public interface SignalHandler {
        void handle(Signal signal);
    }

    SimProcess(int pid, int ppid, List<String> argv, Credentials credentials, Instant startTime,
            String sessionId, boolean background, String tty) {
        this.pid = pid;
        this.ppid = ppid;
        this.argv = List.copyOf(argv);
        this.credentials = credentials;
        this.startTime = startTime;
        this.sessionId = sessionId;
        this.background = background;
        this.tty = tty;
    }

    public int pid() {
        return pid;
    }

    public int ppid() {
        return ppid;
    }

    public List<String> argv() {
        return argv;
    }

    /** The command line as {@code ps -o args} prints it. */
    public String args() {
        return String.join(" ", argv);
    }

    /** The program's base name, as {@code ps -o comm} and plain {@code pgrep} match it. */
    public String command() {
        String a0 = argv.isEmpty() ? "" : argv.get(0);
        return a0.substring(a0.lastIndexOf('/') + 1);
    }

    public Credentials credentials() {
        return credentials;
    }

    public Instant startTime() {
        return startTime;
    }

    /** The SSH session that started the process; background jobs keep it after it is gone. */
    public String sessionId() {
        return sessionId;
    }

    public boolean isBackground() {
        return background;
    }

    /** {@code pts/N} for a process started under a pty, {@code ?} otherwise, as ps prints it. */
    public String tty() {
        return tty;
    }

    public SignalMailbox mailbox() {
        return mailbox;
    }

    /** Marks a signal as ignored ({@code nohup} ignores SIGHUP); ignored signals are dropped. */
    public synchronized void ignore(Signal signal) {
        if (signal != Signal.KILL) {
            ignored.add(signal);
        }
    }

    public synchronized boolean ignores(Signal signal) {
        return ignored.contains(signal);
    }

    public void handleSignalsWith(SignalHandler signalHandler) {
        this.handler = signalHandler;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * Delivers a signal unless the process has ended or ignores it. Holding this object's lock
     * while delivering, and while {@link #markExited(int)} unbinds the mailbox, guarantees a late
     * signal never interrupts the pooled thread after the process has left it.
     *
     * @return whether the signal was delivered
     */
    public boolean deliver(Signal signal) {
        SignalHandler h;
        synchronized (this) {
            if (state != State.RUNNING || ignored.contains(signal)) {
                return false;
            }
            lastSignal = signal;
            h = handler;
            if (h == null) {
                mailbox.deliver(signal);
                return true;
            }
        }
        h.handle(signal);
        return true;
    }

    /** The last signal delivered, used for the 128+n status of a process a signal ended. */
    public synchronized Optional<Signal> lastSignal() {
        return Optional.ofNullable(lastSignal);
    }

    synchronized void markExited(int status) {
        if (state == State.EXITED) {
            return;
        }
        state = State.EXITED;
        exitStatus = status;
        mailbox.unbind();
        exited.countDown();
    }

    /** The exit status, or -1 while running. */
    public synchronized int exitStatus() {
        return exitStatus;
    }

    /** Waits (real time) for the process to end; returns whether it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return exited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public void awaitExit() throws InterruptedException {
        exited.await();
    }

    @Override
    public String toString() {
        return pid + " " + args();
    }
}
