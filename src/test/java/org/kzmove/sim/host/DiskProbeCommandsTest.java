package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** {@code iostat -En} and {@code zdb -l}: the read-only disk probes the pre-checks use. */
class DiskProbeCommandsTest {
    private final SimHarness sim = new SimHarness(load());

    private static HostModel load() {
        try (InputStream in = DiskProbeCommandsTest.class.getResourceAsStream("/scenarios/prechecks.json")) {
            return HostModel.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void iostatPrintsTheSizeOfAKnownDisk() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "iostat", "-En", "/dev/dsk/c0t600144F000000000000000000000A003d0");

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("c0t600144F000000000000000000000A003d0 ")
                .contains("Soft Errors: 0 Hard Errors: 0 Transport Errors: 0\n", "\nSize: 8.59GB <8589934592 bytes>\n");
    }

    @Test
    void iostatRefusesAnUnknownDisk() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "iostat", "-En", "c0t600144F0FFFFd0");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("c0t600144F0FFFFd0");
    }

    @Test
    void zdbShowsTheOldPoolsLabel() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zdb", "-l", "/dev/dsk/c0t5000CCA0D80E94C0d0");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("LABEL 0\n", "    name: 'oldpool'\n");
    }

    @Test
    void zdbFindsNoLabelOnAFreshDisk() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zdb", "-l", "/dev/dsk/c0t600144F000000000000000000000A001d0");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("failed to unpack label 0\n", "failed to unpack label 3\n").doesNotContain("name:");
    }
}
