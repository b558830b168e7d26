package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.kzmove.sim.host.ResilverSettings.RatePoint;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveTranscript;

/**
 * The simulated resilver's numbers against what the real transcripts imply
 * (docs/solaris-formats.md, "Resilver progress lines: what the numbers are").
 */
class ResilverModelTest {
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;

    /** The evidence the model rests on: both real transcripts' "to go" is allocated x (1 - percent) / rate, to the second. */
    @Test
    void realTranscriptsToGoIsAConstantTimesTheRemainingPercentageOverTheRate() {
        for (String name : List.of("verbose-mirror.txt", "sigint-rollback.txt")) {
            List<MoveEvent.ResilverProgress> lines = progress(Transcripts.real(name));
            double a = fitTotal(lines);
            for (MoveEvent.ResilverProgress p : lines) {
                double predicted = a * (1 - p.percent() / 100) / p.rateBytesPerSecond();
                // integer seconds, rounded down, from a rate printed with three digits
                assertThat(p.etaSeconds() - predicted).as(name + ": " + p.source().text()).isBetween(-1.6, 0.9);
            }
            assertThat(a).as(name).isBetween(3.4 * GIB, 4.0 * GIB);
        }
    }

    /** In the two-disk real move the bytes "resilvered" run at twice the examined bytes for most of the move. */
    @Test
    void realMirrorResilversAboutTwiceWhatItExamines() {
        List<MoveEvent.ResilverProgress> lines = progress(Transcripts.real("verbose-mirror.txt"));
        double a = fitTotal(lines);
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).percent() != lines.get(i - 1).percent() && lines.get(i).percent() < 40) {
                ratios.add(lines.get(i).resilveredBytes() / (lines.get(i).percent() / 100 * a));
            }
        }
        assertThat(ratios).hasSizeGreaterThanOrEqualTo(6).allSatisfy(r -> assertThat(r).isBetween(1.9, 2.1));
    }

    @Test
    void toGoFollowsTheCoarsePercentageAndTheRateIsAnAverageSinceTheStart() {
        ResilverSettings s = settings(0.12, List.of());
        ResilverModel m = new ResilverModel(4 * GIB, 1, s, new SplittableRandom(3));
        long elapsed = 0;
        int sameAsBefore = 0;
        String lastPercent = null;
        long lastResilvered = -1;
        while (true) {
            m.drift();
            m.advance(2000, 1, false);
            elapsed += 2;
            if (m.complete()) {
                break;
            }
            ResilverModel.Line line = m.line();
            assertThat(line.rateBytesPerSecond()).isEqualTo(m.examinedBytes() / elapsed);
            double synced = Double.parseDouble(line.percent()) / 100 * 4 * GIB;
            assertThat((double) line.etaSeconds()).isCloseTo((4 * GIB - synced) / line.rateBytesPerSecond(), within(1.5));
            assertThat(line.resilveredBytes()).isGreaterThan(lastResilvered);
            if (line.percent().equals(lastPercent)) {
                sameAsBefore++;
            }
            lastPercent = line.percent();
            lastResilvered = line.resilveredBytes();
        }
        // the percentage stays put for most lines (4 to 7 lines a step), the bytes never do
        assertThat(sameAsBefore).isGreaterThan((int) (elapsed / 2 * 0.6));
    }

    @Test
    void everyNewDiskIsWrittenTheExaminedBytes() {
        ResilverModel one = new ResilverModel(4 * GIB, 1, settings(0, List.of()), new SplittableRandom(1));
        ResilverModel two = new ResilverModel(4 * GIB, 2, settings(0, List.of()), new SplittableRandom(1));
        one.advance(10_000, 1, false);
        two.advance(10_000, 1, false);
        assertThat(two.line().resilveredBytes()).isEqualTo(2 * one.line().resilveredBytes());
        assertThat(two.line().rateBytesPerSecond()).isEqualTo(one.line().rateBytesPerSecond());
    }

    @Test
    void sameSeedSameLinesWhateverTheCaller() {
        assertThat(lines(settings(0.12, List.of()), 42)).isEqualTo(lines(settings(0.12, List.of()), 42))
                .isNotEqualTo(lines(settings(0.12, List.of()), 43));
    }

    @Test
    void aSlowPhaseTakesAsLongAsItsFactorSays() {
        List<RatePoint> slow = List.of(new RatePoint(30, 1), new RatePoint(30, 0.25), new RatePoint(60, 0.25),
                new RatePoint(60, 1));
        double steady = secondsBetween(settings(0, List.of()), 30, 60);
        double slowed = secondsBetween(settings(0, slow), 30, 60);
        assertThat(slowed / steady).isCloseTo(4, within(0.3));
        assertThat(secondsBetween(settings(0, slow), 0, 30)).isCloseTo(secondsBetween(settings(0, List.of()), 0, 30),
                within(2.0));
    }

    @Test
    void aRampDownSlowsTheEnd() {
        List<RatePoint> ramp = List.of(new RatePoint(0, 1.4), new RatePoint(100, 0.4));
        double first = secondsBetween(settings(0, ramp), 0, 20);
        double last = secondsBetween(settings(0, ramp), 80, 100);
        assertThat(last / first).isBetween(2.0, 4.0);
    }

    @Test
    void contentionDividesTheRate() {
        ResilverModel alone = new ResilverModel(4 * GIB, 1, settings(0, List.of()), new SplittableRandom(1));
        ResilverModel shared = new ResilverModel(4 * GIB, 1, settings(0, List.of()), new SplittableRandom(1));
        alone.advance(10_000, 1, false);
        shared.advance(10_000, 1.0 / 3, false);
        assertThat((double) shared.examinedBytes()).isCloseTo(alone.examinedBytes() / 3.0, within(2.0));
    }

    @Test
    void profileFactorIsLinearBetweenPointsAndStepsAtRepeatedPercentages() {
        ResilverSettings s = settings(0, List.of(new RatePoint(20, 1), new RatePoint(40, 0.5), new RatePoint(40, 2),
                new RatePoint(100, 2)));
        assertThat(s.factorAt(0)).isEqualTo(1);
        assertThat(s.factorAt(30)).isCloseTo(0.75, within(1e-9));
        assertThat(s.factorAt(39.99)).isCloseTo(0.5, within(1e-3));
        assertThat(s.factorAt(40)).isEqualTo(2);
        assertThat(s.factorAt(100)).isEqualTo(2);
    }

    private static ResilverSettings settings(double jitter, List<RatePoint> profile) {
        return new ResilverSettings(36 * MIB, jitter, 2, 4, 7, 3, 2, profile, 0);
    }

    private static List<String> lines(ResilverSettings s, long seed) {
        ResilverModel m = new ResilverModel(2 * GIB, 2, s, new SplittableRandom(seed));
        List<String> out = new ArrayList<>();
        while (true) {
            m.drift();
            m.advance(2000, 1, false);
            if (m.complete()) {
                return out;
            }
            out.add(m.line().text());
        }
    }

    /** Simulated seconds from {@code from} to {@code to} percent examined. */
    private static double secondsBetween(ResilverSettings s, double from, double to) {
        ResilverModel m = new ResilverModel(4 * GIB, 1, s, new SplittableRandom(1));
        double seconds = 0;
        double start = -1;
        while (m.examinedPercent() < to) {
            if (start < 0 && m.examinedPercent() >= from) {
                start = seconds;
            }
            m.advance(100, 1, false);
            seconds += 0.1;
        }
        return seconds - Math.max(0, start);
    }

    private static List<MoveEvent.ResilverProgress> progress(String text) {
        MoveTranscript t = new MoveTranscript();
        List<MoveEvent.ResilverProgress> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (MoveEvent e : t.accept(line)) {
                if (e instanceof MoveEvent.ResilverProgress p) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Least squares: to go = A (1 - percent) / rate. */
    private static double fitTotal(List<MoveEvent.ResilverProgress> lines) {
        double xy = 0;
        double xx = 0;
        for (MoveEvent.ResilverProgress p : lines) {
            double x = (1 - p.percent() / 100) / p.rateBytesPerSecond();
            xy += x * p.etaSeconds();
            xx += x * x;
        }
        return xy / xx;
    }
}
