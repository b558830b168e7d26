package org.kzmove.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * kzmove's own estimate of the time a resilver has left, with a range, from what kzmove sees of
 * {@code zoneadm move -v} on its own clock (docs/decisions/0014-eta-from-observed-bytes.md).
 *
 * <p>What zoneadm's numbers are (docs/solaris-formats.md, "Resilver progress lines"): ZFS examines
 * the pool's allocated bytes {@code A}; the rate it prints is the bytes examined since the resilver
 * began over the time since then (an average since the start); its percentage is the examined count
 * as last synced, so it moves in steps every few lines; its "to go" is {@code A (1 - percent) / rate}
 * and jumps with the percentage. The bytes "resilvered" are the bytes written to the new disks
 * (twice the examined bytes on a two-disk target), so they are not measured against {@code A}.
 *
 * <p>Here:
 * <ul>
 * <li><b>work done</b> is the rate times the time since the resilver began on kzmove's clock: the
 * examined bytes at that line, fresh on every line where the percentage lags (never below the
 * percentage, never above {@code A});</li>
 * <li><b>the total</b> is {@code A}: the pool's allocated bytes, or, when zoneadm's own lines say
 * consistently what it counts towards ({@code to go x rate / (1 - percent)}), that;</li>
 * <li><b>the rate ahead</b>: the recent rate (a least-squares slope over a window of the last
 * {@value #WINDOW_SECONDS} s or four lines) is trusted for as long as it has already lasted, the
 * average since the start for the rest;</li>
 * <li><b>the range</b> spans the recent rate, the average and the point estimate, widened by how much
 * the rate has varied ({@value #SPREAD_PER_VARIATION} times its relative variation plus
 * {@value #BASE_MARGIN}, and {@value #ABSOLUTE_MARGIN_SECONDS} s): calibrated on simulated moves of every
 * rate profile to hold the truth about 85 % of the time (docs/benchmarks.md).</li>
 * </ul>
 * The clock is the caller's, in seconds; it only has to run at the host's pace (on a real host
 * kzmove's own clock). Lines seen in one look share a time: only the last of them counts as a point.
 */
public final class EtaEstimator {
    static final double WINDOW_SECONDS = 20;
    static final double SEGMENT_SECONDS = 10;
    /** A segment whose rate is further than this from the recent rate ends the current regime. */
    static final double REGIME_TOLERANCE = 0.25;
    static final double SPREAD_PER_VARIATION = 2.0;
    static final double BASE_MARGIN = 0.10;
    static final double ABSOLUTE_MARGIN_SECONDS = 3;
    /** zoneadm's own total is trusted once this many lines agree within {@link #FIT_AGREEMENT}. */
    static final int FIT_LINES = 3;
    static final double FIT_AGREEMENT = 0.05;
    /** At most this many segments are looked back at: beyond, a regime counts as long. */
    private static final int MAX_SEGMENTS = 60;
    private static final int MAX_FIT_VALUES = 101;

    /** One progress line as seen: when, zoneadm's rate (bytes/s) and percentage (0-100). */
    private record Seen(double at, long rate, double percent) {
    }

    private final long allocatedBytes;
    private Double started;
    private final List<Seen> seen = new ArrayList<>();
    /** zoneadm's implied total per line ({@code to go x rate / (1 - percent)}), the latest {@link #MAX_FIT_VALUES}. */
    private final List<Double> fit = new ArrayList<>();

    /** @param allocatedBytes the guest root pool's allocated bytes (0 when unknown) */
    public EtaEstimator(long allocatedBytes) {
        this.allocatedBytes = Math.max(0, allocatedBytes);
    }

    /** The resilver began (zoneadm printed "Waiting for disks to resilver.") at {@code atSeconds}. */
    public synchronized void start(double atSeconds) {
        if (started == null) {
            started = atSeconds;
        }
    }

    /**
     * One progress line, seen at {@code atSeconds}.
     *
     * @param rateBytesPerSecond zoneadm's rate
     * @param percent            zoneadm's percentage, 0-100
     * @param zoneadmEtaSeconds  zoneadm's "to go", null when it printed none
     */
    public synchronized void sample(double atSeconds, long rateBytesPerSecond, double percent, Long zoneadmEtaSeconds) {
        if (rateBytesPerSecond <= 0 || !Double.isFinite(atSeconds)) {
            return;
        }
        double at = seen.isEmpty() ? atSeconds : Math.max(atSeconds, seen.get(seen.size() - 1).at());
        seen.add(new Seen(at, rateBytesPerSecond, Math.max(0, Math.min(100, percent))));
        if (zoneadmEtaSeconds != null && zoneadmEtaSeconds >= 10 && percent < 90) {
            // "to go" is rounded down to the second: its middle is half a second more
            fit.add((zoneadmEtaSeconds + 0.5) * rateBytesPerSecond / (1 - percent / 100));
            if (fit.size() > MAX_FIT_VALUES) {
                fit.remove(0);
            }
        }
    }

    /** The bytes the resilver examines: zoneadm's own total when its lines agree on one, else the pool's allocated bytes; 0 when unknown. */
    public synchronized long totalBytes() {
        return (long) total();
    }

    private double total() {
        if (fit.size() >= FIT_LINES) {
            double[] v = fit.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = v[v.length / 2];
            double spread = v[(v.length * 3) / 4] - v[v.length / 4];
            if (spread <= FIT_AGREEMENT * median || allocatedBytes == 0) {
                return median;
            }
        }
        if (allocatedBytes > 0) {
            return allocatedBytes;
        }
        return fit.isEmpty() ? 0 : fit.get(fit.size() - 1);
    }

    /** The estimate, or empty before the first progress line or when the total is unknown. */
    public synchronized Optional<Estimate> estimate() {
        double total = total();
        if (seen.isEmpty() || total <= 0) {
            return Optional.empty();
        }
        double origin = origin(total);
        List<double[]> points = points(total, origin);
        double[] last = points.get(points.size() - 1);
        double now = last[0];
        double elapsed = Math.max(1e-6, now - origin);
        double done = last[1];
        double remaining = Math.max(0, total - done);
        double average = done / elapsed;
        if (average <= 0) {
            return Optional.empty();
        }
        double cadence = cadence(points);
        double window = Math.max(WINDOW_SECONDS, 4 * cadence);
        double segment = Math.max(SEGMENT_SECONDS, 2 * cadence);
        double recent = slope(points, now - window, now);
        if (!(recent > 0)) {
            recent = average;
        }
        // How long the recent rate has lasted, and how much the rate has varied.
        double age = 0;
        boolean regime = true;
        List<Double> rates = new ArrayList<>();
        for (double t = now; t - segment >= origin - 1e-9 && rates.size() < MAX_SEGMENTS; t -= segment) {
            double r = slope(points, t - segment, t);
            if (!(r > 0)) {
                continue;
            }
            rates.add(r);
            if (regime && Math.abs(r - recent) <= REGIME_TOLERANCE * recent) {
                age += segment;
            } else {
                regime = false;
            }
        }
        age = Math.max(age, window / 2);
        double atRecent = remaining / recent;
        double atAverage = remaining / average;
        double seconds = remaining <= recent * age ? atRecent : age + (remaining - recent * age) / average;
        double variation = Math.abs(recent - average) / average + relativeSpread(rates);
        double margin = SPREAD_PER_VARIATION * variation + BASE_MARGIN;
        double low = Math.max(0, Math.min(seconds, Math.min(atRecent, atAverage)) * (1 - margin) - ABSOLUTE_MARGIN_SECONDS);
        double high = Math.max(seconds, Math.max(atRecent, atAverage)) * (1 + margin) + ABSOLUTE_MARGIN_SECONDS;
        return Optional.of(new Estimate(Math.round(seconds), Math.round(low), Math.round(high), Math.round(recent),
                Math.round(remaining), done / total, elapsed));
    }

    /** Work done as a fraction of the total (0..1), fresh on every line; empty as long as {@link #estimate()} is. */
    public synchronized OptionalDouble fractionDone() {
        return estimate().map(e -> OptionalDouble.of(e.fractionDone())).orElse(OptionalDouble.empty());
    }

    /**
     * When the resilver began: the start seen, but no later than any line allows. zoneadm's
     * percentage is never ahead of the bytes examined, which are the rate times the time since the
     * start, so every line bounds the start: {@code at - percent x total / rate}.
     */
    private double origin(double total) {
        double origin = started != null ? started : Double.POSITIVE_INFINITY;
        for (Seen s : seen) {
            origin = Math.min(origin, s.at() - s.percent() / 100 * total / s.rate());
        }
        return origin;
    }

    /**
     * (time, examined bytes) from the start; of lines seen at one time only the last. The bytes
     * examined never fall: a line whose rate dropped more than the time grew (the rate is rounded,
     * the time is when kzmove looked) keeps the figure before it.
     */
    private List<double[]> points(double total, double origin) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {origin, 0});
        double most = 0;
        for (int i = 0; i < seen.size(); i++) {
            Seen s = seen.get(i);
            if (i + 1 < seen.size() && seen.get(i + 1).at() == s.at()) {
                continue;
            }
            if (s.at() <= origin) {
                continue;
            }
            double examined = s.rate() * (s.at() - origin);
            examined = Math.min(total, Math.max(examined, s.percent() / 100 * total));
            most = Math.max(most, examined);
            points.add(new double[] {s.at(), most});
        }
        return points;
    }

    /** The median time between two looks that brought lines (0 with fewer than two). */
    private static double cadence(List<double[]> points) {
        if (points.size() < 3) {
            return 0;
        }
        double[] gaps = new double[points.size() - 2];
        for (int i = 2; i < points.size(); i++) {
            gaps[i - 2] = points.get(i)[0] - points.get(i - 1)[0];
        }
        Arrays.sort(gaps);
        return gaps[gaps.length / 2];
    }

    /** Least-squares slope of the points with times within [from, to]; NaN with fewer than two. */
    private static double slope(List<double[]> points, double from, double to) {
        int n = 0;
        double st = 0;
        double sx = 0;
        for (int i = points.size() - 1; i >= 0 && points.get(i)[0] >= from; i--) {
            double[] p = points.get(i);
            if (p[0] <= to) {
                n++;
                st += p[0];
                sx += p[1];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double mt = st / n;
        double mx = sx / n;
        double num = 0;
        double den = 0;
        for (int i = points.size() - 1; i >= 0 && points.get(i)[0] >= from; i--) {
            double[] p = points.get(i);
            if (p[0] <= to) {
                num += (p[0] - mt) * (p[1] - mx);
                den += (p[0] - mt) * (p[0] - mt);
            }
        }
        return den <= 0 ? Double.NaN : num / den;
    }

    private static double relativeSpread(List<Double> rates) {
        if (rates.size() < 2) {
            return 0;
        }
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = rates.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / rates.size();
        return mean <= 0 ? 0 : Math.sqrt(var) / mean;
    }

    /**
     * @param seconds                the most likely remaining time
     * @param lowSeconds             the early end of the range
     * @param highSeconds            the late end of the range
     * @param rateBytesPerSecond     the recent rate at which the pool is examined
     * @param remainingBytes         bytes left to examine
     * @param fractionDone           work done, 0..1
     * @param elapsedSeconds         time since the resilver began, on the estimator's clock
     */
    public record Estimate(long seconds, long lowSeconds, long highSeconds, long rateBytesPerSecond,
            long remainingBytes, double fractionDone, double elapsedSeconds) {
    }
}
