package org.kzmove.solaris.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits command output into lines the way every parser here needs it: LF, CRLF and lone CR all
 * end a line (output captured through a pty or copied from Windows carries CRs), a final line
 * terminator does not create an empty last line, and null is simply no lines. Shared so that all
 * parsers agree on what "a line" is.
 */
public final class Lines {
    private Lines() {
    }

    public static List<String> split(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** Drops trailing spaces and tabs only; leading indentation often carries meaning. */
    public static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** True when the line holds nothing but spaces and tabs. */
    public static boolean isBlank(String line) {
        return stripTrailing(line).isEmpty();
    }

    /** Right-pads like printf {@code %-Ns}: never truncates. */
    public static String padRight(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        return s + " ".repeat(width - s.length());
    }

    /** Left-pads like printf {@code %Ns}: never truncates. */
    public static String padLeft(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        return " ".repeat(width - s.length()) + s;
    }
}
