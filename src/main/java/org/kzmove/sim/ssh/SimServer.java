package org.kzmove.sim.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.session.ServerSession;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.clock.ScaledClock;
import org.kzmove.sim.clock.SimClock;
import org.kzmove.sim.fs.InMemoryFileSystem;
import org.kzmove.sim.fs.SimFileException;
import org.kzmove.sim.fs.SimFileSystem;
import org.kzmove.sim.process.SimProcessTable;
import org.kzmove.sim.process.SimThreads;
import org.kzmove.sim.shell.CommandRegistry;
import org.kzmove.sim.shell.HostServices;
import org.kzmove.sim.shell.PasswordHash;
import org.kzmove.sim.shell.ShellTools;
import org.kzmove.sim.shell.SimUser;
import org.kzmove.sim.shell.SimUsers;
import org.tinylog.Logger;

/**
 * The simulated Solaris host's SSH server: Apache MINA SSHD bound to 127.0.0.1 by default, serving
 * exec requests and interactive shells whose commands are all simulated. Nothing it runs touches
 * the real machine; its only real files are the host key and the audit.
 *
 * <pre>{@code
 * CommandRegistry registry = new CommandRegistry();
 * registry.register("/usr/sbin/zoneadm", zoneadm);
 * try (SimServer server = SimServer.builder().hostname("kzhost1").registry(registry)
 *         .hostKeyPath(Path.of("state/host_ed25519")).build()) {
 *     server.start();
 *     int port = server.port();
 * }
 * }</pre>
 */
public final class SimServer implements AutoCloseable {
    private static final AttributeKey<String> CONNECTION_ID = new AttributeKey<>();

    private final HostServices host;
    private final String bindAddress;
    private final int requestedPort;
    private final KeyPair hostKey;
    private final AuthorizedKeys authorizedKeys;
    private final boolean passwordAuthentication;
    private final boolean ownsAudit;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger ttys = new AtomicInteger();
    private SshServer sshd;

