package org.kzmove.sim.host;

import java.util.ArrayList;
import java.util.List;

import org.kzmove.sim.host.scenario.HostScenario.RatePointSpec;
import org.kzmove.sim.host.scenario.HostScenario.ResilverSpec;

/**
 * How a simulated resilver behaves.
 *
 * @param bytesPerSecond    mean rate at which the pool's allocated bytes are examined
 * @param jitter            relative jitter of the rate (0.15 = +/- 15 %)
 * @param pollSeconds       simulated seconds between two progress lines
 * @param minLinesPerStep   fewest progress lines between two updates of the printed percentage
 * @param maxLinesPerStep   most progress lines between two updates of the printed percentage
 * @param degradedSeconds   how long a new disk stays DEGRADED once resilvered
 * @param startDelaySeconds simulated seconds from the attach to the first progress line
 * @param profile           the rate over the move: factors at percentages examined, linear in between
 *                          (empty: steady)
 * @param contention        how much concurrent resilvers onto the same storage array slow each other:
 *                          with {@code k} others, this one runs at {@code 1 / (1 + contention * k)} of
 *                          its rate (0: not at all; 1: they share the array's bandwidth evenly)
 */
public record ResilverSettings(long bytesPerSecond, double jitter, int pollSeconds, int minLinesPerStep,
                               int maxLinesPerStep, int degradedSeconds, int startDelaySeconds,
                               List<RatePoint> profile, double contention) {

    /** Figures of the real verbose transcript: about 36M/s, a line every 2 s, 3 s DEGRADED; steady, no contention. */
    public static final ResilverSettings DEFAULT =
            new ResilverSettings(36L << 20, 0.12, 2, 4, 7, 3, 2, List.of(), 0);

    /**
     * One point of a rate profile: at {@code percent} examined the rate is {@code factor} times the
     * mean rate. Two points at the same percentage make a step.
     */
    public record RatePoint(double percent, double factor) {
        public RatePoint {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("resilver profile: percentage must be within 0..100, got " + percent);
            }
            if (!(factor > 0 && factor <= 100)) {
                throw new IllegalArgumentException("resilver profile: factor must be above 0 (and at most 100), got " + factor);
            }
        }
    }

    public ResilverSettings {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("resilver rate must be positive");
        }
        if (jitter < 0 || jitter > 0.9) {
            throw new IllegalArgumentException("resilver jitter must be within 0..0.9, got " + jitter);
        }
        if (pollSeconds < 1 || minLinesPerStep < 1 || maxLinesPerStep < minLinesPerStep || degradedSeconds < 0
                || startDelaySeconds < 0) {
            throw new IllegalArgumentException("invalid resilver settings");
        }
        profile = List.copyOf(profile);
        for (int i = 1; i < profile.size(); i++) {
            if (profile.get(i).percent() < profile.get(i - 1).percent()) {
                throw new IllegalArgumentException("resilver profile: percentages must not decrease");
            }
        }
        if (!(contention >= 0 && contention <= 10)) {
            throw new IllegalArgumentException("resilver contention must be within 0..10, got " + contention);
        }
    }

    /**
     * The profile's factor at {@code percent} examined: the first point's before it, the last point's
     * after it, linear between two points, and after a step (two points at one percentage) the later one.
     */
    public double factorAt(double percent) {
        if (profile.isEmpty()) {
            return 1;
        }
        if (percent < profile.get(0).percent()) {
            return profile.get(0).factor();
        }
        for (int i = profile.size() - 1; i >= 0; i--) {
            RatePoint p = profile.get(i);
            if (percent >= p.percent()) {
                if (i == profile.size() - 1) {
                    return p.factor();
                }
                RatePoint q = profile.get(i + 1);
                double span = q.percent() - p.percent();
                return span <= 0 ? q.factor() : p.factor() + (q.factor() - p.factor()) * (percent - p.percent()) / span;
            }
        }
        return profile.get(0).factor();
    }

    /** These settings overridden by the non-null fields of a scenario block. */
    public ResilverSettings with(ResilverSpec spec) {
        if (spec == null) {
            return this;
        }
        List<RatePoint> points = profile;
        if (spec.profile() != null) {
            points = new ArrayList<>();
            for (RatePointSpec p : spec.profile()) {
                if (p.at() == null || p.factor() == null) {
                    throw new IllegalArgumentException("resilver profile: every point needs 'at' and 'factor'");
                }
                points.add(new RatePoint(p.at(), p.factor()));
            }
        }
        return new ResilverSettings(
                spec.rate() == null ? bytesPerSecond : HostModel.size(spec.rate(), "resilver rate"),
                spec.jitter() == null ? jitter : spec.jitter(),
                spec.pollSeconds() == null ? pollSeconds : spec.pollSeconds(),
                spec.percentEveryLines() == null ? minLinesPerStep : spec.percentEveryLines().get(0),
                spec.percentEveryLines() == null ? maxLinesPerStep
                        : spec.percentEveryLines().get(spec.percentEveryLines().size() - 1),
                spec.degradedSeconds() == null ? degradedSeconds : spec.degradedSeconds(),
                spec.startDelaySeconds() == null ? startDelaySeconds : spec.startDelaySeconds(),
                points,
                spec.contention() == null ? contention : spec.contention());
    }
}
