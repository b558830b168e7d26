package org.kzmove.cli;

import java.io.Console;

import org.kzmove.remote.ssh.HostKeyTrust;
import org.kzmove.remote.ssh.SecretPrompt;

/**
 * Questions asked on the terminal, as OpenSSH asks them. Without a terminal (scripts, pipes) an
 * unknown host key is refused and no secret is asked: unattended runs pass
 * {@code --accept-new-host-key} and use keys without passphrases.
 */
final class ConsolePrompts {
    private ConsolePrompts() {
    }

    static HostKeyTrust hostKeyTrust(Console console) {
        if (console == null) {
            return HostKeyTrust.REFUSE;
        }
        return key -> {
            console.printf("The authenticity of host '%s' can't be established.%n", key.hostEntry());
            console.printf("%s key fingerprint is %s.%n", keyName(key.keyType()), key.fingerprint());
            while (true) {
                String answer = console.readLine("Are you sure you want to continue connecting (yes/no)? ");
                if (answer == null || answer.strip().equalsIgnoreCase("no")) {
                    return false;
                }
                if (answer.strip().equalsIgnoreCase("yes")) {
                    return true;
                }
                console.printf("Please type 'yes' or 'no': ");
            }
        };
    }

    /** {@code ssh-ed25519} is shown as {@code ED25519}, {@code ecdsa-sha2-nistp256} as {@code ECDSA}, as ssh does. */
    static String keyName(String keyType) {
        if (keyType.startsWith("ssh-ed25519")) {
            return "ED25519";
        }
        if (keyType.startsWith("ecdsa")) {
            return "ECDSA";
        }
        if (keyType.startsWith("ssh-rsa") || keyType.startsWith("rsa")) {
            return "RSA";
        }
        return keyType.toUpperCase(java.util.Locale.ROOT);
    }

    /** Reads a secret without echo, only when sshj needs it (an encrypted key, a password login). */
    static SecretPrompt secret(Console console) {
        if (console == null) {
            return SecretPrompt.NONE;
        }
        return what -> console.readPassword("Enter %s: ", what);
    }
}
