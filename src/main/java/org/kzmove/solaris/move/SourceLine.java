package org.kzmove.solaris.move;

/**
 * One input line as the move parser saw it.
 *
 * @param number           1-based line number within the input
 * @param raw              the line exactly as given, without its line terminator
 * @param text             what zoneadm printed: {@code raw} without a trailing CR, a leading log
 *                         timestamp and a leading echoed {@code ^C}; indentation kept
 * @param timestamp        the timestamp a log writer put in front of the line, as written; null if none
 * @param interruptEchoed  whether the terminal's echo of Ctrl-C ({@code ^C}) preceded the text
 */
public record SourceLine(long number, String raw, String text, String timestamp, boolean interruptEchoed) {

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** Normalizes one raw line. Never throws; a null line is treated as empty. */
    public static SourceLine of(long number, String raw) {
        String line = raw == null ? "" : raw;
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        String body = end == line.length() ? line : line.substring(0, end);
        String timestamp = null;
        int start = timestampEnd(body);
        if (start > 0) {
            timestamp = body.substring(0, start).strip();
            if (timestamp.startsWith("[") && timestamp.endsWith("]")) {
                timestamp = timestamp.substring(1, timestamp.length() - 1);
            }
            if (start < body.length() && (body.charAt(start) == ' ' || body.charAt(start) == '\t')) {
                start++; // one separator only: the rest is zoneadm's own indentation
            }
        }
        boolean interrupt = false;
        while (true) {
            if (body.startsWith("^C", start)) {
                start += 2;
                interrupt = true;
            } else if (start < body.length() && body.charAt(start) == '\u0003') {
                start++;
                interrupt = true;
            } else {
                break;
            }
        }
        String text = start == 0 ? body : body.substring(start);
        return new SourceLine(number, raw == null ? "" : raw, text, timestamp, interrupt);
    }

    /** Index just after a leading timestamp (not its separator), or 0 when the line has none. */
    static int timestampEnd(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        char first = s.charAt(0);
        if (first == '[') {
            int close = s.indexOf(']');
            if (close > 1 && close <= 48) {
                int inner = isoEnd(s, 1);
                if (inner == 0) {
                    inner = syslogEnd(s, 1);
                }
                return inner == close ? close + 1 : 0;
            }
            return 0;
        }
        if (isDigit(first)) {
            int end = isoEnd(s, 0);
            return end > 0 && (end == s.length() || s.charAt(end) == ' ' || s.charAt(end) == '\t') ? end : 0;
        }
        int end = syslogEnd(s, 0);
        return end > 0 && (end == s.length() || s.charAt(end) == ' ') ? end : 0;
    }

    /** {@code 2022-07-18T00:30:54}, optional {@code .123} or {@code ,123}, optional {@code Z} or {@code +01:00}. */
    private static int isoEnd(String s, int at) {
        // yyyy-mm-dd
        if (!digits(s, at, 4) || !charAt(s, at + 4, '-') || !digits(s, at + 5, 2) || !charAt(s, at + 7, '-')
                || !digits(s, at + 8, 2)) {
            return 0;
        }
        int i = at + 10;
        if (!(charAt(s, i, 'T') || charAt(s, i, ' '))) {
            return 0;
        }
        int time = clockEnd(s, i + 1);
        if (time == 0) {
            return 0;
        }
        i = time;
        if (charAt(s, i, '.') || charAt(s, i, ',')) {
            int j = i + 1;
            while (j < s.length() && isDigit(s.charAt(j))) {
                j++;
            }
            if (j == i + 1) {
                return 0;
            }
            i = j;
        }
        if (charAt(s, i, 'Z')) {
            return i + 1;
        }
        if (charAt(s, i, '+') || charAt(s, i, '-')) {
            if (digits(s, i + 1, 2) && charAt(s, i + 3, ':') && digits(s, i + 4, 2)) {
                return i + 6;
            }
            if (digits(s, i + 1, 4)) {
                return i + 5;
            }
            return 0;
        }
        return i;
    }

    /** {@code Jul 18 00:30:54} or {@code Jul  8 00:30:54} (syslog). */
    private static int syslogEnd(String s, int at) {
        if (s.length() < at + 15) {
            return 0;
        }
        boolean month = false;
        for (String m : MONTHS) {
            if (s.startsWith(m, at)) {
                month = true;
                break;
            }
        }
        if (!month || s.charAt(at + 3) != ' ') {
            return 0;
        }
        char d1 = s.charAt(at + 4);
        if (!(d1 == ' ' || isDigit(d1)) || !isDigit(s.charAt(at + 5)) || s.charAt(at + 6) != ' ') {
            return 0;
        }
        return clockEnd(s, at + 7);
    }

    private static int clockEnd(String s, int at) {
        return digits(s, at, 2) && charAt(s, at + 2, ':') && digits(s, at + 3, 2) && charAt(s, at + 5, ':')
                && digits(s, at + 6, 2) ? at + 8 : 0;
    }

    private static boolean digits(String s, int at, int count) {
        if (at + count > s.length()) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean charAt(String s, int at, char c) {
        return at < s.length() && s.charAt(at) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
