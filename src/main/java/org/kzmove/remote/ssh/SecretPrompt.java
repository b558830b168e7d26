package org.kzmove.remote.ssh;

/**
 * Asks a person for a password or passphrase at the moment it is needed. The answer is a
 * {@code char[]} the caller clears after use; it is never stored, written or logged.
 */
@FunctionalInterface
public interface SecretPrompt {

    /** Never answers: for unattended use and for key files without a passphrase. */
    SecretPrompt NONE = what -> null;

    /**
     * @param what what is asked for, e.g. "passphrase for /home/ann/.ssh/id_ed25519"
     * @return the secret, or null when the person declined
     */
    char[] ask(String what);
}
