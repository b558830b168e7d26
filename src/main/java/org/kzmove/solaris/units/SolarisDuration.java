package org.kzmove.solaris.units;

import java.util.OptionalLong;

/**
 * Remaining-time texts as Solaris 11.4 prints them: {@code 6s}, {@code 56s}, {@code 1m09s},
 * {@code 1m35s}, {@code 2h05m}, {@code 1d14h}. Below a minute only seconds are shown; from a
 * minute on the two most significant units are shown and the second is zero-padded (real
 * transcript for seconds and minutes; {@code 1d14h} from an Oracle ZFS appliance capture;
 * {@code 2h05m} by the same pattern, an inference).
 */
public final class SolarisDuration {
    /** The accepted form, {@code (?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?}, not empty; scanned by hand. */
    private static final String UNITS = "dhms";
    private static final long[] FACTORS = {86_400, 3_600, 60, 1};

    private SolarisDuration() {
    }

    /** Seconds in {@code 1m35s}, {@code 2h05m}, {@code 1d14h}, {@code 0h5m} (11.0 style); empty for anything else. */
    public static OptionalLong parseSeconds(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String s = text.trim();
        if (s.isEmpty() || s.length() > 24) {
            return OptionalLong.empty();
        }
        // A hand-written scan of PARTS (units in order d, h, m, s, each at most once): this runs
        // for every progress line of a move log, where a regex matcher was the largest cost.
        long total = 0;
        int nextUnit = 0;
        int i = 0;
        while (i < s.length()) {
            int digitsStart = i;
            long n = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                n = n * 10 + (s.charAt(i) - '0');
                if (n > 1_000_000_000_000L) {
                    return OptionalLong.empty();
                }
                i++;
            }
            if (i == digitsStart || i == s.length()) {
                return OptionalLong.empty();
            }
            int unit = UNITS.indexOf(s.charAt(i));
            if (unit < nextUnit) {
                return OptionalLong.empty();
            }
            total += n * FACTORS[unit];
            nextUnit = unit + 1;
            i++;
        }
        return OptionalLong.of(total);
    }

    /** Formats a remaining time as zoneadm's progress lines do. */
    public static String format(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("negative duration: " + seconds);
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format("%dh%02dm", seconds / 3_600, (seconds % 3_600) / 60);
        }
        return String.format("%dd%02dh", seconds / 86_400, (seconds % 86_400) / 3_600);
    }
}
