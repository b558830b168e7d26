package org.kzmove.remote.ssh;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Asks once per secret and then answers from memory for the life of one command: a move opens a second
 * connection for its start (decision 13) and a dropped connection is opened again, and the person
 * should not be asked each time. Answers are kept only in memory, handed out as copies (the connection
 * wipes what it is given), and wiped by {@link #close()}.
 */
public final class RememberingSecretPrompt implements SecretPrompt, AutoCloseable {
    private final SecretPrompt asker;
    private final Map<String, char[]> answers = new HashMap<>();

    public RememberingSecretPrompt(SecretPrompt asker) {
        this.asker = asker;
    }

    @Override
    public synchronized char[] ask(String what) {
        char[] known = answers.get(what);
        if (known != null) {
            return known.clone();
        }
        char[] answer = asker.ask(what);
        if (answer != null) {
            answers.put(what, answer.clone());
        }
        return answer;
    }

    /** Forgets the answer to {@code what} (it was refused: the next try asks again). */
    public synchronized void forget(String what) {
        char[] known = answers.remove(what);
        if (known != null) {
            Arrays.fill(known, '\0');
        }
    }

    @Override
    public synchronized void close() {
        answers.values().forEach(a -> Arrays.fill(a, '\0'));
        answers.clear();
    }
}
