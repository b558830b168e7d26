package org.kzmove.sim.ssh;

import java.util.List;

import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Keyboard-interactive as Solaris' sshd runs it through PAM for a password login: one
 * {@code Password:} prompt, not echoed, checked like a password. MINA's default one asks the
 * server's password authenticator, which is absent when password authentication is off.
 */
final class PasswordKeyboardInteractive implements KeyboardInteractiveAuthenticator {
    private final PasswordAuthenticator passwords;

    PasswordKeyboardInteractive(PasswordAuthenticator passwords) {
        this.passwords = passwords;
    }

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang,
            String subMethods) {
        InteractiveChallenge challenge = new InteractiveChallenge();
        challenge.setInteractionName("");
        challenge.setInteractionInstruction("");
        challenge.setLanguageTag("");
        challenge.addPrompt("Password: ", false);
        return challenge;
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) throws Exception {
        return responses != null && responses.size() == 1
                && passwords.authenticate(username, responses.get(0), session);
    }
}
