package org.kzmove.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.shell.PasswordHash;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
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
    void revokedKeyIsRefusedEvenWhereAnotherLineTrustsIt() throws Exception {
        String line = live.host.knownHostsLine();
        // Trusted first in the same file (sshj alone: first match wins) and again in kzmove's own file.
        Files.writeString(userKnownHosts, line + "\n@revoked " + line + "\n");
        Files.createDirectories(ownKnownHosts.getParent());
        Files.writeString(ownKnownHosts, line + "\n");

        assertThatThrownBy(() -> open("root", verifier(true))).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_REVOKED);
            assertThat(e.getMessage()).contains("REVOKED", "@revoked in " + userKnownHosts + " line 2",
                    live.host.hostKeyFingerprint()).doesNotContain("CHANGED");
        });
        assertThat(asked).isEmpty();
        assertThat(live.received()).isEmpty();
    }

    @Test
    void onlyARevokedLineIsRefusedAsRevokedNotChanged() throws Exception {
        Files.createDirectories(ownKnownHosts.getParent());
        Files.writeString(ownKnownHosts, "# kzmove\n@revoked " + live.host.knownHostsLine() + " stolen\n");

        assertThatThrownBy(() -> open("root", verifier(true))).isInstanceOfSatisfying(RemoteException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_REVOKED);
            assertThat(e.getMessage()).contains("REVOKED", "@revoked in " + ownKnownHosts + " line 2")
                    .doesNotContain("CHANGED");
        });
        assertThat(asked).as("a revoked key is never offered for trust").isEmpty();
        assertThat(live.received()).isEmpty();
        assertThat(Files.readAllLines(ownKnownHosts)).hasSize(2);
    }

    @Test
    void revokedLineOfAnotherKeyDoesNotRefuseTheListedKey() throws Exception {
        String old = HostKeys.publicKeyLine(HostKeys.generate());
        Files.writeString(userKnownHosts, "@revoked [127.0.0.1]:" + live.host.port() + " " + old + "\n"
                + live.host.knownHostsLine() + "\n");

        try (SshConnection c = open("root", verifier(false))) {
            assertThat(c.isConnected()).isTrue();
        }
    }

    @Test
    void newKeyTrustedIntoAFileWithoutFinalNewlineStartsOnItsOwnLine() throws Exception {
        String other = "kzother01 " + HostKeys.publicKeyLine(HostKeys.generate());
        Files.createDirectories(ownKnownHosts.getParent());
        Files.writeString(ownKnownHosts, other); // cut short: no final newline

        try (SshConnection c = open("root", verifier(true))) {
            assertThat(c.isConnected()).isTrue();
        }
        List<String> lines = Files.readAllLines(ownKnownHosts);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(other);
        assertThat(lines.get(1)).startsWith("[127.0.0.1]:" + live.host.port() + " ssh-ed25519 ");
        assertThat(new OpenSSHKnownHosts(ownKnownHosts.toFile()).entries())
                .extracting(OpenSSHKnownHosts.KnownHostEntry::getLine).containsExactly(lines.get(0), lines.get(1));

        asked.clear();
        try (SshConnection again = open("root", verifier(false))) {
            assertThat(again.isConnected()).isTrue();
        }
        assertThat(asked).as("the appended key verifies").isEmpty();
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

    @Test
    void keyboardInteractiveAnswerIsWipedAfterLogin() throws Exception {
        live.close();
        live = withPasswordUser(dir, "ann", "correct horse", false);
        Files.writeString(userKnownHosts, live.host.knownHostsLine() + "\n");
        List<char[]> handedOut = new CopyOnWriteArrayList<>();
        List<Thread> askedOn = new CopyOnWriteArrayList<>();
        SecretPrompt keepsReferences = what -> {
            char[] answer = "correct horse".toCharArray();
            handedOut.add(answer);
            askedOn.add(Thread.currentThread());
            return answer;
        };

        try (SshConnection c = SshConnection.open(live.target("ann"), List.of(new SshAuth.Password(keepsReferences)),
                verifier(false), SshConnection.Timeouts.DEFAULT)) {
            assertThat(c.run("id -un").stdout()).isEqualTo("ann\n");
        }
        assertThat(askedOn).as("sshj asks keyboard-interactive answers on its reader thread")
                .anySatisfy(t -> assertThat(t).isNotSameAs(Thread.currentThread()));
        assertThat(handedOut).isNotEmpty().allSatisfy(a -> assertThat(a).containsOnly('\0'));
    }

    @Test
    void wrongKeyboardInteractiveAnswerFailsAuthenticationAndIsWiped() throws Exception {
        live.close();
        live = withPasswordUser(dir, "ann", "correct horse", false);
        Files.writeString(userKnownHosts, live.host.knownHostsLine() + "\n");
        List<char[]> handedOut = new CopyOnWriteArrayList<>();
        SecretPrompt keepsReferences = what -> {
            char[] answer = "battery staple".toCharArray();
            handedOut.add(answer);
            return answer;
        };

        assertThatThrownBy(() -> SshConnection.open(live.target("ann"), List.of(new SshAuth.Password(keepsReferences)),
                verifier(false), SshConnection.Timeouts.DEFAULT)).isInstanceOfSatisfying(RemoteException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION));
        assertThat(handedOut).isNotEmpty().allSatisfy(a -> assertThat(a).containsOnly('\0'));
    }

    static LiveHost withPasswordUser(Path dir, String user, String password) throws Exception {
        return withPasswordUser(dir, user, password, true);
    }

    /** {@code passwordAuthentication} false: the host offers keyboard-interactive only, as a PAM-only sshd. */
    static LiveHost withPasswordUser(Path dir, String user, String password, boolean passwordAuthentication)
            throws Exception {
        String hash = PasswordHash.hash(password.toCharArray(), 1000);
        Path scenario = dir.resolve("password.json");
        Files.writeString(scenario, """
                { "hostname": "kzpw01",
                  "users": [ { "name": "%s", "uid": 120, "passwordHash": "%s" } ],
                  "zones": [] }
                """.formatted(user, hash));
        return LiveHost.start(dir,
                new SimulatedHost.Options().scenario(scenario).passwordAuthentication(passwordAuthentication));
    }
}
