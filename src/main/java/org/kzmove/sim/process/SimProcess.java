package org.kzmove.sim.process;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.tinylog.Logger;

/**
 * One entry of the simulated process table. The process itself is a {@code SimCommand} running on
 * a pooled thread; this object is what {@code ps}, {@code kill} and the terminal see of it.
 *
 * <p>Signal dispositions follow Unix: a set of ignored signals, inherited by children (the table
 * copies the parent's at {@code register}) and kept across {@link #exec}; a caught signal (the
 * {@link SignalHandler} of a shell) is reset to the default action by {@code exec}. A signal
 * sent to a process that ignores it is dropped. SIGKILL cannot be ignored.
 */
public final class SimProcess {

    /** Life cycle as {@code ps -o s} would show it, reduced to what the simulator needs. */
    public enum State { RUNNING, EXITED }

    private final int pid;
    private final int ppid;
    private volatile List<String> argv;
    private volatile Credentials credentials;
    private final Instant startTime;
    private final String sessionId;
    private final boolean background;
    private final String tty;
    private final SignalMailbox mailbox = new SignalMailbox();
    private final CountDownLatch exited = new CountDownLatch(1);
    private final Set<Signal> ignored = EnumSet.noneOf(Signal.class);
    private volatile SignalHandler handler;
    /** What the process holds open that someone waits to see closed (the SSH channel's output ends). */
    private final List<Closeable> held = new ArrayList<>();

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

    /** Marks a signal as ignored (SIG_IGN: {@code nohup} ignores SIGHUP); ignored signals are dropped. */
    public synchronized void ignore(Signal signal) {
        if (signal != Signal.KILL) {
            ignored.add(signal);
        }
    }

    /**
     * Stops ignoring a signal: what a program does when it installs a handler for it. The signal
     * then reaches the process (its mailbox, or its {@link SignalHandler}) again.
     */
    public synchronized void stopIgnoring(Signal signal) {
        ignored.remove(signal);
    }

    public synchronized boolean ignores(Signal signal) {
        return ignored.contains(signal);
    }

    /** The ignored signals, a copy: what a child inherits. */
    public synchronized Set<Signal> ignoredSignals() {
        return ignored.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(ignored);
    }

    synchronized void inheritIgnored(Set<Signal> fromParent) {
        for (Signal s : fromParent) {
            ignore(s);
        }
    }

    public void handleSignalsWith(SignalHandler signalHandler) {
        this.handler = signalHandler;
    }

    /**
     * Adds things the process holds open until it ends or execs (the SSH channel's stdout and
     * stderr, see {@code ChannelSink.open()}); closing them tells their owner the process let go.
     */
    public void hold(List<Closeable> descriptors) {
        List<Closeable> late = null;
        synchronized (this) {
            if (state == State.EXITED) {
                late = descriptors;
            } else {
                held.addAll(descriptors);
            }
        }
        if (late != null) {
            release(late);
        }
    }

    /**
     * The process image is replaced (the shell's {@code exec}, and nohup, pfexec and sudo, which
     * exec the next program): same pid, new argv and credentials; ignored signals stay ignored, a
     * caught signal returns to its default action (the handler is dropped), and the open
     * descriptors are the new program's. The calling thread becomes the process's thread.
     */
    public void exec(List<String> newArgv, Credentials newCredentials, List<Closeable> descriptors) {
        List<Closeable> old;
        synchronized (this) {
            argv = List.copyOf(newArgv);
            credentials = newCredentials;
            mailbox.bindToCurrentThread();
            handler = null;
            old = new ArrayList<>(held);
            held.clear();
            held.addAll(descriptors);
        }
        release(old);
    }

    private static void release(List<Closeable> descriptors) {
        for (Closeable c : descriptors) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                Logger.debug("releasing a descriptor: {}", e.getMessage());
            }
        }
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

    void markExited(int status) {
        List<Closeable> old;
        synchronized (this) {
            if (state == State.EXITED) {
                return;
            }
            state = State.EXITED;
            exitStatus = status;
            mailbox.unbind();
            old = new ArrayList<>(held);
            held.clear();
        }
        // descriptors first (the channel may see EOF), then whoever waits for the exit
        release(old);
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
