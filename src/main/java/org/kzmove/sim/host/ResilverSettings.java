package org.kzmove.sim.host;

import org.kzmove.sim.host.scenario.HostScenario.ResilverSpec;

/**
 * How a simulated resilver behaves.
 *
 * @param bytesPerSecond    mean rate
 * @param jitter            relative jitter of the rate (0.15 = +/- 15 %)
 * @param pollSeconds       simulated seconds between two progress lines
 * @param minLinesPerStep   fewest progress lines between two updates of the printed percentage
 * @param maxLinesPerStep   most progress lines between two updates of the printed percentage
 * @param degradedSeconds   how long a new disk stays DEGRADED once resilvered
 * @param startDelaySeconds simulated seconds from the attach to the first progress line
 */
public record ResilverSettings(long bytesPerSecond, double jitter, int pollSeconds, int minLinesPerStep,
                               int maxLinesPerStep, int degradedSeconds, int startDelaySeconds) {

    /** Figures of the real verbose transcript: about 36M/s, a line every 2 s, 3 s DEGRADED. */
    public static final ResilverSettings DEFAULT = new ResilverSettings(36L << 20, 0.12, 2, 4, 7, 3, 2);

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
    }

    /** These settings overridden by the non-null fields of a scenario block. */
    public ResilverSettings with(ResilverSpec spec) {
        if (spec == null) {
            return this;
        }
        return new ResilverSettings(
                spec.rate() == null ? bytesPerSecond : HostModel.size(spec.rate(), "resilver rate"),
                spec.jitter() == null ? jitter : spec.jitter(),
                spec.pollSeconds() == null ? pollSeconds : spec.pollSeconds(),
                spec.percentEveryLines() == null ? minLinesPerStep : spec.percentEveryLines().get(0),
                spec.percentEveryLines() == null ? maxLinesPerStep
                        : spec.percentEveryLines().get(spec.percentEveryLines().size() - 1),
                spec.degradedSeconds() == null ? degradedSeconds : spec.degradedSeconds(),
                spec.startDelaySeconds() == null ? startDelaySeconds : spec.startDelaySeconds());
    }
}
