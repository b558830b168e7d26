package org.kzmove.remote.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RememberingSecretPromptTest {
    @Test
    void asksOncePerSecretHandsOutCopiesAndWipesOnClose() {
        List<String> asked = new ArrayList<>();
        char[] typed = "s3cret".toCharArray();
        RememberingSecretPrompt prompt = new RememberingSecretPrompt(what -> {
            asked.add(what);
            return typed.clone();
        });

        char[] first = prompt.ask("password for kzadmin@h");
        java.util.Arrays.fill(first, '\0'); // what a connection does with what it is given
        char[] second = prompt.ask("password for kzadmin@h");

        assertThat(second).containsExactly(typed);
        assertThat(asked).containsExactly("password for kzadmin@h");
        prompt.forget("password for kzadmin@h");
        prompt.ask("password for kzadmin@h");
        assertThat(asked).hasSize(2);
        prompt.close();
        prompt.ask("password for kzadmin@h");
        assertThat(asked).hasSize(3);
    }

    @Test
    void aDeclinedQuestionIsAskedAgain() {
        List<String> asked = new ArrayList<>();
        RememberingSecretPrompt prompt = new RememberingSecretPrompt(what -> {
            asked.add(what);
            return null;
        });
        assertThat(prompt.ask("passphrase")).isNull();
        assertThat(prompt.ask("passphrase")).isNull();
        assertThat(asked).hasSize(2);
    }
}
