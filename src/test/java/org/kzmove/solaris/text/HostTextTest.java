package org.kzmove.solaris.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostTextTest {
    /** No character a terminal would act on: C0 except tab (and newline when allowed), DEL, C1. */
    static boolean drivesNoTerminal(String s, boolean newlinesAllowed) {
        return s.chars().allMatch(c -> c == '\t' || (c == '\n' && newlinesAllowed) || !(c < 0x20 || (c >= 0x7f && c <= 0x9f)));
    }

    @Test
    void osc0WindowTitleIsShownNotObeyed() {
        String out = HostText.forTerminal("web01\u001b]0;pwned\u0007");

        assertThat(out).isEqualTo("web01\\e]0;pwned\\x07");
        assertThat(drivesNoTerminal(out, false)).isTrue();
    }

    @Test
    void csiClearScreenIsShownNotObeyed() {
        assertThat(HostText.forTerminal("\u001b[2J\u001b[HSolaris 11.4")).isEqualTo("\\e[2J\\e[HSolaris 11.4");
    }

    @Test
    void osc52ClipboardWriteIsShownNotObeyed() {
        String attack = "11.4.48.126.2\u001b]52;c;cm0gLXJmIC8K\u0007";

        assertThat(HostText.forTerminal(attack)).isEqualTo("11.4.48.126.2\\e]52;c;cm0gLXJmIC8K\\x07");
        assertThat(HostText.forTerminal("\u001b]52;c;cm0gLXJmIC8K\u001b\\")).isEqualTo("\\e]52;c;cm0gLXJmIC8K\\e\\");
    }

    @Test
    void bareCarriageReturnCannotOverwriteTheLine() {
        assertThat(HostText.forTerminal("zone db01 destroyed\rzone db01 ok        "))
                .isEqualTo("zone db01 destroyed\\x0dzone db01 ok        ");
        assertThat(HostText.forDisplay("a\r\nb")).isEqualTo("a\\x0d\nb");
    }

    @Test
    void c1ControlsAndDelAreShownInAJsonCompatibleForm() {
        assertThat(HostText.forTerminal("\u009b2J")).isEqualTo("\\u009b2J");
        assertThat(HostText.forTerminal("\u009d0;pwned\u009c")).isEqualTo("\\u009d0;pwned\\u009c");
        assertThat(HostText.forTerminal("a\u007fb\u0080c\u009fd\u00a0e")).isEqualTo("a\\u007fb\\u0080c\\u009fd\u00a0e");
    }

    @Test
    void everyControlCharacterIsReplaced() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0xa0; c++) {
            all.append(c);
        }
        assertThat(drivesNoTerminal(HostText.forTerminal(all.toString()), false)).isTrue();
        assertThat(drivesNoTerminal(HostText.forDisplay(all.toString()), true)).isTrue();
        assertThat(HostText.forTerminal("\u0000\u0001\u001f")).isEqualTo("\\x00\\x01\\x1f");
    }

    @Test
    void newlinesAreKeptOnlyWhereMultiLineTextIsMeant() {
        assertThat(HostText.forTerminal("one\ntwo")).isEqualTo("one\\x0atwo");
        assertThat(HostText.forDisplay("one\ntwo\tcol")).isEqualTo("one\ntwo\tcol");
    }

    @Test
    void ordinaryTextIsUntouchedAndTheSameInstance() {
        String text = "zone café-01 — 東京ゾーン 🚀\ttab";

        assertThat(HostText.forTerminal(text)).isSameAs(text);
        assertThat(HostText.forDisplay(text)).isSameAs(text);
    }

    @Test
    void escapingTwiceChangesNothingMore() {
        String once = HostText.forTerminal("\u001b]0;x\u0007\u009b2J\r\n");

        assertThat(HostText.forTerminal(once)).isEqualTo(once);
    }

    @Test
    void nullIsEmpty() {
        assertThat(HostText.forTerminal(null)).isEmpty();
    }
}
