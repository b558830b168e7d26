package org.kzmove.solaris.text;

/**
 * Makes text a host sent safe to show. Everything a host sends (zone names, {@code uname -v},
 * zoneadm's output and stderr) is untrusted: a compromised host could embed terminal escape
 * sequences that set the window title, clear the screen, rewrite lines with a bare CR or write the
 * admin's clipboard (OSC 52). After this function no such character is left, so nothing a host
 * sends can drive a terminal; everything else, including accents and CJK, is untouched.
 *
 * <p>Replaced, each by a visible escape:
 * <ul>
 * <li>ESC (U+001B) by {@code \e}, so {@code ESC[2J} shows as {@code \e[2J};
 * <li>every other C0 control (U+0000–U+001F) by {@code \xNN}, as
 * {@link org.kzmove.solaris.InvalidValueException#printable} does; tab is kept, and newline is
 * kept by {@link #forDisplay} (multi-line text) but not by {@link #forTerminal} (one line);
 * <li>DEL (U+007F) and the C1 range (U+0080–U+009F, e.g. U+009B, the one-character CSI) by
 * <code>&#92;uNNNN</code>. That form is also a JSON escape of the same character, so applying this to JSON
 * that Jackson wrote (Jackson escapes C0 itself but passes DEL and C1 raw) keeps it valid and
 * equal.
 * </ul>
 *
 * <p>Backslashes are not doubled, so the function is idempotent (applying it twice, once where
 * text enters a view and once at the output funnel, changes nothing more) at the price that a
 * host's literal {@code \e} looks like an escaped ESC. That is fine for display; it is not an
 * encoding to be decoded.
 */
public final class HostText {
    private HostText() {
    }

    /** One line of host text for a terminal or a one-line label: newlines are escaped too. */
    public static String forTerminal(String text) {
        return escape(text, false);
    }

    /** Multi-line host text (a log, stderr): like {@link #forTerminal} but newlines are kept. */
    public static String forDisplay(String text) {
        return escape(text, true);
    }

    /** True when the character would be replaced (newline counts as safe). */
    public static boolean isSafe(char c) {
        return c == '\t' || c == '\n' || !(c < 0x20 || (c >= 0x7f && c <= 0x9f));
    }

    private static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n && isSafe(text.charAt(i)) && (keepNewlines || text.charAt(i) != '\n')) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
        for (; i < n; i++) {
            appendEscaped(sb, text.charAt(i), keepNewlines);
        }
        return sb.toString();
    }

    /** Appends one character, escaped if it is a control character; shared with streaming callers. */
    public static void appendEscaped(StringBuilder sb, char c, boolean keepNewlines) {
        if (c == '\t' || (c == '\n' && keepNewlines)) {
            sb.append(c);
        } else if (c == 0x1b) {
            sb.append("\\e");
        } else if (c < 0x20) {
            sb.append(String.format("\\x%02x", (int) c));
        } else if (c >= 0x7f && c <= 0x9f) {
            sb.append(String.format("\\u%04x", (int) c));
        } else {
            sb.append(c);
        }
    }
}
