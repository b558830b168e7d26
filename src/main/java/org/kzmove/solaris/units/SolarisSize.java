package org.kzmove.solaris.units;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Sizes the way Solaris prints them: binary units (1K = 1024 bytes, 1M = 1048576 bytes) with the
 * suffixes K M G T P E and no "B".
 *
 * <p>Formatting follows libzfs {@code nicenum()} (at most 5 characters: a precision of 2, 1 or 0
 * decimals, whichever fits first), then drops trailing zeros after the decimal point. The second
 * step is an inference from the real {@code zoneadm move} transcript, which prints {@code 1.3G},
 * {@code 2G} and {@code 39M/s} where classic nicenum would print {@code 1.30G}, {@code 2.00G},
 * {@code 39.0M}; every size and rate in the three real transcripts formats back to itself.
 */
public final class SolarisSize {
    private static final String UNITS = "KMGTPE";

    private SolarisSize() {
    }

    /**
     * Parses {@code 455M}, {@code 1.08G}, {@code 2G}, {@code 512}, {@code 38.4M} (a trailing
     * {@code /s} or {@code B} is not accepted here: callers strip what they know). Case-insensitive
     * unit. Empty result for anything else, never an exception.
     */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > 32) {
            return OptionalLong.empty();
        }
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        int exponent = 0;
        String number = s;
        if (Character.isLetter(last)) {
            exponent = UNITS.indexOf(last) + 1;
            if (exponent == 0) {
                return OptionalLong.empty();
            }
            number = s.substring(0, s.length() - 1);
        }
        if (number.isEmpty() || !isDecimal(number)) {
            return OptionalLong.empty();
        }
        try {
            if (number.indexOf('.') < 0) {
                long n = Long.parseLong(number);
                if (exponent > 0 && n > (Long.MAX_VALUE >> (10 * exponent))) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(n << (10 * exponent));
            }
            double value = Double.parseDouble(number) * Math.pow(1024, exponent);
            if (value >= Long.MAX_VALUE) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.round(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * {@code \d+(\.\d+)?|\.\d+}, scanned by hand: parse runs for every resilver progress line
     * of a move log, where a regex was the largest cost.
     */
    private static boolean isDecimal(String number) {
        int dot = -1;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == '.') {
                if (dot >= 0) {
                    return false;
                }
                dot = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dot != number.length() - 1;
    }

    /** Formats bytes as the 11.4 {@code zoneadm move} progress lines do: {@code 455M}, {@code 1.08G}, {@code 2G}. */
    public static String format(long bytes) {
        String text = nicenum(bytes);
        char last = text.charAt(text.length() - 1);
        return text.indexOf('.') < 0 ? text : stripTrailingZeros(text, last);
    }

    /**
     * Formats bytes exactly as libzfs {@code zfs_nicenum()} of Solaris 11.0/11.1 does, trailing zeros
     * kept ({@code 1.30G}, {@code 39.0M}): the form of that release's
     * {@code zpool status} scan lines (solaris-formats.md §4.2).
     */
    public static String nicenum(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size: " + bytes);
        }
        long n = bytes;
        int index = 0;
        while (n >= 1024 && index < UNITS.length()) {
            n /= 1024;
            index++;
        }
        if (index == 0) {
            return Long.toString(n);
        }
        char unit = UNITS.charAt(index - 1);
        long base = 1L << (10 * index);
        if (bytes % base == 0) {
            return n + String.valueOf(unit);
        }
        double value = (double) bytes / base;
        String text = null;
        for (int precision = 2; precision >= 0; precision--) {
            text = String.format(Locale.ROOT, "%." + precision + "f", value) + unit;
            if (text.length() <= 5) {
                break;
            }
        }
        return text;
    }

    private static String stripTrailingZeros(String text, char unit) {
        String number = text.substring(0, text.length() - 1);
        if (number.indexOf('.') >= 0) {
            number = number.replaceAll("0+$", "");
            if (number.endsWith(".")) {
                number = number.substring(0, number.length() - 1);
            }
        }
        return number + unit;
    }
}
