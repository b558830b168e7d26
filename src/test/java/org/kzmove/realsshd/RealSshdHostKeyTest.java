package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.SshConnection;

/** A real sshd that comes back with a new host key (reinstalled, or someone in between) is refused. */
class RealSshdHostKeyTest {

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void aChangedHostKeyIsRefusedNamingTheNewFingerprint(User user) throws Exception {
        try (RealSshdHost host = RealSshdHost.start()) {
            try (SshConnection c = host.connect(user)) {
                assertThat(c.run("echo $USER").stdout()).isEqualTo(user.name() + "\n");
            }
            String before = host.hostKeyFingerprint();

            host.regenerateHostKeyAndRestart();
            String after = host.hostKeyFingerprint();

            assertThat(after).isNotEqualTo(before).startsWith("SHA256:");
            assertThatThrownBy(() -> host.connect(user)).isInstanceOfSatisfying(RemoteException.class, e -> {
                assertThat(e.reason()).isEqualTo(RemoteException.Reason.HOST_KEY_CHANGED);
                assertThat(e.getMessage()).contains("[127.0.0.1]:" + host.port(), "has CHANGED", "ssh-ed25519 " + after)
                        .doesNotContain(before);
            });
            // kzmove hung up before authenticating: the restarted sshd saw no login at all
            assertThat(host.sshdLog()).doesNotContain("Accepted publickey");
        }
    }
}
