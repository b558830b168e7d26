package org.kzmove.remote.ssh;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Objects;

/** One way to authenticate; a connection tries the ones it is given in order. */
public sealed interface SshAuth {

    /** An OpenSSH/PEM/PuTTY private key file (ed25519, ecdsa, rsa); the passphrase is asked when needed. */
    record KeyFile(Path path, SecretPrompt passphrase) implements SshAuth {
        public KeyFile {
            Objects.requireNonNull(path, "path");
            passphrase = passphrase == null ? SecretPrompt.NONE : passphrase;
        }
    }

    /** A key pair held in memory (the Demo host's generated key). */
    record InMemoryKey(KeyPair keyPair) implements SshAuth {
        public InMemoryKey {
            Objects.requireNonNull(keyPair, "keyPair");
        }
    }

    /** Password (and keyboard-interactive with the same answer), asked at connect time. */
    record Password(SecretPrompt prompt) implements SshAuth {
        public Password {
            Objects.requireNonNull(prompt, "prompt");
        }
    }
}
