package org.kzmove.remote.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.remote.audit.AuditEntry;
import org.kzmove.remote.audit.RemoteCommandAudit;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.remote.ssh.StreamingCommand;
import org.tinylog.Logger;

/**
 * The one SSH connection kzmove keeps to a host; every command and every followed job file is a
 * channel of it. When the connection is lost it is opened again on the next use, with increasing
 * delays and a bounded number of attempts, so a network blip does not end the following of a move.
 * Every command goes to the audit log.
 */
public final class HostSession implements AutoCloseable {

    /** Opens a fresh, authenticated connection (host key checked): {@code SshConnection.open(...)} in production. */
    @FunctionalInterface
    public interface Connector {
        SshConnection open() throws RemoteException;
    }

    /** Waits between reconnect attempts; tests pass one that does not wait. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = d -> Thread.sleep(d.toMillis());

        void pause(Duration delay) throws InterruptedException;
    }

    /**
     * Told about each attempt to get a lost connection back, at once, so a person hears within seconds
     * that contact was lost and when the next try is (called on the thread that reconnects; keep it short).
     */
    public interface ConnectionWatcher {
        /**
         * @param attempt  the attempt about to be made, from 1
         * @param attempts how many attempts there will be at most
         * @param in       how long until it is made
         * @param reason   why the connection is gone (or why the last attempt failed)
         */
        void reconnecting(int attempt, int attempts, Duration in, String reason);

        /** The connection is back after {@code attempts} attempts. */
        default void reconnected(int attempts) {
        }
    }

    /** The session gave up reconnecting: the whole backoff has run, so a query does not run it again. */
    private static final class GaveUpException extends RemoteException {
        private static final long serialVersionUID = 1L;

        GaveUpException(String host, String message, Throwable cause) {
            super(Reason.CONNECTION_LOST, host, message, cause);
        }
    }

    /** Reconnect policy: the delay doubles from {@code initial} up to {@code max}, for at most {@code attempts} tries. */
    public record Backoff(Duration initial, Duration max, int attempts) {
        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 8);

        public Backoff {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }

