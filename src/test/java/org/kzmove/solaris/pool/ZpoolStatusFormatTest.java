package org.kzmove.solaris.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;
import org.kzmove.solaris.units.SolarisSize;

class ZpoolStatusFormatTest {

    private static final Vdev MIRROR_TREE = Vdev.online("rpool",
            Vdev.online("mirror-0", Vdev.online("c1d1"), Vdev.online("c1d2").withAnnotation("(resilvering)")));

    @Test
    void configTableReproducesTheSolaris11LayoutSample() {
        Pool pool = new Pool("rpool", VdevState.ONLINE, Pool.RESILVERING_STATUS, Pool.RESILVERING_ACTION, null,
                null, MIRROR_TREE, List.of(), Pool.NO_KNOWN_DATA_ERRORS);

        String printed = ZpoolStatusFormat.pool(pool);

        assertThat(printed.substring(printed.indexOf("config:"))).isEqualTo(Fixtures.read("zpool/layout-config-solaris11.txt"));
        assertThat(ZpoolStatusFormat.nameWidth(pool)).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zpool/status-resilvering-11.0.txt", "zpool/status-resilvering-11.4-invented.txt",
            "zpool/status-two-pools-resilvered.txt"})
    void parsedStatusFormatsBackToTheSameText(String fixture) {
        String text = Fixtures.read(fixture);

        assertThat(ZpoolStatusFormat.status(ZpoolStatusParser.parse(text).pools())).isEqualTo(text);
    }

    @Test
    void modelRoundTripsThroughTheText() {
        Pool resilvering = new Pool("rpool", VdevState.ONLINE, Pool.RESILVERING_STATUS, Pool.RESILVERING_ACTION, null,
                ScanStatus.resilverInProgress(ScanStatus.ctime(LocalDateTime.of(2022, 8, 3, 9, 5, 7)), 3L << 30,
                        16L << 30, 40L << 20, 3L << 30, 18.75, 331L),
                MIRROR_TREE, List.of(), Pool.NO_KNOWN_DATA_ERRORS);
        Pool healthy = Pool.healthy("data", ScanStatus.resilvered("Fri Jul 20 13:57:25 2014", 12_455_405_158L, 300, 0),
                Vdev.online("data", Vdev.online("c1d5")));

        ZpoolStatus back = ZpoolStatusParser.parse(ZpoolStatusFormat.status(List.of(resilvering, healthy)));

        assertThat(back.isClean()).isTrue();
        assertThat(back.pools()).containsExactly(resilvering, healthy);
    }

    @Test
    void inventedProgressLinesMatchZoneadmsProgressLine() {
        ScanStatus scan = ScanStatus.resilverInProgress("Tue Aug 23 10:15:02 2022", 455L << 20,
                SolarisSize.parse("8.07G").getAsLong(), 39L << 20, 455L << 20, 5.58, 95L);

        assertThat(ZpoolStatusFormat.scan(scan)).isEqualTo("""
                resilver in progress since Tue Aug 23 10:15:02 2022
                    455M scanned out of 8.07G at 39M/s, 1m35s to go
                    455M resilvered at 39M/s, 5.58% done, 1m35s to go
                """);
    }

    @Test
    void classicLayoutUsesNicenumAndHoursMinutes() {
        ScanStatus scan = ScanStatus.resilverInProgress("Sun May  7 02:28:22 2017", SolarisSize.parse("1.30G").getAsLong(),
                SolarisSize.parse("5.38G").getAsLong(), SolarisSize.parse("38.4M").getAsLong(),
                SolarisSize.parse("1.29G").getAsLong(), 24.16, 4000L).withStyle(ScanStatus.Style.SOLARIS_11_0);

        assertThat(ZpoolStatusFormat.scan(scan)).isEqualTo("resilver in progress since Sun May  7 02:28:22 2017\n"
                + "    1.30G scanned out of 5.38G at 38.4M/s, 1h6m to go\n    1.29G resilvered, 24.16% done\n");
    }

    @Test
    void healthyPoolGoesStraightFromStateToScanAndNameColumnHasNoMinimumWidth() {
        String printed = ZpoolStatusFormat.pool(Pool.healthy("rpool", ScanStatus.none(), Vdev.online("rpool", Vdev.online("c1d0"))));

        assertThat(printed).isEqualTo("""
                  pool: rpool
                 state: ONLINE
                  scan: none requested
                config:

                \tNAME    STATE     READ WRITE CKSUM
                \trpool   ONLINE       0     0     0
                \t  c1d0  ONLINE       0     0     0

                errors: No known data errors
                """);
    }

    @Test
    void explainPrintsOnlyUnhealthyPools() {
        Pool healthy = Pool.healthy("data", ScanStatus.none(), Vdev.online("data", Vdev.online("c1d5")));
        Pool sick = new Pool("rpool", VdevState.ONLINE, Pool.RESILVERING_STATUS, Pool.RESILVERING_ACTION, null,
                ScanStatus.none(), MIRROR_TREE, List.of(), Pool.NO_KNOWN_DATA_ERRORS);

        assertThat(ZpoolStatusFormat.statusExplain(List.of(healthy), false)).isEqualTo("all pools are healthy\n");
        assertThat(ZpoolStatusFormat.statusExplain(List.of(healthy), true)).isEqualTo("pool 'data' is healthy\n");
        assertThat(ZpoolStatusFormat.statusExplain(List.of(), false)).isEqualTo("no pools available\n");
        assertThat(ZpoolStatusFormat.statusExplain(List.of(healthy, sick), false)).isEqualTo(ZpoolStatusFormat.pool(sick));
        assertThat(ZpoolStatusFormat.status(List.of())).isEqualTo("no pools available\n");

        ZpoolStatus back = ZpoolStatusParser.parse(ZpoolStatusFormat.statusExplain(List.of(healthy, sick), true));
        assertThat(back.healthyPoolNames()).containsExactly("data");
        assertThat(back.pools()).containsExactly(sick);
    }

    @Test
    void longDeviceNamesWidenTheNameColumn() {
        Vdev root = Vdev.online("rpool", Vdev.online("mirror-0", Vdev.online("c0t600144F0DBF8AF19000052E820D60003d0"),
                Vdev.online("c1d0")));
        Pool pool = Pool.healthy("rpool", ScanStatus.none(), root);

        String table = ZpoolStatusFormat.configTable(pool);

        assertThat(ZpoolStatusFormat.nameWidth(pool)).isEqualTo(4 + 37);
        assertThat(table.lines().toList().get(0)).isEqualTo("\tNAME" + " ".repeat(37) + "  STATE     READ WRITE CKSUM");
        assertThat(ZpoolStatusParser.parse(ZpoolStatusFormat.pool(pool)).pools()).containsExactly(pool);
    }

    @Test
    void ctimePadsTheDayWithASpace() {
        assertThat(ScanStatus.ctime(LocalDateTime.of(2017, 5, 7, 2, 28, 22))).isEqualTo("Sun May  7 02:28:22 2017");
        assertThat(ScanStatus.ctime(LocalDateTime.of(2014, 7, 20, 13, 57, 25))).isEqualTo("Sun Jul 20 13:57:25 2014");
    }
}
