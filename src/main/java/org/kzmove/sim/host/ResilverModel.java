package org.kzmove.sim.host;

import java.util.Locale;
import java.util.SplittableRandom;

import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * The numbers of one simulated resilver, advanced one poll at a time: what ZFS counts and what
 * {@code zoneadm move} prints of it. Arithmetic on a seeded random stream only, so one seed gives
 * the same lines whatever the clock or the time scale.
 *
 * <p>The model is fitted to the real transcripts (docs/solaris-formats.md, "Resilver progress
 * lines: what the numbers are"), after Solaris' own {@code print_scan_status}:
 * <ul>
 * <li>ZFS <em>examines</em> the pool's allocated bytes ({@code total}); the rate varies (random
 * walk of {@link ResilverSettings#jitter()}, the profile, contention).</li>
 * <li>the rate zoneadm prints is the bytes examined since the resilver started over the whole
 * seconds since then ({@code pss_pass_exam / elapsed}): an average since the start;</li>
 * <li>the percentage is the <em>synced</em> examined count over the total: it stays put for several
 * lines, then jumps ({@link ResilverSettings#minLinesPerStep()}..{@code max});</li>
 * <li>"to go" is {@code (total - synced examined) / rate}, in whole seconds (integer division):
 * it follows the coarse percentage, not the bytes;</li>
 * <li>the bytes "resilvered" are the bytes written to the new disks: the examined bytes times the
 * number of new disks (INFERENCE: in the real two-disk transcript they run at 2.0x the examined
 * bytes for most of the move, in the one-disk transcript at about 1x).</li>
 * </ul>
 */
final class ResilverModel {

    /** One progress line's figures. */
    record Line(long resilveredBytes, long rateBytesPerSecond, String percent, long etaSeconds) {
        /** The line as zoneadm prints it (with its two-space indent). */
        String text() {
            return "  " + SolarisSize.format(resilveredBytes) + " resilvered at " + SolarisSize.format(rateBytesPerSecond)
                    + "/s, " + percent + "% done, " + SolarisDuration.format(Math.min(etaSeconds, 99L * 86_400)) + " to go";
        }
    }

    private final long total;
    private final int newDisks;
    private final ResilverSettings settings;
    private final SplittableRandom random;
    private double factor;
    private double examined;
    private long synced;
    private long elapsedMillis;
    private int linesUntilSync;

    /**
     * @param total    the bytes to examine: the guest pool's allocated bytes
     * @param newDisks how many disks are being resilvered
     */
    ResilverModel(long total, int newDisks, ResilverSettings settings, SplittableRandom random) {
        this.total = Math.max(1, total);
        this.newDisks = Math.max(1, newDisks);
        this.settings = settings;
        this.random = random;
        this.factor = 1 + (random.nextDouble() * 2 - 1) * settings.jitter();
        this.linesUntilSync = nextStep();
    }

    /** The rate drifts a little between two polls (a bounded random walk). */
    void drift() {
        double jitter = settings.jitter();
        factor += (random.nextDouble() * 2 - 1) * jitter * 0.35;
        factor = Math.max(1 - jitter, Math.min(1 + jitter, factor));
    }

    /**
     * Time passes.
     *
     * @param share   the part of its rate this resilver gets (contention with others on its array), 0..1
     * @param stalled true: nothing is examined (a stall fault), the rate printed falls
     */
    void advance(long millis, double share, boolean stalled) {
        elapsedMillis += millis;
        if (!stalled) {
            double rate = settings.bytesPerSecond() * factor * settings.factorAt(examinedPercent()) * share;
            examined = Math.min(total, examined + rate * millis / 1000.0);
        }
    }

    /** Percentage examined, exactly (the truth the printed percentage lags behind). */
    double examinedPercent() {
        return 100.0 * examined / total;
    }

    boolean complete() {
        return examined >= total;
    }

    long total() {
        return total;
    }

    long examinedBytes() {
        return (long) examined;
    }

    /** The bytes written to the new disks so far. */
    long resilveredBytes() {
        return (long) examined * newDisks;
    }

    /** The rate zoneadm prints: examined bytes over the whole seconds since the start, at least 1. */
    long rate() {
        long seconds = Math.max(1, elapsedMillis / 1000);
        return Math.max(1, (long) examined / seconds);
    }

    /** The next progress line; every few lines the synced count, and with it the percentage, catches up. */
    Line line() {
        if (--linesUntilSync <= 0) {
            synced = (long) examined;
            linesUntilSync = nextStep();
        }
        long rate = rate();
        String percent = String.format(Locale.ROOT, "%.2f", 100.0 * synced / total);
        return new Line(resilveredBytes(), rate, percent, (total - synced) / rate);
    }

    private int nextStep() {
        return settings.minLinesPerStep() + random.nextInt(settings.maxLinesPerStep() - settings.minLinesPerStep() + 1);
    }
}
