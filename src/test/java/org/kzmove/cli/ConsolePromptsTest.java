package org.kzmove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.SecretPrompt;

class ConsolePromptsTest {

    @Test
    void withoutATerminalUnknownKeysAreRefusedAndNoSecretIsAsked() {
        HostKeyTrust trust = ConsolePrompts.hostKeyTrust(null);

        assertThat(trust.trust(new HostKeyTrust.PresentedHostKey("[127.0.0.1]:2222", "ssh-ed25519", "SHA256:x"))).isFalse();
        assertThat(ConsolePrompts.secret(null)).isSameAs(SecretPrompt.NONE);
    }

    @Test
    void keyTypesAreNamedAsOpenSshNamesThem() {
        assertThat(ConsolePrompts.keyName("ssh-ed25519")).isEqualTo("ED25519");
        assertThat(ConsolePrompts.keyName("ecdsa-sha2-nistp256")).isEqualTo("ECDSA");
        assertThat(ConsolePrompts.keyName("ssh-rsa")).isEqualTo("RSA");
    }
}
