package org.kzmove.solaris.pool;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code scan:} part of {@code zpool status}: what the last or current resilver or scrub did.
 *
 * @param timeText        the ctime(3) text after {@code since} or {@code on}, e.g.
 *                        {@code Sun May  7 02:28:22 2017}; null for {@link Kind#NONE} and {@link Kind#UNKNOWN}
 * @param scannedBytes    in progress: bytes examined so far
 * @param totalBytes      in progress: bytes to examine
 * @param rateBytesPerSecond in progress: the scan rate
 * @param processedBytes  bytes resilvered (resilver) or repaired (scrub)
 * @param percentDone     in progress: 0..100
 * @param etaSeconds      in progress: time to go; null when zpool printed
 *                        {@code (scan is slow, no estimated time)}
 * @param errors          when finished: the error count
 * @param durationSeconds when finished: the {@code in 0h5m} time, in seconds (minute precision)
 * @param style           how the in-progress lines are laid out; normalised to
 *                        {@link Style#SOLARIS_11_4_INVENTED} for the other kinds, where both agree
 * @param lines           for {@link Kind#UNKNOWN} only: the text after {@code scan: } and its
 *                        continuation lines, verbatim, so that nothing is lost and it prints back
 */
public record ScanStatus(Kind kind, String timeText, Long scannedBytes, Long totalBytes, Long rateBytesPerSecond,
        Long processedBytes, Double percentDone, Long etaSeconds, Long errors, Long durationSeconds, Style style,
        List<String> lines) {

    public enum Kind {
        NONE, RESILVER_IN_PROGRESS, RESILVERED, RESILVER_CANCELED, SCRUB_IN_PROGRESS, SCRUBBED, SCRUB_CANCELED, UNKNOWN;

        public boolean inProgress() {
            return this == RESILVER_IN_PROGRESS || this == SCRUB_IN_PROGRESS;
        }

        public boolean isResilver() {
            return this == RESILVER_IN_PROGRESS || this == RESILVERED || this == RESILVER_CANCELED;
        }
    }

    /**
     * Layout of the two lines under {@code scan: ... in progress since ...}.
     * {@link #SOLARIS_11_0}: the source format of Solaris 11.0/11.1 (solaris-formats.md §4.2),
     * {@code X scanned out of Y at R/s, 0h1m to go} / {@code Z resilvered, P% done}, sizes with
     * classic nicenum. {@link #SOLARIS_11_4_INVENTED}: see {@link ZpoolStatusFormat}.
     */
    public enum Style {
        SOLARIS_11_0, SOLARIS_11_4_INVENTED
    }

    /** ctime(3) layout: day of month space-padded to two columns. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    public ScanStatus {
        Objects.requireNonNull(kind, "kind");
        style = kind.inProgress() && style != null ? style : Style.SOLARIS_11_4_INVENTED;
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static ScanStatus none() {
        return new ScanStatus(Kind.NONE, null, null, null, null, null, null, null, null, null, null, List.of());
    }

    public static ScanStatus resilverInProgress(String since, long scanned, long total, long rate, long resilvered,
            double percent, Long etaSeconds) {
        return new ScanStatus(Kind.RESILVER_IN_PROGRESS, since, scanned, total, rate, resilvered, percent, etaSeconds,
                null, null, Style.SOLARIS_11_4_INVENTED, List.of());
    }

    public static ScanStatus resilvered(String on, long resilvered, long durationSeconds, long errors) {
        return new ScanStatus(Kind.RESILVERED, on, null, null, null, resilvered, null, null, errors, durationSeconds,
                null, List.of());
    }

    public static ScanStatus resilverCanceled(String on) {
        return new ScanStatus(Kind.RESILVER_CANCELED, on, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** The same status printed in the other in-progress layout. */
    public ScanStatus withStyle(Style newStyle) {
        return new ScanStatus(kind, timeText, scannedBytes, totalBytes, rateBytesPerSecond, processedBytes, percentDone,
                etaSeconds, errors, durationSeconds, newStyle, lines);
    }

    /** Bytes resilvered so far, for a resilver; null for a scrub or when not printed. */
    public Long resilveredBytes() {
        return kind.isResilver() ? processedBytes : null;
    }

    /** Formats a time as ctime(3) does (without its newline), e.g. {@code Sun May  7 02:28:22 2017}. */
    public static String ctime(LocalDateTime time) {
        return CTIME.format(time);
    }
}
