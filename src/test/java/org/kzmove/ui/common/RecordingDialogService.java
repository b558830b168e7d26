package org.kzmove.ui.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.kzmove.remote.ssh.HostKeyTrust.PresentedHostKey;

/** A dialog service that remembers what it was asked to show and answers from a script. */
public final class RecordingDialogService implements DialogService {
    public record Shown(String title, String message) {
    }

    public record Notice(String title, String message, boolean problem) {
    }

    private final List<Shown> errors = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private final List<Shown> confirmations = new ArrayList<>();
    private final List<PresentedHostKey> keysAsked = new ArrayList<>();
    private final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    private boolean trustAnswer;
    private char[] secret;

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(new Shown(title, message));
    }

    @Override
    public synchronized void notify(String title, String message, boolean problem) {
        notices.add(new Notice(title, message, problem));
    }

    @Override
    public synchronized boolean confirm(String title, String message, String confirmLabel, String keepLabel) {
        confirmations.add(new Shown(title, message));
        return confirmAnswers.isEmpty() ? false : confirmAnswers.poll();
    }

    @Override
    public synchronized boolean trustHostKey(String hostName, PresentedHostKey key) {
        keysAsked.add(key);
        return trustAnswer;
    }

    @Override
    public synchronized Optional<char[]> askSecret(String title, String prompt) {
        return secret == null ? Optional.empty() : Optional.of(secret.clone());
    }

    /** The next confirmations answer these, in order; then "no". */
    public synchronized RecordingDialogService answerConfirmations(Boolean... answers) {
        confirmAnswers.addAll(List.of(answers));
        return this;
    }

    public synchronized RecordingDialogService trustKeys(boolean answer) {
        this.trustAnswer = answer;
        return this;
    }

    public synchronized RecordingDialogService secret(String value) {
        this.secret = value == null ? null : value.toCharArray();
        return this;
    }

    public synchronized List<Shown> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<Notice> notices() {
        return List.copyOf(notices);
    }

    public synchronized List<Shown> confirmations() {
        return List.copyOf(confirmations);
    }

    public synchronized List<PresentedHostKey> keysAsked() {
        return List.copyOf(keysAsked);
    }
}
