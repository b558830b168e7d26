package org.kzmove.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveTranscript;

class EtaEstimatorTest {

    /** The real mirror transcript: zoneadm's ETA jumps (1m09s -> 56s -> ...), ours must move steadily. */
    @Test
    void staysSteadyWhereZoneadmsEtaJumps() throws IOException {
        String text;
        try (var in = Objects.requireNonNull(getClass().getResourceAsStream("/transcripts/verbose-mirror.txt"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        MoveTranscript transcript = new MoveTranscript();
        // The pool held about 5.7G (the last line shows 5.38G at 94%).
        EtaEstimator eta = new EtaEstimator(5_800_000_000L);
        List<Long> ours = new ArrayList<>();
        List<Long> theirs = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (MoveEvent e : transcript.accept(line)) {
                if (e instanceof MoveEvent.ResilverProgress p) {
                    eta.sample(p.resilveredBytes(), p.rateBytesPerSecond());
                    ours.add(eta.estimate().orElseThrow().seconds());
                    theirs.add(p.etaSeconds());
                }
            }
        }
        assertThat(ours).hasSize(72);
        // Sampled about every 2 s: a steady estimate falls by a few seconds per line, never leaps.
        assertThat(maxJump(ours)).isLessThan(maxJump(theirs));
        assertThat(maxJump(ours)).isLessThanOrEqualTo(12);
        EtaEstimator.Estimate last = eta.estimate().orElseThrow();
        assertThat(last.lowSeconds()).isLessThanOrEqualTo(last.seconds());
        assertThat(last.highSeconds()).isGreaterThanOrEqualTo(last.seconds());
    }

    @Test
    void noEstimateWithoutSamplesOrPoolSize() {
        assertThat(new EtaEstimator(1000).estimate()).isEmpty();
        EtaEstimator unknownSize = new EtaEstimator(0);
        unknownSize.sample(100, 10);
        assertThat(unknownSize.estimate()).isEmpty();
    }

    private static long maxJump(List<Long> values) {
        long max = 0;
        for (int i = 1; i < values.size(); i++) {
            max = Math.max(max, Math.abs(values.get(i) - values.get(i - 1)));
        }
        return max;
    }
}