        Duration delay(int attempt) {
            long ms = initial.toMillis() << Math.min(20, attempt);
            return Duration.ofMillis(Math.min(ms, max.toMillis()));
        }
    }

    private final SshTarget target;
    private final Connector connector;
    private final Backoff backoff;
    private final Pause pause;
    private final RemoteCommandAudit audit;
    private final Clock clock;
    private final List<ConnectionWatcher> watchers = new CopyOnWriteArrayList<>();
    /** Held while a connection is opened, pauses included: one reconnect at a time, without blocking close(). */
    private final Object connecting = new Object();
    private volatile SshConnection connection;
    private volatile boolean closed;
    /** Backoff is for getting back a host that was reached; a host never reached fails at once. */
    private boolean everConnected;
    /** Why the last connection was lost, as the failed command found out; said with the first attempt to get it back. */
    private volatile String lostBecause;

    public HostSession(SshTarget target, Connector connector, Backoff backoff, Pause pause, RemoteCommandAudit audit,
            Clock clock) {
        this.target = Objects.requireNonNull(target);
        this.connector = Objects.requireNonNull(connector);
        this.backoff = Objects.requireNonNull(backoff);
        this.pause = Objects.requireNonNull(pause);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    public SshTarget target() {
        return target;
    }

    public void addWatcher(ConnectionWatcher watcher) {
        watchers.add(watcher);
    }

    public void removeWatcher(ConnectionWatcher watcher) {
        watchers.remove(watcher);
    }

    /**
     * Runs a script once. A script that may have had effects is never re-sent after a dropped
     * connection (starting a move twice would be worse than reporting the error).
     */
    public CommandResult run(RemoteScript script, Duration timeout) throws RemoteException {
        SshConnection c = connection();
        try {
            CommandResult r = c.run(script.line(), timeout);
            record(script.line(), r.exitStatus());
            return r;
        } catch (RemoteException e) {
            record(script.line(), null);
            if (e.reason() == Reason.CONNECTION_LOST) {
                lostBecause = e.getMessage();
                dropConnection(c);
            }
            throw e;
        }
    }

    /** Runs a read-only script, reconnecting and sending it again if the connection is lost meanwhile. */
    public CommandResult query(RemoteScript script, Duration timeout) throws RemoteException {
        try {
            return run(script, timeout);
        } catch (RemoteException e) {
            if (e.reason() != Reason.CONNECTION_LOST || e instanceof GaveUpException) {
                throw e;
            }
            Logger.info("Connection to {} lost during a query; reconnecting", target.display());
            return run(script, timeout);
        }
    }

    /**
     * What a launch saw: the output the shell printed before the started program took over its
     * streams, and the exit status if the shell had already ended (the program then never ran).
     */
    public record Launch(String stdout, String stderr, Integer exitStatus) {
    }

    /**
     * Starts a program that must outlive this session ({@link RemoteScript#foregroundExec}) on a
     * connection of its own: reads stdout and stderr until they end (when the program has taken them
     * over, or the shell has failed), then drops that connection without waiting for the program. A
     * real sshd closes a session channel only when its process ends and counts open channels against
     * MaxSessions, so the launch must not keep a channel of the shared connection; dropping a
     * connection signals no process that has no terminal. Never re-sent.
     */
    public Launch launch(RemoteScript script, Duration timeout) throws RemoteException {
        synchronized (this) {
            if (closed) {
                throw new RemoteException(Reason.LOCAL, target.display(), "The session to " + target.display() + " is closed.");
            }
        }
        SshConnection own = connector.open();
        try {
            StreamingCommand s = own.start(script.line());
            byte[][] streams = readBoth(s, timeout);
            Integer status = s.exitStatusIfKnown();
            record(script.line(), status);
            return new Launch(new String(streams[0], StandardCharsets.UTF_8), new String(streams[1], StandardCharsets.UTF_8),
                    status);
        } catch (RemoteException e) {
            record(script.line(), null);
            throw e;
        } finally {
            own.close();
        }
    }

    private byte[][] readBoth(StreamingCommand s, Duration timeout) throws RemoteException {
        ExecutorService readers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "kzmove-launch-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<byte[]> out = readers.submit(() -> s.stdout().readAllBytes());
            Future<byte[]> err = readers.submit(() -> s.stderr().readAllBytes());
            long deadline = System.nanoTime() + timeout.toNanos();
            return new byte[][] {out.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS),
                    err.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)};
        } catch (TimeoutException e) {
            throw new RemoteException(Reason.TIMEOUT, target.display(), "The host did not start the program within "
                    + timeout.toSeconds() + " s.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(), "Interrupted while starting a program.", e);
        } catch (ExecutionException e) {
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(), "The connection to " + target.display()
                    + " failed while starting a program: " + e.getCause().getMessage(), e.getCause());
        } finally {
            readers.shutdownNow();
        }
    }

    /** Starts a command whose output is read as it arrives (its exit status is not audited: it is not waited for). */
    public StreamingCommand start(RemoteScript script) throws RemoteException {
        SshConnection c = connection();
        try {
            StreamingCommand s = c.start(script.line());
            record(script.line(), null);
            return s;
        } catch (RemoteException e) {
            record(script.line(), null);
            dropConnection(c);
            throw e;
        }
    }

    /**
     * Forgets the current connection after a channel of it failed, so the next use reconnects. Only the
     * connection that failed is closed: another thread may already have opened a new one.
     */
    public synchronized void connectionFailed() {
        if (connection != null && !connection.isConnected()) {
            connection.close();
            connection = null;
        }
    }

    private synchronized void dropConnection(SshConnection failed) {
        if (connection == failed) {
            failed.close();
            connection = null;
        }
    }

    /**
     * The open connection, or a new one opened with backoff. The pauses hold only {@link #connecting}, so
     * closing the session (the console quitting) never waits for a reconnect; a closed session stops it.
     */
    private SshConnection connection() throws RemoteException {
        synchronized (connecting) {
            return connectionLocked();
        }
    }

    private SshConnection connectionLocked() throws RemoteException {
        if (closed) {
            throw closedException();
        }
        SshConnection current = connection;
        if (current != null && current.isConnected()) {
            return current;
        }
        if (current != null) {
            current.close();
            connection = null;
        }
        RemoteException last = null;
        int attempts = everConnected ? backoff.attempts() : 1;
        if (everConnected) {
            String why = lostBecause;
            tell(1, attempts, Duration.ZERO, why == null ? "the connection to " + target.display() + " was lost" : why);
        }
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                tell(attempt + 1, attempts, backoff.delay(attempt - 1), last.getMessage());
                try {
                    pause.pause(backoff.delay(attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RemoteException(Reason.CONNECTION_LOST, target.display(), "Interrupted while reconnecting.", e);
                }
            }
            if (closed) {
                throw closedException();
            }
            try {
                SshConnection opened = connector.open();
                synchronized (this) {
                    if (closed) {
                        opened.close();
                        throw closedException();
                    }
                    connection = opened;
                }
                boolean reconnect = everConnected;
                everConnected = true;
                lostBecause = null;
                if (reconnect) {
                    Logger.info("Reconnected to {} after {} attempt(s)", target.display(), attempt + 1);
                    int n = attempt + 1;
                    watchers.forEach(w -> w.reconnected(n));
                }
                return opened;
            } catch (RemoteException e) {
                if (closed) {
                    throw closedException();
                }
                last = e;
                if (!retryable(e) || !everConnected) {
                    throw e;
                }
                Logger.info("Connecting to {} failed ({}), attempt {} of {}", target.display(), e.getMessage(),
                        attempt + 1, backoff.attempts());
            }
        }
        throw new GaveUpException(target.display(), "Lost the connection to " + target.display()
                + " and could not reconnect after " + backoff.attempts() + " attempts: " + last.getMessage(), last);
    }

    private void tell(int attempt, int attempts, Duration in, String reason) {
        Logger.info("Reconnecting to {}: attempt {} of {} in {} ms ({})", target.display(), attempt, attempts, in.toMillis(),
                reason);
        for (ConnectionWatcher w : watchers) {
            try {
                w.reconnecting(attempt, attempts, in, reason);
            } catch (RuntimeException e) {
                Logger.error(e, "A connection watcher failed");
            }
        }
    }

    /** The longest a session tries to get a lost connection back: the pauses plus a connect timeout per attempt. */
    public Duration giveUpAfter(Duration connectTimeout) {
        Duration total = Duration.ZERO;
        for (int i = 0; i + 1 < backoff.attempts(); i++) {
            total = total.plus(backoff.delay(i));
        }
        return total.plus(connectTimeout.multipliedBy(backoff.attempts()));
    }

    /** A refused key or credential will not change by waiting; a network problem might. */
    private static boolean retryable(RemoteException e) {
        return e.reason() == Reason.CONNECTION_LOST || e.reason() == Reason.UNREACHABLE || e.reason() == Reason.TIMEOUT;
    }

    private void record(String line, Integer status) {
        audit.record(new AuditEntry(clock.instant(), target.host() + ":" + target.port(), target.user(), line, status));
    }

    private RemoteException closedException() {
        return new RemoteException(Reason.LOCAL, target.display(), "The session to " + target.display() + " is closed.");
    }

    /** Closes the connection; a reconnect under way stops at its next step (its pause is not waited for). */
    @Override
    public synchronized void close() {
        closed = true;
        SshConnection current = connection;
        if (current != null) {
            current.close();
            connection = null;
        }
    }
}
