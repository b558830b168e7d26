package org.kzmove.remote.ssh;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.ChallengeResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;

/**
 * One authenticated SSH connection to a host; many commands run over it as separate channels.
 * Every failure becomes a {@link RemoteException} whose reason and message say what to do.
 */
public final class SshConnection implements Closeable {
    static {
        // The JDK 17 providers do all kzmove's SSH needs (Ed25519, X25519, ECDH, AES-GCM, ChaCha20 via
        // sshj's own code); registering BouncyCastle loaded some 500 classes per start, from a signed
        // jar that class-data sharing cannot archive (decision 18). PEM key files still read through
        // BouncyCastle's parser, which needs no registered provider.
        SecurityUtils.setRegisterBouncyCastle(false);
    }


    /** Explicit limits, as sshj recommends: nothing waits forever on a silent network. */
    /**
     * The most kzmove reads of one command's stdout or stderr: far above anything a Solaris host prints
     * for kzmove (a whole host's inventory is well under a megabyte), low enough that a host printing
     * without end cannot exhaust the console's memory.
     */
    public static final int MAX_OUTPUT_BYTES = 32 << 20;
    /** Unanswered keep-alives after which the connection is given up for dead. */
    public static final int MISSED_KEEPALIVES = 3;

    private static String firstWord(String commandLine) {
        String t = commandLine.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    /**
     * @param connect   the longest each step of opening a connection may wait for the host: the TCP
     *                  connect, the host's SSH banner, the key exchange and each authentication reply.
     *                  A path that swallows packets accepts a TCP connection and then says nothing, so
     *                  every step needs the bound, not only the TCP connect
     * @param command   the longest a command started without a timeout of its own may run
     * @param keepAlive the interval of keep-alives on an open connection ({@link #MISSED_KEEPALIVES}
     *                  unanswered ones end it)
     */
    public record Timeouts(Duration connect, Duration command, Duration keepAlive) {
        public static final Timeouts DEFAULT =
                new Timeouts(Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofSeconds(15));

        public Timeouts {
            if (keepAlive.toSeconds() < 1) {
                throw new IllegalArgumentException("keep-alives are sent at most once a second: " + keepAlive);
            }
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SSHClient client;
    private final SshTarget target;
    private final Timeouts timeouts;
    private final ExecutorService readers;

    private SshConnection(SSHClient client, SshTarget target, Timeouts timeouts) {
        this.client = client;
        this.target = target;
        this.timeouts = timeouts;
        // Stream pumps for running commands: daemon threads, owned and shut down by this connection.
        this.readers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ssh-read-" + target.host() + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects, verifies the host key, and authenticates with the first method that works. */
    public static SshConnection open(SshTarget target, List<SshAuth> auths, KnownHostsVerifier verifier, Timeouts timeouts)
            throws RemoteException {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        client.addHostKeyVerifier(verifier);
        int connectMs = (int) timeouts.connect().toMillis();
        client.setConnectTimeout(connectMs);
        // The socket's read timeout bounds the wait for the host's banner (sshj's reader thread ignores it
        // once the connection is up); the transport's timeout bounds the key exchange and authentication.
        client.setTimeout(connectMs);
        client.getTransport().setTimeoutMs(connectMs);
        // Set before connecting: sshj starts its keep-alive thread at connect time only if an interval is set.
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) timeouts.keepAlive().toSeconds());
        if (client.getConnection().getKeepAlive() instanceof KeepAliveRunner runner) {
            // A path that swallows packets (a "black hole") is taken for dead when this many keep-alives are
            // unanswered at the next one: 45-60 s with the default 15 s interval (sshj's default count is 5).
            runner.setMaxAliveCount(MISSED_KEEPALIVES);
        }
        try {
            client.connect(target.host(), target.port());
        } catch (TransportException e) {
            closeQuietly(client);
            throw hostKeyOrTransport(target, verifier, timeouts, e);
        } catch (UnknownHostException e) {
            closeQuietly(client);
            throw new RemoteException(Reason.UNREACHABLE, target.display(),
                    "Cannot resolve host name '" + target.host() + "'. Check the address in the host profile.", e);
        } catch (ConnectException | NoRouteToHostException e) {
            closeQuietly(client);
            throw new RemoteException(Reason.UNREACHABLE, target.display(), "Cannot connect to " + target.host() + " port "
                    + target.port() + " (" + e.getMessage() + "). Is the host up and sshd listening there?", e);
        } catch (SocketTimeoutException e) {
            closeQuietly(client);
            throw new RemoteException(Reason.TIMEOUT, target.display(), "No answer from " + target.host() + " port "
                    + target.port() + " within " + timeouts.connect().toSeconds() + " s. Check the address and firewalls.", e);
        } catch (IOException e) {
            closeQuietly(client);
            throw new RemoteException(Reason.UNREACHABLE, target.display(),
                    "Cannot connect to " + target.display() + ": " + e.getMessage(), e);
        }
        // Per connection, not per thread: sshj asks keyboard-interactive answers on its own reader thread.
        HandedOutSecrets handedOut = new HandedOutSecrets();
        try {
            // Key files are decrypted here too, so their passphrases are wiped by the finally below.
            client.auth(target.user(), authMethods(client, target, auths, handedOut));
        } catch (UserAuthException e) {
            closeQuietly(client);
            throw new RemoteException(Reason.AUTHENTICATION, target.display(), "The host refused the credentials of user '"
                    + target.user() + "'. Check the user name, key file or password.", e);
        } catch (TransportException e) {
            closeQuietly(client);
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(),
                    "The connection to " + target.display() + " broke during authentication: " + e.getMessage(), e);
        } finally {
            handedOut.wipeAll();
        }
        return new SshConnection(client, target, timeouts);
    }

    private static RemoteException hostKeyOrTransport(SshTarget target, KnownHostsVerifier verifier, Timeouts timeouts,
            TransportException e) {
        if (e.getCause() instanceof SocketTimeoutException) {
            return new RemoteException(Reason.TIMEOUT, target.display(), target.host() + " port " + target.port()
                    + " accepted the connection but sent no SSH greeting within " + timeouts.connect().toSeconds()
                    + " s (a path that drops packets, or an sshd that hangs).", e);
        }
        if (e.getDisconnectReason() == DisconnectReason.HOST_KEY_NOT_VERIFIABLE) {
            HostKeyTrust.PresentedHostKey key = verifier.lastPresented();
            String presented = key == null ? "its key" : key.keyType() + " " + key.fingerprint();
            if (verifier.lastRefusal() == KnownHostsVerifier.Refusal.REVOKED) {
                KnownHostsVerifier.FileLine where = verifier.lastRevocation();
                return new RemoteException(Reason.HOST_KEY_REVOKED, target.display(), "WARNING: the host key of "
                        + (key == null ? target.host() : key.hostEntry()) + " (" + presented + ") is REVOKED: it is "
                        + "marked @revoked in " + (where == null ? "a known_hosts file" : where) + ". A revoked key "
                        + "is refused whatever other known_hosts lines say; it may have been stolen and be used to "
                        + "impersonate the host. kzmove refuses to connect. Ask the host's administrator for its "
                        + "current key.", e);
            }
            if (verifier.lastRefusal() == KnownHostsVerifier.Refusal.CHANGED) {
                return new RemoteException(Reason.HOST_KEY_CHANGED, target.display(), "WARNING: the host key of "
                        + (key == null ? target.host() : key.hostEntry()) + " has CHANGED. It now presents " + presented
                        + ", which differs from the key recorded in known_hosts. Someone could be intercepting the "
                        + "connection, or the host was reinstalled. kzmove refuses to connect. If the change is expected, "
                        + "remove the old entry (ssh-keygen -R) and connect again.", e);
            }
            return new RemoteException(Reason.HOST_KEY_UNKNOWN, target.display(), "The host key of "
                    + (key == null ? target.host() : key.hostEntry()) + " (" + presented + ") is not known and was not "
                    + "trusted. Compare the fingerprint with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) "
                    + "and trust it when asked.", e);
        }
        return new RemoteException(Reason.UNREACHABLE, target.display(),
                "SSH negotiation with " + target.display() + " failed: " + e.getMessage(), e);
    }

    private static List<AuthMethod> authMethods(SSHClient client, SshTarget target, List<SshAuth> auths,
            HandedOutSecrets handedOut) throws RemoteException {
        List<AuthMethod> methods = new ArrayList<>();
        for (SshAuth auth : auths) {
            if (auth instanceof SshAuth.KeyFile kf) {
                try {
                    KeyProvider keys = client.loadKeys(kf.path().toString(), finder(kf.passphrase(), "passphrase for " + kf.path(), handedOut));
                    methods.add(new AuthPublickey(keys));
                } catch (IOException e) {
                    throw new RemoteException(Reason.LOCAL, target.display(),
                            "Cannot use key file " + kf.path() + ": " + e.getMessage(), e);
                }
            } else if (auth instanceof SshAuth.InMemoryKey mk) {
                methods.add(new AuthPublickey(client.loadKeys(mk.keyPair())));
            } else if (auth instanceof SshAuth.Password pw) {
                PasswordFinder finder = finder(pw.prompt(), "password for " + target.display(), handedOut);
                methods.add(new AuthPassword(finder));
                methods.add(new AuthKeyboardInteractive(new PasswordResponder(finder)));
            }
        }
        return methods;
    }

    /**
     * Adapts a prompt to sshj. sshj does not clear the arrays it is given, so each one handed out is
     * remembered and wiped as soon as authentication is over ({@link HandedOutSecrets#wipeAll()}).
     */
    private static PasswordFinder finder(SecretPrompt prompt, String what, HandedOutSecrets handedOut) {
        return new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                char[] secret = prompt.ask(what);
                handedOut.add(secret);
                return secret;
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
    }

    /** Keyboard-interactive: answers a password-like prompt with the same secret. */
    private static final class PasswordResponder implements ChallengeResponseProvider {
        private final PasswordFinder finder;

        PasswordResponder(PasswordFinder finder) {
            this.finder = finder;
        }

        @Override
        public List<String> getSubmethods() {
            return List.of();
        }

        @Override
        public void init(Resource resource, String name, String instruction) {
        }

        @Override
        public char[] getResponse(String prompt, boolean echo) {
            return echo ? new char[0] : finder.reqPassword(null);
        }

        @Override
        public boolean shouldRetry() {
            return false;
        }
    }

    public SshTarget target() {
        return target;
    }

    public boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** Runs one command line to the end, with the connection's command timeout. */
    public CommandResult run(String commandLine) throws RemoteException {
        return run(commandLine, timeouts.command());
    }

    /** Runs one command line to the end; past {@code timeout} the channel is closed and TIMEOUT raised. */
    public CommandResult run(String commandLine, Duration timeout) throws RemoteException {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(commandLine);
            Future<byte[]> out = readers.submit(() -> readAll(cmd.getInputStream()));
            Future<byte[]> err = readers.submit(() -> readAll(cmd.getErrorStream()));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] stdout = out.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            byte[] stderr = err.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            cmd.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            Integer status = cmd.getExitStatus();
            return new CommandResult(status == null ? -1 : status, new String(stdout, StandardCharsets.UTF_8),
                    new String(stderr, StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            throw new RemoteException(Reason.TIMEOUT, target.display(),
                    "The command did not finish within " + timeout.toSeconds() + " s on " + target.display() + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(), "Interrupted while waiting for the host.", e);
        } catch (IllegalStateException e) {
            // sshj's "Not connected": the transport died before its reader thread told anyone.
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(),
                    "The connection to " + target.display() + " is gone: " + e.getMessage(), e);
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof OutputTooLarge) {
                throw new RemoteException(Reason.OUTPUT_TOO_LARGE, target.display(), "'" + firstWord(commandLine)
                        + "' on " + target.display() + " printed more than " + (MAX_OUTPUT_BYTES >> 20)
                        + " MiB; kzmove stopped reading it (no command kzmove sends should print that much).", cause);
            }
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(),
                    "The connection to " + target.display() + " failed while running a command: " + cause.getMessage(), cause);
        }
    }

    /** Starts a command whose output the caller reads as it arrives. */
    public StreamingCommand start(String commandLine) throws RemoteException {
        Session session = null;
        try {
            session = client.startSession();
            return new StreamingCommand(session, session.exec(commandLine));
        } catch (IOException | IllegalStateException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (IOException ignored) {
                    // Already failing; the first error is the one to report.
                }
            }
            throw new RemoteException(Reason.CONNECTION_LOST, target.display(),
                    "The connection to " + target.display() + " failed while starting a command: " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) > 0) {
            if (buf.size() + n > MAX_OUTPUT_BYTES) {
                throw new OutputTooLarge();
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    /** Thrown by a reader that reached {@link #MAX_OUTPUT_BYTES}: what it read is dropped, not kept growing. */
    private static final class OutputTooLarge extends IOException {
        OutputTooLarge() {
            super("more than " + (MAX_OUTPUT_BYTES >> 20) + " MiB of output", null);
        }
    }

    /**
     * The secrets handed to sshj while one connection authenticates. Filled from the calling thread
     * (password, key passphrase) and from sshj's reader thread (keyboard-interactive answers).
     */
    private static final class HandedOutSecrets {
        private final List<char[]> secrets = new ArrayList<>();

        synchronized void add(char[] secret) {
            if (secret != null) {
                secrets.add(secret);
            }
        }

        synchronized void wipeAll() {
            secrets.forEach(SshConnection::wipe);
            secrets.clear();
        }
    }

    /** Clears a secret that was handed out by a prompt. */
    public static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
        closeQuietly(client);
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            // Closing a broken connection: nothing left to tell the user.
        }
    }
}
