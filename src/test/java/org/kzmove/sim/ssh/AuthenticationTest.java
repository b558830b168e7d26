package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may log in: authorised keys for any simulated user, passwords only where a scenario gives one. */
class AuthenticationTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir)) {
            Path other = dir.resolve("other_key");
            SimHostFixture.sshKeygen(other);
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(new OpenSSHKnownHosts(host.knownHosts.toFile()));
                ssh.connect("127.0.0.1", host.server.port());
                assertThatThrownBy(() -> ssh.authPublickey("root", ssh.loadKeys(other.toString())))
                        .isInstanceOf(UserAuthException.class);
            }
        }
    }

    @Test
    void anAuthorisedKeyIsRefusedForAUserTheHostDoesNotHave() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir)) {
            assertThatThrownBy(() -> host.connect("nobody")).isInstanceOf(UserAuthException.class);
        }
    }

    @Test
    void theKeyAuthorisesThePersonWhoChoosesTheSimulatedUser() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir)) {
            assertThat(host.exec("root", "whoami").out()).isEqualTo("root\n");
            assertThat(host.exec("kzadmin", "whoami").out()).isEqualTo("kzadmin\n");
            assertThat(host.exec("operator1", "whoami").out()).isEqualTo("operator1\n");
        }
    }

    @Test
    void passwordLoginWorksOnlyForAUserGivenAPassword() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir,
                SimHostFixture.usersWithPassword("pwuser", "s3cret-pw".toCharArray()))) {
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(new OpenSSHKnownHosts(host.knownHosts.toFile()));
                ssh.connect("127.0.0.1", host.server.port());
                ssh.authPassword("pwuser", "s3cret-pw");
                assertThat(SimHostFixture.exec(ssh, "id").out()).isEqualTo("uid=103(pwuser) gid=10(staff)\n");
            }
            for (String[] attempt : List.of(new String[] {"pwuser", "wrong"}, new String[] {"kzadmin", "s3cret-pw"})) {
                try (SSHClient ssh = new SSHClient()) {
                    ssh.addHostKeyVerifier(new OpenSSHKnownHosts(host.knownHosts.toFile()));
                    ssh.connect("127.0.0.1", host.server.port());
                    assertThatThrownBy(() -> ssh.authPassword(attempt[0], attempt[1]))
                            .isInstanceOf(UserAuthException.class);
                }
            }
        }
    }

    @Test
    void withoutPasswordUsersPasswordAuthenticationIsNotOffered() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir); SSHClient ssh = new SSHClient()) {
            ssh.addHostKeyVerifier(new OpenSSHKnownHosts(host.knownHosts.toFile()));
            ssh.connect("127.0.0.1", host.server.port());
            assertThatThrownBy(() -> ssh.authPassword("root", "")).isInstanceOf(UserAuthException.class);
        }
    }

    @Test
    void aKeyGeneratedWithMinaKeyUtilsAuthenticates() throws Exception {
        KeyPair client = HostKeys.generate();
        try (SimServer server = SimServer.builder().authorizedKeys(new AuthorizedKeys(List.of(client.getPublic())))
                .build()) {
            server.start();
            Path knownHosts = dir.resolve("kh");
            Files.writeString(knownHosts, server.knownHostsLine() + "\n");
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
                ssh.connect("127.0.0.1", server.port());
                ssh.authPublickey("kzadmin", new KeyPairWrapper(client));
                assertThat(SimHostFixture.exec(ssh, "hostname").out()).isEqualTo("kzhost1\n");
            }
        }
    }

    @Test
    void aChangedHostKeyIsRefusedByTheClient() throws Exception {
        try (SimHostFixture host = new SimHostFixture(dir)) {
            KeyPair impostor = HostKeys.generate();
            Path knownHosts = dir.resolve("kh_wrong");
            Files.writeString(knownHosts, "[127.0.0.1]:" + host.server.port() + " " + HostKeys.publicKeyLine(impostor) + "\n");
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
                assertThatThrownBy(() -> ssh.connect("127.0.0.1", host.server.port()))
                        .isInstanceOf(TransportException.class);
            }
        }
    }

    @Test
    void theHostKeyPersistsAcrossRestartsAndMatchesSshKeygen() throws Exception {
        Path keyFile = dir.resolve("state/host_ed25519");
        String first;
        try (SimServer s = SimServer.builder().hostKeyPath(keyFile).build()) {
            s.start();
            first = s.hostKeyFingerprint();
        }
        try (SimServer s = SimServer.builder().hostKeyPath(keyFile).build()) {
            s.start();
            assertThat(s.hostKeyFingerprint()).isEqualTo(first);
        }
        assertThat(first).matches("SHA256:[A-Za-z0-9+/]{43}");
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-f", keyFile.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains(first).contains("ED25519");
    }

    @Test
    void theServerBindsTheLoopbackByDefault() throws Exception {
        try (SimServer s = SimServer.builder().build()) {
            s.start();
            assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
            assertThat(s.port()).isPositive();
        }
    }
}
