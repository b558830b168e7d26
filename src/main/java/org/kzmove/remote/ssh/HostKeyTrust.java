package org.kzmove.remote.ssh;

/**
 * Asked when a host presents a key that no known_hosts file lists. The CLI asks on the terminal,
 * the console opens a dialog, scripts pass {@link #ACCEPT_NEW} only when told to
 * ({@code --accept-new-host-key}). Never asked for a changed key: that is refused outright.
 */
@FunctionalInterface
public interface HostKeyTrust {

    /** Refuses every unknown key (the safe default for unattended use). */
    HostKeyTrust REFUSE = key -> false;

    /** Trusts a key on first use, as OpenSSH's {@code StrictHostKeyChecking=accept-new}. */
    HostKeyTrust ACCEPT_NEW = key -> true;

    /** Returns true to trust and remember the key. May block: it is never called on the FX thread. */
    boolean trust(PresentedHostKey key);

    /**
     * A key a host presented.
     *
     * @param hostEntry   the known_hosts name, {@code host} or {@code [host]:port}
     * @param keyType     e.g. {@code ssh-ed25519}
     * @param fingerprint OpenSSH style {@code SHA256:...}
     */
    record PresentedHostKey(String hostEntry, String keyType, String fingerprint) {
    }
}
