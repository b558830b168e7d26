package org.kzmove.migration.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.ZpoolStatusParser;

class PoolLayoutTest {

    static Pool pool(String tree) {
        String text = "  pool: rpool\n state: ONLINE\n  scan: none requested\nconfig:\n\n"
                + "        NAME        STATE     READ WRITE CKSUM\n"
                + "        rpool       ONLINE       0     0     0\n" + tree
                + "\nerrors: No known data errors\n";
        return ZpoolStatusParser.parse(text).pool("rpool").orElseThrow();
    }

    @Test
    void singleDiskIsSupported() {
        assertThat(PoolLayout.problem(pool("          c1d1      ONLINE       0     0     0\n"))).isEmpty();
    }

    @Test
    void mirrorOfDisksIsSupported() {
        assertThat(PoolLayout.problem(pool("          mirror-0  ONLINE       0     0     0\n"
                + "            c1d1    ONLINE       0     0     0\n"
                + "            c1d2    ONLINE       0     0     0\n"))).isEmpty();
    }

    @Test
    void stripedPoolIsRefused() {
        assertThat(PoolLayout.problem(pool("          c1d1      ONLINE       0     0     0\n"
                + "          c1d2      ONLINE       0     0     0\n"))).hasValue("2 top-level vdevs (a striped pool)");
    }

    @Test
    void raidzIsRefused() {
        assertThat(PoolLayout.problem(pool("          raidz1-0  ONLINE       0     0     0\n"
                + "            c1d1    ONLINE       0     0     0\n"
                + "            c1d2    ONLINE       0     0     0\n"
                + "            c1d3    ONLINE       0     0     0\n"))).hasValue("a raidz1-0 vdev");
    }

    @Test
    void replacingInsideMirrorIsRefused() {
        assertThat(PoolLayout.problem(pool("          mirror-0       ONLINE       0     0     0\n"
                + "            c1d1         ONLINE       0     0     0\n"
                + "            replacing-1  ONLINE       0     0     0\n"
                + "              c1d2       ONLINE       0     0     0\n"
                + "              c1d3       ONLINE       0     0     0\n"))).hasValue("a replacing-1 vdev inside mirror-0");
    }
}
