package org.kzmove.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

import org.kzmove.inventory.RemoteShell;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.KnownHostsVerifier;
import org.kzmove.remote.ssh.SshAuth;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.remote.ssh.SshTarget;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.sim.ssh.HostKeys;

/**
 * A simulated host on 127.0.0.1 (any port) reached over real SSH with sshj: a client key held in
 * memory, a real known_hosts file listing the host's key, and the host's command audit to prove
 * what was (and was not) sent.
 */
public final class LiveHost implements AutoCloseable {
    public final SimulatedHost host;
    public final CommandAudit audit;
    public final KeyPair clientKey;
    public final KeyPair hostKey;
    public final Path knownHosts;
    public final Path dir;

    private LiveHost(Path dir, SimulatedHost.Options options, CommandAudit audit, KeyPair clientKey, KeyPair hostKey)
            throws Exception {
        this.dir = dir;
        this.audit = audit;
        this.clientKey = clientKey;
        this.hostKey = hostKey;
        this.host = SimulatedHost.start(options);
        this.knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, host.knownHostsLine() + "\n");
    }

    /** A host described by {@code src/test/resources/scenarios/NAME.json}. */
    public static LiveHost scenario(Path dir, String name) throws Exception {
        return start(dir, new SimulatedHost.Options().scenario(Path.of("src/test/resources/scenarios", name + ".json")));
    }

    /** A generated host with {@code zones} kernel zones. */
    public static LiveHost generated(Path dir, int zones) throws Exception {
        return start(dir, new SimulatedHost.Options().generatedZones(zones));
    }

    /** The demo host shipped with the application. */
    public static LiveHost demo(Path dir) throws Exception {
        return start(dir, new SimulatedHost.Options());
    }

    public static LiveHost start(Path dir, SimulatedHost.Options options) throws Exception {
        return start(dir, options, 0);
    }

    /** On a given port: a host "restarted" with a new key where the old one was. */
    public static LiveHost start(Path dir, SimulatedHost.Options options, int port) throws Exception {
        Files.createDirectories(dir);
        CommandAudit audit = new CommandAudit();
        KeyPair client = HostKeys.generate();
        KeyPair hostKey = HostKeys.generate();
        options.port(port).timeScale(1).hostKey(hostKey).authorizedKeys(new AuthorizedKeys(List.of(client.getPublic())))
                .audit(audit);
        return new LiveHost(dir, options, audit, client, hostKey);
    }

    public SshTarget target(String user) {
        return new SshTarget("127.0.0.1", host.port(), user);
    }

    /** A verifier that knows the host from {@link #knownHosts} and refuses anything else. */
    public KnownHostsVerifier verifier() {
        return new KnownHostsVerifier(List.of(knownHosts), dir.resolve("kzmove_known_hosts"), HostKeyTrust.REFUSE);
    }

    public SshConnection connect(String user) throws RemoteException {
        return SshConnection.open(target(user), List.of(new SshAuth.InMemoryKey(clientKey)), verifier(),
                SshConnection.Timeouts.DEFAULT);
    }

    public static RemoteShell shell(SshConnection connection) {
        return script -> connection.run(script.line());
    }

    /** Every command line the host received, in order. */
    public List<String> received() {
        return audit.texts();
    }

    @Override
    public void close() throws Exception {
        host.close();
    }
}
