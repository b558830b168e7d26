package org.kzmove.ui.wizard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.kzmove.migration.job.JobRecord;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * The resilver rate the wizard's duration estimate assumes, and where it comes from: this host's
 * finished moves when kzmove has some, otherwise the rate of the published move transcripts.
 *
 * @param bytesPerSecond the typical rate
 * @param source         where the rate comes from, for people
 */
public record ResilverRate(long bytesPerSecond, String source) {
    /**
     * About 35M/s: the resilver rates zoneadm printed in Oracle's live storage migration transcript
     * (36.8M/s to 42.2M/s; reference kz-live-storage-migration.md), rounded down.
     */
    public static final long TRANSCRIPT_RATE = 35L << 20;

    /** How far a real resilver strays from the typical rate either way (the range shown). */
    static final double SPREAD = 0.25;

    public static ResilverRate typical() {
        return new ResilverRate(TRANSCRIPT_RATE,
                "the ~35M/s of Oracle's published move transcripts (no finished move on this host yet)");
    }

    /** The median of the finished moves' median sampled rates, or {@link #typical()} when there is none. */
    public static ResilverRate fromHistory(List<JobRecord> history) {
        List<Long> rates = new ArrayList<>();
        for (JobRecord r : history) {
            if (!r.finished()) {
                continue;
            }
            List<Long> samples = new ArrayList<>();
            for (JobRecord.ProgressSample s : r.progress()) {
                if (s.rateBytesPerSecond() > 0) {
                    samples.add(s.rateBytesPerSecond());
                }
            }
            if (!samples.isEmpty()) {
                rates.add(median(samples));
            }
        }
        if (rates.isEmpty()) {
            return typical();
        }
        return new ResilverRate(median(rates), "the median rate of this host's " + rates.size() + " finished move"
                + (rates.size() == 1 ? "" : "s"));
    }

    /** "about 3m50s (3m5s to 5m7s)" for resilvering {@code bytes} at this rate, ±{@link #SPREAD}. */
    public String durationRange(long bytes) {
        long typical = seconds(bytes, bytesPerSecond);
        long fast = seconds(bytes, (long) (bytesPerSecond * (1 + SPREAD)));
        long slow = seconds(bytes, (long) (bytesPerSecond * (1 - SPREAD)));
        return "about " + SolarisDuration.format(typical) + " (" + SolarisDuration.format(fast) + " to "
                + SolarisDuration.format(slow) + ")";
    }

    /** The rate as zpool prints it, e.g. "35M/s". */
    public String rateText() {
        return SolarisSize.format(bytesPerSecond) + "/s";
    }

    private static long seconds(long bytes, long rate) {
        return Math.max(1, (bytes + rate - 1) / Math.max(1, rate));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