    private SimServer(Builder b) throws IOException, GeneralSecurityException {
        this.bindAddress = b.bindAddress;
        this.requestedPort = b.port;
        this.hostKey = b.hostKey != null ? b.hostKey
                : b.hostKeyPath != null ? HostKeys.loadOrCreate(b.hostKeyPath) : HostKeys.generate();
        this.authorizedKeys = b.authorizedKeys != null ? b.authorizedKeys : AuthorizedKeys.ofCurrentUser();
        this.passwordAuthentication = b.passwordAuthentication;
        CommandAudit audit = b.audit;
        this.ownsAudit = audit == null;
        if (audit == null) {
            audit = b.auditFile != null ? new CommandAudit(b.auditFile) : new CommandAudit();
        }
        ExecutorService executor = SimThreads.newHostExecutor(b.hostname);
        this.host = new HostServices(b.hostname, b.users, b.clock, b.files, b.registry, new SimProcessTable(), audit,
                executor);
        ShellTools.installInto(host);
        prepareFileTree();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Directories every Solaris host has and the simulator's users need, with Solaris' owners and
     * modes: system directories root 755, {@code /tmp} and {@code /var/tmp} root 1777 (sticky),
     * {@code /root} 700, each home directory its user's, 755.
     */
    private void prepareFileTree() {
        host.files().timeSource(host.clock()::now);
        try {
            for (String d : List.of("/tmp", "/var/tmp", "/var/log/zones", "/export/home", "/root", "/usr/bin",
                    "/usr/sbin", "/etc")) {
                host.files().mkdirs(d);
            }
            host.files().chmod("/tmp", 01777);
            host.files().chmod("/var/tmp", 01777);
            host.files().chmod("/root", 0700);
            for (SimUser u : host.users().all()) {
                if (u.uid() != 0 && !host.files().exists(u.home())) {
                    host.files().mkdirs(u.home());
                    host.files().chown(u.home(), u.uid(), u.gid());
                }
            }
        } catch (SimFileException e) {
            Logger.warn("Cannot prepare the simulated file tree: {}", e.getMessage());
        }
    }

    /** Binds and starts accepting connections. */
    public synchronized void start() throws IOException {
        if (sshd != null) {
            throw new IllegalStateException("already started");
        }
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost(bindAddress);
        s.setPort(requestedPort);
        s.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        s.setChannelFactories(List.of(new SimChannelSession.Factory()));
        s.setPublickeyAuthenticator((user, key, session) -> {
            boolean ok = host.users().find(user).isPresent() && authorizedKeys.contains(key);
            if (!ok) {
                Logger.info("Refused public key for {} from {}", user, session.getClientAddress());
            }
            return ok;
        });
        if (host.users().anyHasPassword()) {
            // Both methods when a scenario gives a user a password, as a stock Solaris sshd does: password,
            // and keyboard-interactive with one "Password:" prompt (its PAM conversation).
            s.setPasswordAuthenticator(passwordAuthentication ? this::passwordMatches : null);
            s.setKeyboardInteractiveAuthenticator(new PasswordKeyboardInteractive(this::passwordMatches));
        } else {
            s.setPasswordAuthenticator(null);
            s.setKeyboardInteractiveAuthenticator(null);
        }
        s.setGSSAuthenticator(null);
        s.setHostBasedAuthenticator(null);
        s.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        s.setCommandFactory((channel, command) -> new SessionCommand(host, this, command));
        s.setShellFactory(channel -> new SessionCommand(host, this, null));
        // a real sshd has no idle timeout by default; the console may sit quietly on a long move
        CoreModuleProperties.IDLE_TIMEOUT.set(s, Duration.ZERO);
        s.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                session.setAttribute(CONNECTION_ID, "s" + connections.incrementAndGet());
            }
        });
        s.start();
        sshd = s;
        Logger.info("Simulated host {} listening on {}:{} ({})", host.hostname(), bindAddress, port(),
                hostKeyFingerprint());
    }

    private boolean passwordMatches(String user, String password, ServerSession session) {
        boolean ok = host.users().find(user).flatMap(SimUser::password)
                .map(hash -> PasswordHash.matches(password, hash)).orElse(false);
        if (!ok) {
            Logger.info("Refused password for {} from {}", user, session.getClientAddress());
        }
        return ok;
    }

    String connectionId(Session session) {
        String id = session.getAttribute(CONNECTION_ID);
        return id == null ? "s0" : id;
    }

    String allocateTty() {
        return "pts/" + ttys.incrementAndGet();
    }

    /** The bound port (the chosen one when port 0 was asked). */
    public int port() {
        if (sshd == null) {
            throw new IllegalStateException("not started");
        }
        SocketAddress a = sshd.getBoundAddresses().iterator().next();
        return a instanceof InetSocketAddress isa ? isa.getPort() : sshd.getPort();
    }

    public String bindAddress() {
        return bindAddress;
    }

    /** {@code SHA256:...} as ssh-keygen -l prints it. */
    public String hostKeyFingerprint() {
        return HostKeys.fingerprint(hostKey);
    }

    /** {@code ssh-ed25519 AAAA...}. */
    public String hostPublicKey() {
        return HostKeys.publicKeyLine(hostKey);
    }

    /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return "[" + bindAddress + "]:" + port() + " " + hostPublicKey();
    }

    public HostServices host() {
        return host;
    }

    public CommandRegistry registry() {
        return host.registry();
    }

    public SimProcessTable processes() {
        return host.processes();
    }

    public CommandAudit audit() {
        return host.audit();
    }

    public SimFileSystem files() {
        return host.files();
    }

    public SimClock clock() {
        return host.clock();
    }

    /**
     * Drops every SSH connection at once, as a network failure would: a fault the host model
     * schedules. Sessions get what a real host gives them (SIGHUP under a pty, SIGPIPE at the next
     * write without one); background jobs keep running.
     */
    public void dropAllConnections() {
        if (sshd == null) {
            return;
        }
        for (AbstractSession s : sshd.getActiveSessions()) {
            s.close(true);
        }
    }

    /** Number of open SSH connections. */
    public int connectionCount() {
        return sshd == null ? 0 : sshd.getActiveSessions().size();
    }

    /** Stops the server and every simulated process of the host. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (sshd != null) {
                sshd.stop(true);
            }
        } finally {
            host.executor().shutdownNow();
            if (ownsAudit) {
                host.audit().close();
            }
        }
    }

    /** Builder with the defaults of the issue: 127.0.0.1, any free port, the starting user's keys. */
    public static final class Builder {
        private String hostname = "kzhost1";
        private SimUsers users = SimUsers.defaults();
        private SimClock clock = new ScaledClock(Instant.now(), 1.0);
        private SimFileSystem files = new InMemoryFileSystem();
        private CommandRegistry registry = new CommandRegistry();
        private String bindAddress = "127.0.0.1";
        private int port;
        private Path hostKeyPath;
        private KeyPair hostKey;
        private AuthorizedKeys authorizedKeys;
        private CommandAudit audit;
        private Path auditFile;
        private boolean passwordAuthentication = true;

        private Builder() {
        }

        /**
         * sshd_config's {@code PasswordAuthentication} (default true). False leaves users with a
         * password only keyboard-interactive.
         */
        public Builder passwordAuthentication(boolean on) {
            this.passwordAuthentication = on;
            return this;
        }

        public Builder hostname(String name) {
            this.hostname = Objects.requireNonNull(name);
            return this;
        }

        public Builder users(SimUsers u) {
            this.users = Objects.requireNonNull(u);
            return this;
        }

        public Builder clock(SimClock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        public Builder files(SimFileSystem f) {
            this.files = Objects.requireNonNull(f);
            return this;
        }

        /** The commands of the host model; the shell's tools are added for the names left free. */
        public Builder registry(CommandRegistry r) {
            this.registry = Objects.requireNonNull(r);
            return this;
        }

        /** 127.0.0.1 unless told otherwise; binding elsewhere exposes the simulator to the network. */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address);
            return this;
        }

        /** 0 (the default) picks any free port; read it with {@link SimServer#port()}. */
        public Builder port(int p) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port " + p);
            }
            this.port = p;
            return this;
        }

        /** Where the host key lives; generated on first use. Without one the key is ephemeral. */
        public Builder hostKeyPath(Path path) {
            this.hostKeyPath = path;
            return this;
        }

        public Builder hostKey(KeyPair pair) {
            this.hostKey = pair;
            return this;
        }

        public Builder authorizedKeys(AuthorizedKeys keys) {
            this.authorizedKeys = keys;
            return this;
        }

        /** {@code --authorized-keys FILE}. */
        public Builder authorizedKeysFile(Path file) throws IOException {
            this.authorizedKeys = AuthorizedKeys.fromFile(file);
            return this;
        }

        /** An audit owned by the caller (tests read it in-process). */
        public Builder audit(CommandAudit a) {
            this.audit = a;
            return this;
        }

        /** {@code --audit FILE}: JSON lines appended to the file. */
        public Builder auditFile(Path file) {
            this.auditFile = file;
            return this;
        }

        public SimServer build() throws IOException, GeneralSecurityException {
            return new SimServer(this);
        }
    }
}
