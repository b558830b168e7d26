package org.kzmove.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.inventory.HostInventory;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.RemoteException.Reason;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.profile.HostProfile;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.shell.PasswordHash;
import org.kzmove.testsupport.LiveHost;
import org.kzmove.ui.common.RecordingDialogService;

/** A saved host profile against the simulated host over real SSH: host keys, key files and passwords. */
class ProfileHostTest {
    @TempDir
    Path dir;

    LiveHost live;
    KzmovePaths paths;
    ConsoleServices services;
    Path userKnownHosts;
    final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void start() throws Exception {
        live = LiveHost.demo(dir.resolve("host"));
        paths = new KzmovePaths(dir.resolve("config"), dir.resolve("data"));
        services = new ConsoleServices(paths, Clock.systemUTC());
        // Stands in for ~/.ssh/known_hosts: read, never written.
        userKnownHosts = dir.resolve("home/.ssh/known_hosts");
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
        live.close();
    }

    private ProfileHost keyFileHost() throws Exception {
        Path key = dir.resolve("id_ed25519");
        if (!Files.exists(key)) {
            try (OutputStream out = Files.newOutputStream(key)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(live.clientKey, "test", null, out);
            }
        }
        return new ProfileHost(new HostProfile("sol01", "127.0.0.1", live.host.port(), "kzadmin", key.toString(),
                Privilege.PFEXEC), services, dialogs, userKnownHosts);
    }

    private ProfileHost passwordHost(String user) {
        return new ProfileHost(new HostProfile("solpw", "127.0.0.1", live.host.port(), user, null, Privilege.PFEXEC),
                services, dialogs, userKnownHosts);
    }

    @Test
    void anUnknownKeyIsAskedWithItsFingerprintAndRememberedOnlyInKzmovesKnownHosts() throws Exception {
        dialogs.trustKeys(true);
        try (ProfileHost host = keyFileHost()) {
            HostInventory inventory = host.load();

            assertThat(inventory.zones()).extracting(z -> z.zone().name()).contains("web01", "db01");
            assertThat(host.address()).isEqualTo("kzadmin@127.0.0.1:" + live.host.port());
        }
        assertThat(dialogs.keysAsked()).singleElement().satisfies(key -> {
            assertThat(key.fingerprint()).isEqualTo(live.host.hostKeyFingerprint());
            assertThat(key.hostEntry()).isEqualTo("[127.0.0.1]:" + live.host.port());
        });
        assertThat(Files.readString(paths.knownHosts())).startsWith("[127.0.0.1]:" + live.host.port() + " ssh-ed25519 ");
        assertThat(userKnownHosts).doesNotExist();

        dialogs.trustKeys(false);
        try (ProfileHost again = keyFileHost()) {
            assertThat(again.load().zones()).isNotEmpty();
        }
        assertThat(dialogs.keysAsked()).as("a remembered key is not asked about again").hasSize(1);
    }

    @Test
    void aKeyListedInTheUsersKnownHostsIsTrustedWithoutAsking() throws Exception {
        Files.createDirectories(userKnownHosts.getParent());
        Files.writeString(userKnownHosts, live.host.knownHostsLine() + "\n");
        String before = Files.readString(userKnownHosts);

        try (ProfileHost host = keyFileHost()) {
            assertThat(host.load().zones()).isNotEmpty();
        }
        assertThat(dialogs.keysAsked()).isEmpty();
        assertThat(Files.readString(userKnownHosts)).isEqualTo(before);
        assertThat(paths.knownHosts()).doesNotExist();
    }

