package org.kzmove.migration;

import java.util.OptionalLong;

/**
 * kzmove's own estimate of the time a resilver has left. zoneadm's "to go" follows its percentage,
 * which ZFS updates in coarse steps (5.58% for five lines, then 10.98%...), so it jumps. Here the
 * remaining work is the pool's allocated bytes minus the bytes resilvered, which grow smoothly, and
 * the rate is an exponentially weighted mean with a spread, so the estimate moves steadily and
 * comes with a range.
 */
public final class EtaEstimator {
    /** Weight of a new rate sample: about the last ten samples matter. */
    private static final double ALPHA = 0.2;

    private final long totalBytes;
    private double meanRate;
    private double rateVariance;
    private long samples;
    private long resilvered;

    /** @param totalBytes the bytes to resilver: the guest root pool's allocated bytes (0 when unknown) */
    public EtaEstimator(long totalBytes) {
        this.totalBytes = Math.max(0, totalBytes);
    }

    /** Takes one progress sample: bytes resilvered so far and zoneadm's current rate. */
    public synchronized void sample(long resilveredBytes, long rateBytesPerSecond) {
        resilvered = Math.max(resilvered, resilveredBytes);
        if (rateBytesPerSecond <= 0) {
            return;
        }
        if (samples == 0) {
            meanRate = rateBytesPerSecond;
            rateVariance = 0;
        } else {
            double diff = rateBytesPerSecond - meanRate;
            meanRate += ALPHA * diff;
            rateVariance = (1 - ALPHA) * (rateVariance + ALPHA * diff * diff);
        }
        samples++;
    }

    /** The estimate, or empty before the first sample or when the pool size is unknown. */
    public synchronized java.util.Optional<Estimate> estimate() {
        if (samples == 0 || totalBytes == 0 || meanRate <= 0) {
            return java.util.Optional.empty();
        }
        long remaining = Math.max(0, totalBytes - resilvered);
        double spread = Math.max(Math.sqrt(rateVariance), meanRate * 0.05);
        double fast = meanRate + spread;
        double slow = Math.max(meanRate - spread, meanRate * 0.25);
        return java.util.Optional.of(new Estimate(
                Math.round(remaining / meanRate), Math.round(remaining / fast), Math.round(remaining / slow),
                (long) meanRate, remaining));
    }

    /** Fraction done from bytes (0..1), or empty when the pool size is unknown. */
    public synchronized OptionalLong percentTimes100() {
        if (totalBytes == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(10_000, resilvered * 10_000 / totalBytes));
    }

    /**
     * @param seconds     the most likely remaining time
     * @param lowSeconds  if the rate stays at the fast end of what was seen
     * @param highSeconds if it stays at the slow end
     */
    public record Estimate(long seconds, long lowSeconds, long highSeconds, long smoothedRateBytesPerSecond,
            long remainingBytes) {
    }
}
