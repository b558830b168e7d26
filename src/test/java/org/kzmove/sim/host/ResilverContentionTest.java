package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.sim.clock.ManualClock;

/**
 * Moves onto one storage array slow each other down when the scenario says so ({@code contention}),
 * deterministically under a manual clock: time moves only when every move sleeps.
 */
class ResilverContentionTest {
    private static final String A1 = "iscsi://zfssa01/luname.naa.600144F0DBF8AF1900005FD25F0E0101";
    private static final String A2 = "iscsi://zfssa01/luname.naa.600144F0DBF8AF1900005FD25F0E0102";
    private static final String B1 = "iscsi://zfssa02/luname.naa.600144F0DBF8AF1900005FD25F0E0201";

    @Test
    void twoMovesOntoOneArrayShareItsBandwidth() throws Exception {
        List<String> apart = run(1.0, List.of(A1, B1));
        List<String> both = run(1.0, List.of(A1, A2));

        // each gets half the array while both run: about twice as many 2-second lines
        assertThat(linesOf(both.get(0)) / (double) linesOf(apart.get(0))).isBetween(1.7, 2.2);
        assertThat(linesOf(both.get(1)) / (double) linesOf(apart.get(1))).isBetween(1.7, 2.2);
    }

    @Test
    void movesOntoDifferentArraysOrWithoutContentionDoNotSlowEachOther() throws Exception {
        int alone = linesOf(run(1.0, List.of(A1)).get(0));
        List<String> apart = run(1.0, List.of(A1, B1));
        List<String> free = run(0.0, List.of(A1, A2));

        assertThat(linesOf(apart.get(0))).isEqualTo(alone);
        assertThat(linesOf(free.get(0))).isEqualTo(alone);
    }

    @Test
    void concurrentMovesPrintTheSameLinesEveryRun() throws Exception {
        assertThat(run(0.7, List.of(A1, A2))).isEqualTo(run(0.7, List.of(A1, A2)));
    }

    private static int linesOf(String out) {
        return (int) out.lines().filter(l -> l.contains(" resilvered at ")).count();
    }

    /** Moves kz1 (and kz2) to the given targets at the same instant; returns their outputs. */
    private static List<String> run(double contention, List<String> targets) throws Exception {
        ManualClock clock = new ManualClock(SimHarness.T0);
        try (SimHarness sim = new SimHarness(host(contention), clock)) {
            List<SimHarness.Run> runs = new java.util.ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                runs.add(sim.start(ROOT, "zoneadm", "-z", "kz" + (i + 1), "move", "-v", "-p", targets.get(i)));
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (runs.stream().anyMatch(r -> !r.status.isDone())) {
                assertThat(System.nanoTime()).as("moves still running").isLessThan(until);
                int live = (int) runs.stream().filter(r -> !r.status.isDone()).count();
                // Only once every running move sleeps: a move ending meanwhile shows up as a timeout here.
                clock.advanceToNextWakeup(live, Duration.ofMillis(200));
            }
            List<String> outs = new java.util.ArrayList<>();
            for (SimHarness.Run r : runs) {
                assertThat(r.result().status()).isZero();
                outs.add(r.out());
            }
            return outs;
        }
    }

    private static HostModel host(double contention) throws Exception {
        String json = """
                {
                  "hostname": "contention", "seed": 5,
                  "users": [ { "name": "root", "uid": 0 } ],
                  "resilver": { "rate": "36M", "jitter": 0.1, "contention": %s },
                  "storage": [
                    { "uri": "%s", "size": "20G" }, { "uri": "%s", "size": "20G" }, { "uri": "%s", "size": "20G" }
                  ],
                  "zones": [
                    { "name": "kz1", "state": "running",
                      "devices": [ { "id": 0, "storage": "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kz1/disk0", "bootpri": 0 } ],
                      "rootPool": { "size": "16G", "allocated": "2G" } },
                    { "name": "kz2", "state": "running",
                      "devices": [ { "id": 0, "storage": "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kz2/disk0", "bootpri": 0 } ],
                      "rootPool": { "size": "16G", "allocated": "2G" } }
                  ]
                }
                """.formatted(contention, A1, A2, B1);
        return HostModel.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
