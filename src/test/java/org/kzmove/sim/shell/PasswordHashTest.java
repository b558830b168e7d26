package org.kzmove.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
    @Test
    void aHashMatchesItsPasswordOnlyAndHidesIt() {
        String hash = PasswordHash.hash("correct horse".toCharArray(), 1000);
        assertThat(hash).startsWith("$pbkdf2-sha256$1000$").doesNotContain("correct");
        assertThat(PasswordHash.matches("correct horse", hash)).isTrue();
        assertThat(PasswordHash.matches("correct horsE", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(PasswordHash.hash("pw".toCharArray(), 1000)).isNotEqualTo(PasswordHash.hash("pw".toCharArray(), 1000));
    }

    @Test
    void malformedHashesMatchNothing() {
        assertThat(PasswordHash.matches("pw", "plain")).isFalse();
        assertThat(PasswordHash.matches("pw", "$pbkdf2-sha256$x$y")).isFalse();
        assertThat(PasswordHash.matches("pw", null)).isFalse();
    }

    @Test
    void aUsersToStringNeverShowsTheHash() {
        SimUser u = SimUser.ordinary("alice", 200).withPassword("pw".toCharArray());
        assertThat(u.toString()).doesNotContain("pbkdf2");
    }
}
