package org.kzmove.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.ui.hosts.HostInventorySource;
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
public final class DemoHost implements HostInventorySource, AutoCloseable {
    public static final String NAME = "Demo host";
    /** Simulated seconds per real second: the demo's moves take a minute or two. */
    public static final double TIME_SCALE = 30;
    /** The demo scenario's administrator (Zone Management profile, sudoer). */
    static final String USER = "kzadmin";

    private final KzmovePaths paths;
    private final double timeScale;
    private SimulatedHost host;
    private SshConnection connection;
    private volatile String address = "127.0.0.1, in-process (not started)";

    public DemoHost(KzmovePaths paths, double timeScale) {
        this.paths = paths;
        this.timeScale = timeScale;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return address;
    }

    /** Starts the host and connects on first use; reconnects when the connection was lost. */
    @Override
    public synchronized HostInventory load() throws IOException, RemoteException {
        SshConnection c = connect();
        try {
            return new InventoryService(Privilege.PFEXEC).load(NAME, script -> c.run(script.line()));
        } catch (RemoteException e) {
            // The next load reconnects (the demo scenario may drop connections on purpose).
            if (!c.isConnected()) {
                closeConnection();
            }
            throw e;
        }
    }

    private SshConnection connect() throws IOException, RemoteException {
        if (host == null) {
            KeyPair clientKey = loadOrCreateClientKey(paths.demoClientKey());
            try {
                host = SimulatedHost.start(new SimulatedHost.Options()
                        .bindAddress("127.0.0.1")
                        .port(0)
                        .timeScale(timeScale)
                        .hostKeyFile(paths.simulatorHostKey())
                        .authorizedKeys(new AuthorizedKeys(List.of(clientKey.getPublic()))));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot start the Demo host: its host key is unusable: " + e.getMessage(), e);
            }
            Path knownHosts = knownHostsFile();
            Files.createDirectories(knownHosts.getParent());
            Files.writeString(knownHosts, host.knownHostsLine() + "\n");
            address = USER + "@127.0.0.1:" + host.port();
            Logger.info("Demo host started on 127.0.0.1:{} (host key {}), time scale {}", host.port(),
                    host.hostKeyFingerprint(), timeScale);
        }
        if (connection == null || !connection.isConnected()) {
            closeConnection();
            KeyPair clientKey = loadOrCreateClientKey(paths.demoClientKey());
            KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(knownHostsFile()), knownHostsFile(),
                    HostKeyTrust.REFUSE);
            connection = SshConnection.open(new SshTarget("127.0.0.1", host.port(), USER),
                    List.of(new SshAuth.InMemoryKey(clientKey)), verifier, SshConnection.Timeouts.DEFAULT);
        }
        return connection;
    }

    /** The known_hosts listing only the Demo host (rewritten at each start: the port changes). */
    public Path knownHostsFile() {
        return paths.demoClientKey().resolveSibling("demo_known_hosts");
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

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Disconnects and stops the simulated host (moves in it stop with it: it lives in this process). */
    @Override
    public synchronized void close() {
        closeConnection();
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
