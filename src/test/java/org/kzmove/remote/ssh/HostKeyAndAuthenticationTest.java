package org.kzmove.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.shell.PasswordHash;
import org.kzmove.sim.ssh.HostKeys;
import org.kzmove.testsupport.LiveHost;

/** Host keys, credentials and connection failures of {@link SshConnection#open} against the simulated host. */
class HostKeyAndAuthenticationTest {
    @TempDir
    Path dir;
    LiveHost live;
    Path userKnownHosts;
    Path ownKnownHosts;
    final List<HostKeyTrust.PresentedHostKey> asked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        live = LiveHost.demo(dir);
        userKnownHosts = dir.resolve("user_known_hosts");
        ownKnownHosts = dir.resolve("kzmove/known_hosts");
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    KnownHostsVerifier verifier(boolean answer) {
        return new KnownHostsVerifier(List.of(userKnownHosts), ownKnownHosts, key -> {
            asked.add(key);
            return answer;
        });
    }

    SshConnection open(String user, KnownHostsVerifier verifier) throws RemoteException {
        return SshConnection.open(live.target(user), List.of(new SshAuth.InMemoryKey(live.clientKey)), verifier,
                SshConnection.Timeouts.DEFAULT);
    }

    @Test
    void unknownKeyIsShownWithItsSha256FingerprintAndRememberedWhenTrusted() throws Exception {
        try (SshConnection c = open("root", verifier(true))) {
            assertThat(c.run("hostname").stdout()).isEqualTo("sol-kzhost01\n");
        }
        assertThat(asked).singleElement().satisfies(key -> {
            assertThat(key.fingerprint()).startsWith("SHA256:").isEqualTo(live.host.hostKeyFingerprint());
            assertThat(key.hostEntry()).isEqualTo("[127.0.0.1]:" + live.host.port());
            assertThat(key.keyType()).isEqualTo("ssh-ed25519");
        });
        assertThat(Files.readString(ownKnownHosts)).contains("[127.0.0.1]:" + live.host.port() + " ssh-ed25519 ");
        assertThat(userKnownHosts).doesNotExist();

        asked.clear();
        try (SshConnection again = open("root", verifier(false))) {
            assertThat(again.isConnected()).isTrue();
        }
        assertThat(asked).as("the remembered key needs no question").isEmpty();
    }

    @Test
    void refusedUnknownKeyFailsAsUnknownAndSendsNothing() {
        assertThatThrownBy(() -> open("root", verifier(false))).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_UNKNOWN);
            assertThat(e.getMessage()).contains(live.host.hostKeyFingerprint());
        });
        assertThat(live.received()).isEmpty();
        assertThat(ownKnownHosts).doesNotExist();
    }

    @Test
    void changedKeyIsRefusedWithoutAskingAndSendsNothing() throws Exception {
        String impostor = HostKeys.publicKeyLine(HostKeys.generate());
        Files.writeString(userKnownHosts, "[127.0.0.1]:" + live.host.port() + " " + impostor + "\n");

        assertThatThrownBy(() -> open("root", verifier(true))).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_CHANGED);
            assertThat(e.getMessage()).contains("CHANGED", live.host.hostKeyFingerprint());
        });
        assertThat(asked).isEmpty();
        assertThat(live.received()).isEmpty();
        assertThat(ownKnownHosts).doesNotExist();
    }

    @Test
    void hostRestartedWithAnotherKeyOnTheSamePortIsRefused() throws Exception {
        try (SshConnection c = open("root", verifier(true))) {
            assertThat(c.isConnected()).isTrue();
        }
        int port = live.host.port();
        live.close();
        live = LiveHost.start(dir.resolve("second"), new SimulatedHost.Options(), port);
        asked.clear();

        assertThatThrownBy(() -> open("root", verifier(true))).isInstanceOfSatisfying(RemoteException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_CHANGED));
        assertThat(asked).isEmpty();
        assertThat(live.received()).isEmpty();
    }

    @Test
    void closedPortIsUnreachableWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SshTarget nowhere = new SshTarget("127.0.0.1", port, "root");

        assertThatThrownBy(() -> SshConnection.open(nowhere, List.of(new SshAuth.InMemoryKey(live.clientKey)),
                verifier(true), SshConnection.Timeouts.DEFAULT)).isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
                    assertThat(e.getMessage()).startsWith("Cannot connect to 127.0.0.1 port " + port);
                });
    }

    @Test
    void unknownKeyOrUserFailsAuthentication() throws Exception {
        Files.writeString(userKnownHosts, live.host.knownHostsLine() + "\n");
        SshAuth stranger = new SshAuth.InMemoryKey(HostKeys.generate());

        assertThatThrownBy(() -> SshConnection.open(live.target("root"), List.of(stranger), verifier(false),
                SshConnection.Timeouts.DEFAULT)).isInstanceOfSatisfying(RemoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
        assertThatThrownBy(() -> open("nobody", verifier(false))).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
            assertThat(e.getMessage()).contains("'nobody'");
        });
        assertThat(live.received()).isEmpty();
    }

    @Test
    void passwordLogsInAndIsWipedAfterwards() throws Exception {
        live.close();
        live = withPasswordUser(dir, "ann", "correct horse");
        Files.writeString(userKnownHosts, live.host.knownHostsLine() + "\n");
        char[] given = "correct horse".toCharArray();

        try (SshConnection c = SshConnection.open(live.target("ann"), List.of(new SshAuth.Password(what -> given)),
                verifier(false), SshConnection.Timeouts.DEFAULT)) {
            assertThat(c.run("id -un").stdout()).isEqualTo("ann\n");
        }
        assertThat(given).containsOnly('\0');
    }

    @Test
    void wrongPasswordFailsAuthenticationAndIsWiped() throws Exception {
        live.close();
        live = withPasswordUser(dir, "ann", "correct horse");
        Files.writeString(userKnownHosts, live.host.knownHostsLine() + "\n");
        char[] given = "battery staple".toCharArray();

        assertThatThrownBy(() -> SshConnection.open(live.target("ann"), List.of(new SshAuth.Password(what -> given)),
                verifier(false), SshConnection.Timeouts.DEFAULT)).isInstanceOfSatisfying(RemoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
        assertThat(given).containsOnly('\0');
    }

    static LiveHost withPasswordUser(Path dir, String user, String password) throws Exception {
        String hash = PasswordHash.hash(password.toCharArray(), 1000);
        Path scenario = dir.resolve("password.json");
        Files.writeString(scenario, """
                { "hostname": "kzpw01",
                  "users": [ { "name": "%s", "uid": 120, "passwordHash": "%s" } ],
                  "zones": [] }
                """.formatted(user, hash));
        return LiveHost.start(dir, new SimulatedHost.Options().scenario(scenario));
    }
}
