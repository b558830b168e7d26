package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The listings the console's free-storage probe reads: {@code iostat -En} of every disk, {@code zfs list -o}. */
class StorageListingCommandsTest {
    private final SimHarness sim = new SimHarness(demo());

    private static HostModel demo() {
        try (InputStream in = Files.newInputStream(Path.of("app/scenarios/demo.json"))) {
            return HostModel.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void iostatWithoutOperandsListsEveryDiskOfTheHostButNoVolumes() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "iostat", "-En");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("c0t600144F07591695D4ECF191A9D79BBC7d0          Soft Errors: 0",
                "Size: 8.59GB <8589934592 bytes>", "c0t5000CCA05E20B247d0 ",
                // a zone's disk is still a disk of the host
                "c0t600144F03A37DFE702393E0FA6C8BBC2d0 ");
        assertThat(r.out()).doesNotContain("zvol");
        assertThat(r.out().lines().filter(l -> l.contains("Soft Errors:")).count())
                .isEqualTo(r.out().lines().filter(l -> l.startsWith("Size:")).count());
    }

    @Test
    void zfsListPrintsTheRequestedColumnsOfTheVolumes() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zfs", "list", "-H", "-o", "name,volsize", "-t", "volume");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("rpool/VARSHARE/zones/web01/disk1\t16G\n")
                .contains("rpool/VARSHARE/zones/web01/disk0\t");
    }

    @Test
    void zfsListAtDepthZeroNamesTheImportedPools() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zfs", "list", "-H", "-o", "name", "-d", "0");

        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("rpool\n");
    }

    @Test
    void zfsListWithHeadersAlignsSizesRight() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zfs", "list", "-o", "name,volsize", "-t", "volume");

        assertThat(r.out().lines().findFirst()).get().asString().matches("NAME +VOLSIZE");
        assertThat(r.out()).containsPattern("rpool/VARSHARE/zones/web01/disk1 +16G\n");
    }

    @Test
    void zfsListRefusesAnUnknownProperty() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zfs", "list", "-o", "name,color", "-t", "volume");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("bad property list: invalid property 'color'");
    }
}
