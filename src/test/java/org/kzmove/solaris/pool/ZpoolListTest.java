package org.kzmove.solaris.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;
import org.kzmove.solaris.units.SolarisSize;

class ZpoolListTest {

    @Test
    void readsTheInventedTable() {
        ZpoolListing listing = ZpoolListParser.parse(Fixtures.read("zpool/list-invented.txt"));
        PoolUsage rpool = listing.pool("rpool").orElseThrow();

        assertThat(listing.unrecognizedLines()).isEmpty();
        assertThat(rpool.sizeBytes()).isEqualTo(SolarisSize.parse("15.9G").getAsLong());
        assertThat(rpool.allocatedBytes()).isEqualTo(SolarisSize.parse("5.76G").getAsLong());
        assertThat(rpool.freeBytes()).isEqualTo(SolarisSize.parse("10.1G").getAsLong());
        assertThat(rpool.capacityPercent()).isEqualTo(36);
        assertThat(rpool.dedupRatio()).isEqualTo(1.0);
        assertThat(rpool.health()).isEqualTo(VdevState.ONLINE);
        assertThat(rpool.altroot()).isNull();
    }

    @Test
    void tableFormatsBackToTheSameText() {
        String text = Fixtures.read("zpool/list-invented.txt");

        assertThat(ZpoolListFormat.table(ZpoolListParser.parse(text).pools())).isEqualTo(text);
    }

    @Test
    void parsableFormKeepsExactBytes() {
        PoolUsage exact = PoolUsage.of("rpool", 17_072_495_001L, 6_184_752_906L, VdevState.ONLINE);
        PoolUsage other = new PoolUsage("data", 1L << 40, 0, 1L << 40, 0, 1.25, VdevState.DEGRADED, "/a");

        String text = ZpoolListFormat.parsable(List.of(exact, other));

        assertThat(text).isEqualTo("rpool\t17072495001\t6184752906\t10887742095\t36\t1.00\tONLINE\t-\n"
                + "data\t1099511627776\t0\t1099511627776\t0\t1.25\tDEGRADED\t/a\n");
        assertThat(ZpoolListParser.parse(text).pools()).containsExactly(exact, other);
    }

    @Test
    void widerValuesWidenTheirColumns() {
        List<PoolUsage> pools = List.of(PoolUsage.of("rpool", 16L << 30, 6L << 30, VdevState.ONLINE),
                PoolUsage.of("bigdatapool", 1000L << 40, 999L << 40, VdevState.DEGRADED));

        String text = ZpoolListFormat.table(pools);

        assertThat(text).isEqualTo("""
                NAME          SIZE  ALLOC  FREE  CAP  DEDUP  HEALTH    ALTROOT
                rpool          16G     6G   10G  37%  1.00x  ONLINE    -
                bigdatapool  1000T   999T    1T  99%  1.00x  DEGRADED  -
                """);
        assertThat(ZpoolListParser.parse(text).pools()).extracting(PoolUsage::name).containsExactly("rpool", "bigdatapool");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cannot open 'x': no such pool", "rpool 15.9G 5.76G", "rpool big 5.76G 10.1G 36% 1.00x ONLINE -",
            "rpool 15.9G 5.76G 10.1G 36% 1.00x WOBBLY -", "rpool 15.9G 5.76G 10.1G lots 1.00x ONLINE -"})
    void junkLinesAreKept(String junk) {
        ZpoolListing listing = ZpoolListParser.parse(Fixtures.read("zpool/list-invented.txt") + junk + "\r\n");

        assertThat(listing.pools()).hasSize(1);
        assertThat(listing.unrecognizedLines()).containsExactly(junk);
    }

    @Test
    void nullAndEmptyGiveNothing() {
        assertThat(ZpoolListParser.parse(null).pools()).isEmpty();
        assertThat(ZpoolListParser.parse("\n").unrecognizedCount()).isZero();
    }
}
