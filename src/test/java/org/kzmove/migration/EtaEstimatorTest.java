package org.kzmove.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveTranscript;

class EtaEstimatorTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    /**
     * A resilver as zoneadm reports it (docs/solaris-formats.md): {@code total} bytes examined at
     * {@code rate(t)} bytes/s; a line every 2 s with the rate averaged since the start, the
     * percentage synced every 5 lines, "to go" from that percentage; kzmove sees each line on its own
     * clock, up to a second late (it looks once a second).
     */
    private record Line(double printedAt, double seenAt, long rate, double percent, long zoneadmEta) {
    }

    private record Run(List<Line> lines, double end) {
    }

    private static Run resilver(long total, DoubleUnaryOperator rate, long seed) {
        Random random = new Random(seed);
        double phase = random.nextDouble();
        List<Line> lines = new ArrayList<>();
        double examined = 0;
        long synced = 0;
        int t = 0;
        while (true) {
            for (int k = 0; k < 20; k++) {
                examined += rate.applyAsDouble(t + k * 0.1) * 0.1;
            }
            t += 2;
            if (examined >= total) {
                return new Run(lines, t);
            }
            if (lines.size() % 5 == 4) {
                synced = (long) examined;
            }
            long r = (long) examined / t;
            double percent = Math.round(10_000.0 * synced / total) / 100.0;
            lines.add(new Line(t, Math.ceil(t - phase) + phase, r, percent, (total - synced) / r));
        }
    }

    private static EtaEstimator feed(Run run, long allocated, int upTo) {
        EtaEstimator eta = new EtaEstimator(allocated);
        eta.start(0.4);
        for (Line l : run.lines().subList(0, upTo)) {
            eta.sample(l.seenAt(), l.rate(), l.percent(), l.zoneadmEta());
        }
        return eta;
    }

    @Test
    void onASteadyRateItConvergesWhereZoneadmsFigureSawsUpAndDown() {
        long total = 4 * GIB;
        Run run = resilver(total, t -> 40 * MIB, 1);
        double ours = 0;
        double theirs = 0;
        double ourWorst = 0;
        int n = 0;
        for (int i = 15; i < run.lines().size(); i++) {
            Line l = run.lines().get(i);
            EtaEstimator.Estimate e = feed(run, total, i + 1).estimate().orElseThrow();
            double truth = run.end() - l.seenAt();
            ours += Math.abs(e.seconds() - truth);
            ourWorst = Math.max(ourWorst, Math.abs(e.seconds() - truth));
            theirs += Math.abs(l.zoneadmEta() - (run.end() - l.printedAt()));
            n++;
            assertThat(e.lowSeconds()).isLessThanOrEqualTo((long) Math.ceil(truth));
            assertThat(e.highSeconds()).isGreaterThanOrEqualTo((long) Math.floor(truth));
        }
        assertThat(ourWorst).isLessThanOrEqualTo(3.5);
        // zoneadm's "to go" stands still for five lines while ten seconds pass: on average twice our error and more
        assertThat(ours / n).isLessThan(0.5 * theirs / n);
    }

    @Test
    void workDoneIsFreshOnEveryLineAndNeverBehindThePercentage() {
        long total = 4 * GIB;
        Run run = resilver(total, t -> 40 * MIB, 2);
        double previous = 0;
        for (int i = 1; i <= run.lines().size(); i++) {
            Line l = run.lines().get(i - 1);
            double done = feed(run, total, i).fractionDone().orElseThrow();
            assertThat(done).isGreaterThanOrEqualTo(l.percent() / 100).isLessThanOrEqualTo(1.0);
            assertThat(done).as("line %d", i).isGreaterThan(previous);
            previous = done;
        }
    }

    @Test
    void aLastingSlowdownIsFollowed() {
        long total = 8 * GIB;
        // another move starts on the same array after 60 s and halves this one's rate until the end
        Run run = resilver(total, t -> t < 60 ? 40 * MIB : 20 * MIB, 3);
        int i = indexAt(run, 150);
        EtaEstimator.Estimate e = feed(run, total, i + 1).estimate().orElseThrow();
        double truth = run.end() - run.lines().get(i).seenAt();
        double zoneadm = run.lines().get(i).zoneadmEta();
        // zoneadm averages since the start and is 57 s short; kzmove trusts the new rate for as long as it has lasted
        assertThat(Math.abs(e.seconds() - truth)).isLessThan(0.6 * Math.abs(zoneadm - truth));
        assertThat(truth).isBetween((double) e.lowSeconds(), (double) e.highSeconds());
    }

    @Test
    void theRangeHoldsTheTruthMostOfTheTimeOnAWanderingRate() {
        long total = 6 * GIB;
        int held = 0;
        int lines = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Random walk = new Random(seed * 31);
            double[] factor = new double[2000];
            factor[0] = 1;
            for (int k = 1; k < factor.length; k++) {
                factor[k] = Math.max(0.6, Math.min(1.4, factor[k - 1] + (walk.nextDouble() * 2 - 1) * 0.06));
            }
            Run run = resilver(total, t -> 36 * MIB * factor[(int) t / 2], seed);
            for (int i = 0; i < run.lines().size(); i++) {
                EtaEstimator.Estimate e = feed(run, total, i + 1).estimate().orElseThrow();
                double truth = run.end() - run.lines().get(i).seenAt();
                held += e.lowSeconds() <= truth && truth <= e.highSeconds() ? 1 : 0;
                lines++;
            }
        }
        assertThat(held / (double) lines).isBetween(0.75, 0.99);
    }

    @Test
    void linesSeenInOneLookCountAsTheLastOfThem() {
        long total = 4 * GIB;
        Run run = resilver(total, t -> 40 * MIB, 4);
        EtaEstimator one = new EtaEstimator(total);
        EtaEstimator batch = new EtaEstimator(total);
        one.start(0);
        batch.start(0);
        Line a = run.lines().get(10);
        Line b = run.lines().get(11);
        Line c = run.lines().get(12);
        // (without zoneadm's "to go", so that the total is the pool's in both)
        one.sample(30, c.rate(), c.percent(), null);
        for (Line l : List.of(a, b, c)) {
            batch.sample(30, l.rate(), l.percent(), null);
        }
        assertThat(batch.estimate()).isEqualTo(one.estimate());
    }

    @Test
    void zoneadmsOwnTotalIsUsedWhenItsLinesAgreeAndThePoolSizeIsUnknown() {
        long total = 4 * GIB;
        Run run = resilver(total, t -> 40 * MIB, 5);
        EtaEstimator unknown = feed(run, 0, 10);
        assertThat((double) unknown.totalBytes()).isCloseTo(total, within(0.01 * total));
        // a pool size that disagrees with what zoneadm counts towards: zoneadm's lines win
        EtaEstimator wrong = feed(run, 6 * GIB, 10);
        assertThat((double) wrong.totalBytes()).isCloseTo(total, within(0.01 * total));
        assertThat(feed(run, 6 * GIB, 2).totalBytes()).as("too few lines to tell").isEqualTo(6 * GIB);
    }

    @Test
    void noEstimateWithoutLinesOrTotal() {
        assertThat(new EtaEstimator(1000).estimate()).isEmpty();
        EtaEstimator unknownSize = new EtaEstimator(0);
        unknownSize.sample(10, 100, 0, null);
        assertThat(unknownSize.estimate()).isEmpty();
        assertThat(unknownSize.fractionDone()).isEmpty();
    }

    /** The real mirror transcript, a line every 1.45 s: ours moves steadily where zoneadm's jumps. */
    @Test
    void staysSteadyWhereZoneadmsEtaJumpsOnTheRealTranscript() throws IOException {
        String text;
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/transcripts/verbose-mirror.txt"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MoveTranscript transcript = new MoveTranscript();
        // the pool's allocated bytes are not in the transcript: zoneadm's own lines tell them (3.86G)
        EtaEstimator eta = new EtaEstimator(0);
        eta.start(0);
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n")) {
            for (MoveEvent e : transcript.accept(line)) {
                if (e instanceof MoveEvent.ResilverProgress p) {
                    eta.sample(5.75 + 1.45 * n++, p.rateBytesPerSecond(), p.percent(), p.etaSeconds());
                    ours.add(eta.estimate().orElseThrow().seconds());
                    theirs.add(p.etaSeconds());
                }
            }
        }
        assertThat(ours).hasSize(72);
        assertThat((double) eta.totalBytes()).isCloseTo(3.86 * GIB, within(0.02 * GIB));
        assertThat(maxJump(ours.subList(5, ours.size()))).isLessThan(maxJump(theirs.subList(5, theirs.size())));
        EtaEstimator.Estimate last = eta.estimate().orElseThrow();
        assertThat(last.lowSeconds()).isLessThanOrEqualTo(last.seconds());
        assertThat(last.highSeconds()).isGreaterThanOrEqualTo(last.seconds());
    }

    private static int indexAt(Run run, double seconds) {
        for (int i = 0; i < run.lines().size(); i++) {
            if (run.lines().get(i).seenAt() >= seconds) {
                return i;
            }
        }
        throw new AssertionError("the run ends before " + seconds + " s");
    }

    private static long maxJump(List<Long> values) {
        long max = 0;
        for (int i = 1; i < values.size(); i++) {
            max = Math.max(max, Math.abs(values.get(i) - values.get(i - 1)));
        }
        return max;
    }
}