    @Test
    void aRefusedKeyFailsClearlyAndWritesNothing() throws Exception {
        dialogs.trustKeys(false);
        try (ProfileHost host = keyFileHost()) {
            assertThatThrownBy(host::load).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_UNKNOWN);
                assertThat(e.getMessage()).contains(live.host.hostKeyFingerprint(), "not known and was not trusted");
            });
        }
        assertThat(dialogs.keysAsked()).hasSize(1);
        assertThat(paths.knownHosts()).doesNotExist();
        assertThat(userKnownHosts).doesNotExist();
        assertThat(live.received()).isEmpty();
    }

    @Test
    void aChangedKeyIsRefusedWithTheNewFingerprintAndTheLineToCheck() throws Exception {
        dialogs.trustKeys(true);
        try (ProfileHost host = keyFileHost()) {
            host.load();
        }
        int port = live.host.port();
        live.close();
        live = LiveHost.start(dir.resolve("reinstalled"), new SimulatedHost.Options(), port);
        String recorded = Files.readString(paths.knownHosts());

        try (ProfileHost host = keyFileHost()) {
            assertThatThrownBy(host::load).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.HOST_KEY_CHANGED);
                assertThat(e.getMessage()).contains("has CHANGED", live.host.hostKeyFingerprint(),
                        paths.knownHosts() + " line 1",
                        "ssh-keygen -R '[127.0.0.1]:" + port + "' -f " + paths.knownHosts());
            });
        }
        assertThat(dialogs.keysAsked()).as("a changed key is never offered for trust").hasSize(1);
        assertThat(Files.readString(paths.knownHosts())).isEqualTo(recorded);
        assertThat(live.received()).isEmpty();
    }

    @Test
    void aPasswordIsAskedKeptInMemoryForReconnectsAndWipedOnClose() throws Exception {
        restartWithPasswordUser("ann", "correct horse");
        dialogs.trustKeys(true).secret("correct horse");
        ProfileHost host = passwordHost("ann");
        try {
            assertThat(host.load().release()).isNotNull();
            assertThat(host.holdsSecret()).isTrue();
        } finally {
            host.close();
        }
        assertThat(host.holdsSecret()).isFalse();
        assertThat(live.received()).isNotEmpty();
    }

    @Test
    void aDroppedConnectionIsReopenedWithTheRememberedPasswordWithoutAskingAgain() throws Exception {
        restartWithPasswordUser("ann", "correct horse");
        int[] asked = {0};
        RecordingDialogService answers = dialogs.trustKeys(true).secret("correct horse");
        org.kzmove.ui.common.DialogService counting = new org.kzmove.ui.common.DialogService() {
            @Override
            public void showError(String title, String message) {
                answers.showError(title, message);
            }

            @Override
            public void notify(String title, String message, boolean problem) {
                answers.notify(title, message, problem);
            }

            @Override
            public boolean confirm(String title, String message, String confirmLabel, String keepLabel) {
                return answers.confirm(title, message, confirmLabel, keepLabel);
            }

            @Override
            public boolean trustHostKey(String hostName, org.kzmove.remote.ssh.HostKeyTrust.PresentedHostKey key) {
                return answers.trustHostKey(hostName, key);
            }

            @Override
            public java.util.Optional<char[]> askSecret(String title, String prompt) {
                asked[0]++;
                return answers.askSecret(title, prompt);
            }
        };
        try (ProfileHost host = new ProfileHost(new HostProfile("solpw", "127.0.0.1", live.host.port(), "ann", null,
                Privilege.PFEXEC), services, counting, userKnownHosts)) {
            host.load();
            int before = live.received().size();

            live.host.server().dropAllConnections();
            host.load();

            assertThat(live.received().size()).as("the second read reached the host").isGreaterThan(before);
            assertThat(asked[0]).as("the password was asked once").isEqualTo(1);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndForgotten() throws Exception {
        restartWithPasswordUser("ann", "correct horse");
        dialogs.trustKeys(true).secret("battery staple");
        try (ProfileHost host = passwordHost("ann")) {
            assertThatThrownBy(host::load).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.AUTHENTICATION);
                assertThat(e.getMessage()).contains("'ann'");
            });
            assertThat(host.holdsSecret()).isFalse();
        }
    }

    @Test
    void aCancelledPasswordDialogSaysSo() throws Exception {
        restartWithPasswordUser("ann", "correct horse");
        dialogs.trustKeys(true).secret(null);
        try (ProfileHost host = passwordHost("ann")) {
            assertThatThrownBy(host::load).isInstanceOfSatisfying(RemoteException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Not connected to solpw: no password was given."));
        }
    }

    @Test
    void hashedAndPlainKnownHostsLinesAreFound() throws Exception {
        Path file = dir.resolve("known_hosts");
        // "|1|salt|hash" for [127.0.0.1]:2222, made with ssh-keygen -H's algorithm (HMAC-SHA1 over the entry).
        byte[] salt = new byte[20];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        String hashed = "|1|" + java.util.Base64.getEncoder().encodeToString(salt) + "|"
                + java.util.Base64.getEncoder().encodeToString(mac.doFinal("[127.0.0.1]:2222".getBytes()));
        Files.writeString(file, "# comment\nother ssh-ed25519 AAAA\n" + hashed + " ssh-ed25519 AAAA\n"
                + "a,[127.0.0.1]:2222 ssh-rsa AAAA\n");

        assertThat(ProfileHost.linesListing(file, "[127.0.0.1]:2222")).containsExactly(3, 4);
        assertThat(ProfileHost.linesListing(file, "[127.0.0.1]:22")).isEmpty();
    }

    private void restartWithPasswordUser(String user, String password) throws Exception {
        live.close();
        Path scenario = dir.resolve("password.json");
        Files.writeString(scenario, """
                { "hostname": "kzpw01",
                  "users": [ { "name": "%s", "uid": 120, "profiles": ["Zone Management"],
                               "passwordHash": "%s" } ],
                  "zones": [] }
                """.formatted(user, PasswordHash.hash(password.toCharArray(), 1000)));
        live = LiveHost.start(dir.resolve("pw"), new SimulatedHost.Options().scenario(scenario));
    }
}
