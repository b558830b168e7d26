package org.kzmove.solaris.units;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remaining-time texts as Solaris 11.4 prints them: {@code 6s}, {@code 56s}, {@code 1m09s},
 * {@code 1m35s}, {@code 2h05m}, {@code 1d14h}. Below a minute only seconds are shown; from a
 * minute on the two most significant units are shown and the second is zero-padded (real
 * transcript for seconds and minutes; {@code 1d14h} from an Oracle ZFS appliance capture;
 * {@code 2h05m} by the same pattern, an inference).
 */
public final class SolarisDuration {
    private static final Pattern PARTS = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

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
        Matcher m = PARTS.matcher(s);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long total = 0;
        boolean any = false;
        long[] factor = {86_400, 3_600, 60, 1};
        for (int g = 1; g <= 4; g++) {
            String part = m.group(g);
            if (part != null) {
                any = true;
                total += Long.parseLong(part) * factor[g - 1];
            }
        }
        return any ? OptionalLong.of(total) : OptionalLong.empty();
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
