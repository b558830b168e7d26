package org.kzmove.solaris.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void everyLineEndingEndsALineAndTheLastTerminatorAddsNothing() {
        assertThat(Lines.split("a\nb\r\nc\rd\n")).containsExactly("a", "b", "c", "d");
        assertThat(Lines.split("a\n\nb")).containsExactly("a", "", "b");
        assertThat(Lines.split("tail without newline")).containsExactly("tail without newline");
    }

    @Test
    void nothingIsNoLines() {
        assertThat(Lines.split(null)).isEmpty();
        assertThat(Lines.split("")).isEmpty();
        assertThat(Lines.split("\n")).containsExactly("");
    }

    @Test
    void paddingNeverTruncatesLikePrintf() {
        assertThat(Lines.padRight("ab", 4)).isEqualTo("ab  ");
        assertThat(Lines.padLeft("ab", 4)).isEqualTo("  ab");
        assertThat(Lines.padRight("abcdef", 4)).isEqualTo("abcdef");
        assertThat(Lines.stripTrailing("\tx \t ")).isEqualTo("\tx");
    }
}
