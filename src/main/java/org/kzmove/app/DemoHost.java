package org.kzmove.app;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.kzmove.console.ConsoleHost;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.console.SessionHost;
import org.kzmove.inventory.HostInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.precheck.PrecheckReport;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.solaris.InvalidValueException;
import org.tinylog.Logger;

/**
 * The console's Demo host: the simulated Solaris host with the demo scenario, started in-process
 * on 127.0.0.1 (any free port) on first use and reached over real SSH like any other host.
 *
 * <p>kzmove logs in with a key pair of its own, generated once and kept in OpenSSH format under
 * {@link KzmovePaths#demoClientKey()} (mode 600), so the Demo host's audit shows one stable key
 * across restarts. The host key is the simulator's persistent one; it is trusted by writing the
 * host's known_hosts line to a known_hosts file used for the Demo host only
 * ({@link #knownHostsFile()}), never to the user's or kzmove's own known_hosts: the port changes
 * at each start, and trusting a loopback port for real hosts would be wrong.
 */
public final class DemoHost implements ConsoleHost {
    public static final String NAME = "Demo host";
    /** Simulated seconds per real second: the demo's moves take a minute or two. */
    public static final double TIME_SCALE = 30;
    /** The demo scenario's administrator (Zone Management profile, sudoer). */
    static final String USER = "kzadmin";

    private final ConsoleServices services;
    private final double timeScale;
    private final UnaryOperator<SimulatedHost.Options> scenario;
    private SimulatedHost host;
    private SessionHost session;
    private volatile String address = "127.0.0.1, in-process (not started)";

    public DemoHost(ConsoleServices services, double timeScale) {
        this(services, timeScale, UnaryOperator.identity());
    }

    /**
     * A Demo host with another scenario, for benchmarks and tests (e.g. {@code o -> o.generatedZones(40)});
     * the console itself always uses the demo scenario.
     */
    public DemoHost(ConsoleServices services, double timeScale, UnaryOperator<SimulatedHost.Options> scenario) {
        this.services = services;
        this.timeScale = timeScale;
        this.scenario = scenario;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Privilege privilege() {
        return Privilege.PFEXEC;
    }

    @Override
    public boolean isDemo() {
        return true;
    }

    @Override
    public HostInventory load() throws IOException, RemoteException {
        return started().load();
    }

    @Override
    public List<FreeStorage> freeStorage(HostInventory known) throws IOException, RemoteException {
        return started().freeStorage(known);
    }

    @Override
    public PrecheckReport precheck(MoveRequest request) throws IOException, RemoteException, InvalidValueException {
        return started().precheck(request);
    }

    @Override
    public MoveJob startMove(MoveRequest request, MoveListener listener)
            throws IOException, RemoteException, InvalidValueException {
        return started().startMove(request, listener);
    }

    @Override
    public List<MoveJob> reattach(MoveListener listener) throws IOException, RemoteException {
        return started().reattach(listener);
    }

    @Override
    public List<JobRecord> jobHistory() throws IOException {
        return started().jobHistory();
    }

    /** The simulated host, started on first use (tests drive its faults and read its state). */
    public synchronized SimulatedHost simulatedHost() throws IOException {
        started();
        return host;
    }

    /**
     * Starts the simulated host and its session on first use. The port of the previous start is tried
     * first, so the job records of earlier Demo-host moves still name this host.
     */
    private synchronized SessionHost started() throws IOException {
        if (session != null) {
            return session;
        }
        KzmovePaths paths = services.paths();
        KeyPair clientKey = loadOrCreateClientKey(paths.demoClientKey());
        host = startSimulator(clientKey, previousPort());
        Path knownHosts = knownHostsFile();
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, host.knownHostsLine() + "\n");
        Files.writeString(portFile(), Integer.toString(host.port()));
        address = USER + "@127.0.0.1:" + host.port();
        Logger.info("Demo host started on 127.0.0.1:{} (host key {}), time scale {}", host.port(),
                host.hostKeyFingerprint(), timeScale);
        SshTarget target = new SshTarget("127.0.0.1", host.port(), USER);
        session = services.host(NAME, target, () -> {
            KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(knownHosts), knownHosts, HostKeyTrust.REFUSE);
            return SshConnection.open(target, List.of(new SshAuth.InMemoryKey(clientKey)), verifier,
                    SshConnection.Timeouts.DEFAULT);
        }, Privilege.PFEXEC, timeScale);
        return session;
    }

    private SimulatedHost startSimulator(KeyPair clientKey, int port) throws IOException {
        try {
            return SimulatedHost.start(options(clientKey, port));
        } catch (BindException e) {
            Logger.info("Port {} of the previous Demo host is taken; using another", port);
            return startAnyPort(clientKey);
        } catch (IOException e) {
            if (port != 0 && e.getCause() instanceof BindException) {
                return startAnyPort(clientKey);
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start the Demo host: its host key is unusable: " + e.getMessage(), e);
        }
    }

    private SimulatedHost startAnyPort(KeyPair clientKey) throws IOException {
        try {
            return SimulatedHost.start(options(clientKey, 0));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot start the Demo host: its host key is unusable: " + e.getMessage(), e);
        }
    }

    private SimulatedHost.Options options(KeyPair clientKey, int port) {
        return scenario.apply(new SimulatedHost.Options())
                .bindAddress("127.0.0.1")
                .port(port)
                .timeScale(timeScale)
                .hostKeyFile(services.paths().simulatorHostKey())
                .authorizedKeys(new AuthorizedKeys(List.of(clientKey.getPublic())));
    }

    private int previousPort() {
        try {
            return Files.exists(portFile()) ? Integer.parseInt(Files.readString(portFile()).strip()) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private Path portFile() {
        return services.paths().demoClientKey().resolveSibling("demo_port");
    }

    /** The known_hosts listing only the Demo host (rewritten at each start: the port changes). */
    public Path knownHostsFile() {
        return services.paths().demoClientKey().resolveSibling("demo_known_hosts");
    }

    /** The OpenSSH private key at {@code file}, or a new ed25519 pair written there (mode 600). */
    static KeyPair loadOrCreateClientKey(Path file) throws IOException {
        try {
            if (Files.exists(file)) {
                Iterator<KeyPair> keys = new FileKeyPairProvider(file).loadKeys(null).iterator();
                if (!keys.hasNext()) {
                    throw new IOException("no key pair in the Demo host's client key " + file
                            + "; delete it and kzmove makes a new one");
                }
                return keys.next();
            }
            // MINA's generator: MINA cannot encode the JDK's own Ed25519 keys.
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                restrictToOwner(file);
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "kzmove demo client", null, out);
            }
            Logger.info("Generated the Demo host's client key {} ({})", file, KeyUtils.getFingerPrint(pair.getPublic()));
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read or make the Demo host's client key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            Logger.debug("cannot restrict permissions of {}: {}", file, e.getMessage());
        }
    }

    /** Disconnects and stops the simulated host (moves in it stop with it: it lives in this process). */
    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
        if (host != null) {
            try {
                host.close();
            } catch (IOException e) {
                Logger.warn(e, "Demo host did not stop cleanly");
            }
            host = null;
        }
    }
}
