package org.kzmove.ui.common;

import java.util.Optional;

import org.kzmove.remote.ssh.HostKeyTrust.PresentedHostKey;

/**
 * Dialogs and notifications, the only way view models talk to the user outside their properties.
 * Tests pass a recording fake; the console passes {@link FxDialogService}.
 */
public interface DialogService {

    /** Tells the user something failed: a short title and one or two sentences of what to do. */
    void showError(String title, String message);

    /** A passing notice that does not need an answer (a move ended); {@code problem} marks bad news. */
    void notify(String title, String message, boolean problem);

    /**
     * Asks the user to confirm an action with consequences. Called on the FX thread; returns the answer.
     *
     * @param confirmLabel the button that goes ahead, e.g. "Cancel the move"
     * @param keepLabel    the button that changes nothing, e.g. "Keep moving"
     */
    boolean confirm(String title, String message, String confirmLabel, String keepLabel);

    /**
     * Asks whether to trust a host key no known_hosts file lists, showing its SHA256 fingerprint.
     * Called from a background thread (an SSH connection in progress), which it blocks until answered;
     * never call it on the FX thread.
     */
    boolean trustHostKey(String hostName, PresentedHostKey key);

    /**
     * Asks for a password or key passphrase; empty when the user cancelled. Called from a background
     * thread, which it blocks until answered. The caller wipes the returned array after use.
     */
    Optional<char[]> askSecret(String title, String prompt);
}
