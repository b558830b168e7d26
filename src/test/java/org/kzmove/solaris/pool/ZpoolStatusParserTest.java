package org.kzmove.solaris.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;
import org.kzmove.solaris.units.SolarisSize;

class ZpoolStatusParserTest {

    @Test
    void readsTheSolaris11LayoutTreeWithAResilveringDisk() {
        ZpoolStatus status = ZpoolStatusParser.parse(Fixtures.read("zpool/status-resilvering-11.0.txt"));
        Pool pool = status.pool("rpool").orElseThrow();

        assertThat(status.unrecognizedLines()).isEmpty();
        assertThat(pool.state()).isEqualTo(VdevState.ONLINE);
        assertThat(pool.status()).isEqualTo(Pool.RESILVERING_STATUS);
        assertThat(pool.action()).isEqualTo(Pool.RESILVERING_ACTION);
        assertThat(pool.isHealthy()).isFalse();
        assertThat(pool.root().name()).isEqualTo("rpool");
        Vdev mirror = pool.root().children().get(0);
        assertThat(mirror.type()).isEqualTo(VdevType.MIRROR);
        assertThat(mirror.children()).extracting(Vdev::name).containsExactly("c1d1", "c1d2");
        assertThat(pool.vdev("c1d2").orElseThrow().isResilvering()).isTrue();
        assertThat(pool.vdev("c1d1").orElseThrow().isResilvering()).isFalse();
        assertThat(pool.leaves()).extracting(Vdev::type).containsOnly(VdevType.LEAF);
        assertThat(pool.vdev("c1d1").orElseThrow().readErrors()).hasValue(0);
        assertThat(pool.errors()).isEqualTo(Pool.NO_KNOWN_DATA_ERRORS);
    }

    @Test
    void readsThe110TwoLineResilverProgress() {
        ScanStatus scan = ZpoolStatusParser.parse(Fixtures.read("zpool/status-resilvering-11.0.txt"))
                .pools().get(0).scan();

        assertThat(scan.kind()).isEqualTo(ScanStatus.Kind.RESILVER_IN_PROGRESS);
        assertThat(scan.timeText()).isEqualTo("Sun May  7 02:28:22 2017");
        assertThat(scan.scannedBytes()).isEqualTo(SolarisSize.parse("1.30G").getAsLong());
        assertThat(scan.totalBytes()).isEqualTo(SolarisSize.parse("5.38G").getAsLong());
        assertThat(scan.rateBytesPerSecond()).isEqualTo(SolarisSize.parse("38.4M").getAsLong());
        assertThat(scan.etaSeconds()).isEqualTo(60L);
        assertThat(scan.resilveredBytes()).isEqualTo(SolarisSize.parse("1.29G").getAsLong());
        assertThat(scan.percentDone()).isEqualTo(24.16);
        assertThat(scan.style()).isEqualTo(ScanStatus.Style.SOLARIS_11_0);
    }

    @Test
    void readsTheInvented114ProgressWhoseSecondLineIsZoneadmsProgressLine() {
        ScanStatus scan = ZpoolStatusParser.parse(Fixtures.read("zpool/status-resilvering-11.4-invented.txt"))
                .pools().get(0).scan();

        assertThat(scan.kind()).isEqualTo(ScanStatus.Kind.RESILVER_IN_PROGRESS);
        assertThat(scan.resilveredBytes()).isEqualTo(455L << 20);
        assertThat(scan.rateBytesPerSecond()).isEqualTo(39L << 20);
        assertThat(scan.percentDone()).isEqualTo(5.58);
        assertThat(scan.etaSeconds()).isEqualTo(95L);
        assertThat(scan.style()).isEqualTo(ScanStatus.Style.SOLARIS_11_4_INVENTED);
    }

    @Test
    void readsTwoPoolsAndTheCompletionLineOfThe114Guide() {
        ZpoolStatus status = ZpoolStatusParser.parse(Fixtures.read("zpool/status-two-pools-resilvered.txt"));

        assertThat(status.isClean()).isTrue();
        assertThat(status.pools()).extracting(Pool::name).containsExactly("rpool", "data");
        ScanStatus done = status.pools().get(0).scan();
        assertThat(done.kind()).isEqualTo(ScanStatus.Kind.RESILVERED);
        assertThat(done.processedBytes()).isEqualTo(SolarisSize.parse("11.6G").getAsLong());
        assertThat(done.durationSeconds()).isEqualTo(300L);
        assertThat(done.errors()).isZero();
        assertThat(done.timeText()).isEqualTo("Fri Jul 20 13:57:25 2014");
        assertThat(status.pools().get(1).scan().kind()).isEqualTo(ScanStatus.Kind.NONE);
        assertThat(status.pools()).allMatch(Pool::isHealthy);
        assertThat(status.pools().get(1).root().children()).extracting(Vdev::name, Vdev::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1d2", VdevType.LEAF));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            all pools are healthy         | true  | false |
            no pools available            | false | true  |
            pool 'rpool' is healthy       | false | false | rpool
            """)
    void readsTheExplainMessages(String line, boolean allHealthy, boolean noPools, String healthyPool) {
        ZpoolStatus status = ZpoolStatusParser.parse(line + "\n");

        assertThat(status.isClean()).isTrue();
        assertThat(status.pools()).isEmpty();
        assertThat(status.allPoolsHealthy()).isEqualTo(allHealthy);
        assertThat(status.noPoolsAvailable()).isEqualTo(noPools);
        assertThat(status.healthyPoolNames()).isEqualTo(healthyPool == null ? List.of() : List.of(healthyPool));
    }

    @Test
    void readsAFaultedDiskWithItsOldPathAndAnUnavailableOne() {
        // INVENTED values, Solaris 11 source layout: annotations follow the columns after two spaces
        String text = """
                  pool: rpool
                 state: DEGRADED
                status: One or more devices could not be opened.  Sufficient replicas exist for
                \tthe pool to continue functioning in a degraded state.
                action: Attach the missing device and online it using 'zpool online'.
                   see: http://support.oracle.com/msg/ZFS-8000-2Q
                  scan: none requested
                config:

                \tNAME        STATE     READ WRITE CKSUM
                \trpool       DEGRADED     0     0     0
                \t  mirror-0  DEGRADED     0     0     0
                \t    c1d0    ONLINE       0     0     0
                \t    c1d1    UNAVAIL      0     0     0  cannot open
                \t    c1d2    FAULTED      0  1.2K     0  was /dev/dsk/c1d2s0

                errors: No known data errors
                """;

        Pool pool = ZpoolStatusParser.parse(text).pools().get(0);

        assertThat(pool.state()).isEqualTo(VdevState.DEGRADED);
        assertThat(pool.see()).isEqualTo("http://support.oracle.com/msg/ZFS-8000-2Q");
        assertThat(pool.status()).endsWith("\nthe pool to continue functioning in a degraded state.");
        assertThat(pool.vdev("c1d1").orElseThrow().annotation()).isEqualTo("cannot open");
        Vdev c1d2 = pool.vdev("c1d2").orElseThrow();
        assertThat(c1d2.state()).isEqualTo(VdevState.FAULTED);
        assertThat(c1d2.wasPath()).isEqualTo("/dev/dsk/c1d2s0");
        assertThat(c1d2.writeErrors()).hasValue(1229);
    }

    @Test
    void readsLogsCacheAndSpareSections() {
        String text = """
                  pool: tank
                 state: ONLINE
                  scan: scrub repaired 0 in 0h0m with 0 errors on Sun May  7 02:28:22 2017
                config:

                \tNAME        STATE     READ WRITE CKSUM
                \ttank        ONLINE       0     0     0
                \t  raidz1-0  ONLINE       0     0     0
                \t    c2t0d0  ONLINE       0     0     0
                \t    c2t1d0  ONLINE       0     0     0
                \tlogs
                \t  c2t2d0    ONLINE       0     0     0
                \tspares
                \t  c2t3d0    AVAIL  \s

                errors: No known data errors
                """;

        ZpoolStatus status = ZpoolStatusParser.parse(text);
        Pool pool = status.pools().get(0);

        assertThat(status.isClean()).isTrue();
        assertThat(pool.scan().kind()).isEqualTo(ScanStatus.Kind.SCRUBBED);
        assertThat(pool.root().children().get(0).type()).isEqualTo(VdevType.RAIDZ);
        assertThat(pool.auxiliary()).extracting(Vdev::name, Vdev::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple("logs", VdevType.SECTION),
                org.assertj.core.groups.Tuple.tuple("spares", VdevType.SECTION));
        Vdev spare = pool.vdev("c2t3d0").orElseThrow();
        assertThat(spare.state()).isEqualTo(VdevState.AVAIL);
        assertThat(spare.read()).isNull();
        assertThat(ZpoolStatusFormat.status(status.pools())).isEqualTo(text);
    }

    @Test
    void readsTheApplianceScanLinesWithADayEtaAndNoPercentage() {
        // Oracle ZFS appliance capture (solaris-formats.md §4.3), whitespace restored to the 11.0 layout
        String text = "  pool: p\n state: ONLINE\n  scan: resilver in progress since Mon Apr 15 13:31:16 2019\n"
                + "    34.9T scanned out of 189T at 1.12G/s, 1d14h to go\n    0 resilvered\n";

        ScanStatus scan = ZpoolStatusParser.parse(text).pools().get(0).scan();

        assertThat(scan.etaSeconds()).isEqualTo(38L * 3600);
        assertThat(scan.totalBytes()).isEqualTo(189L << 40);
        assertThat(scan.processedBytes()).isZero();
        assertThat(scan.percentDone()).isNull();
    }

    @Test
    void slowScanHasNoEta() {
        String text = "  pool: p\n  scan: scrub in progress since Mon Apr 15 13:31:16 2019\n"
                + "    1G scanned out of 10T at 1K/s, (scan is slow, no estimated time)\n    0 repaired, 0.00% done\n";

        ScanStatus scan = ZpoolStatusParser.parse(text).pools().get(0).scan();

        assertThat(scan.kind()).isEqualTo(ScanStatus.Kind.SCRUB_IN_PROGRESS);
        assertThat(scan.etaSeconds()).isNull();
        assertThat(scan.percentDone()).isZero();
        assertThat(ZpoolStatusFormat.scan(scan)).isEqualTo("scrub in progress since Mon Apr 15 13:31:16 2019\n"
                + "    1G scanned out of 10T at 1K/s, (scan is slow, no estimated time)\n    0 repaired, 0.00% done\n");
    }

    @Test
    void canceledResilverIsRead() {
        ScanStatus scan = ZpoolStatusParser.parse("  pool: p\n  scan: resilver canceled on Mon Apr 15 13:31:16 2019\n")
                .pools().get(0).scan();

        assertThat(scan).isEqualTo(ScanStatus.resilverCanceled("Mon Apr 15 13:31:16 2019"));
    }

    @Test
    void anUnknownScanTextIsKeptWhole() {
        String text = "  pool: p\n  scan: resilver paused since Mon Apr 15 13:31:16 2019\n    whatever 11.4 prints\n";

        ZpoolStatus status = ZpoolStatusParser.parse(text);
        ScanStatus scan = status.pools().get(0).scan();

        assertThat(scan.kind()).isEqualTo(ScanStatus.Kind.UNKNOWN);
        assertThat(scan.lines()).containsExactly("resilver paused since Mon Apr 15 13:31:16 2019", "    whatever 11.4 prints");
        assertThat(status.isClean()).isTrue();
    }

    @Test
    void unreadableProgressLinesAreUnrecognizedNotDropped() {
        String text = "  pool: p\n  scan: resilver in progress since Mon Apr 15 13:31:16 2019\n"
                + "    lots scanned out of plenty at fast/s, soon to go\n    455M resilvered at 39M/s, 5.58% done, 1m35s to go\n";

        ZpoolStatus status = ZpoolStatusParser.parse(text);

        assertThat(status.unrecognizedLines()).containsExactly("    lots scanned out of plenty at fast/s, soon to go");
        assertThat(status.pools().get(0).scan().percentDone()).isEqualTo(5.58);
    }

    @Test
    void unrecognizedLinesKeepTheirOrderAcrossTheScanBlock() {
        String text = "  pool: p\n  scan: resilver in progress since Mon Apr 15 13:31:16 2019\n    garbled progress\n"
                + "config:\n\n\tNAME  STATE     READ WRITE CKSUM\n\tp     ONLINE       0     0     0\n\tjunk!\n";

        assertThat(ZpoolStatusParser.parse(text).unrecognizedLines()).containsExactly("    garbled progress", "\tjunk!");
    }

    @Test
    void crlfAndSpacesForTabsAreTolerated() {
        String text = Fixtures.read("zpool/status-resilvering-11.0.txt");
        String mangled = text.replace("\t", "        ").replace("\n", "\r\n");

        ZpoolStatus status = ZpoolStatusParser.parse(mangled);

        assertThat(status.unrecognizedLines()).isEmpty();
        assertThat(status.pools()).isEqualTo(ZpoolStatusParser.parse(text).pools());
    }

    @Test
    void truncatedOutputKeepsWhatWasComplete() {
        String text = Fixtures.read("zpool/status-resilvering-11.0.txt");
        String cut = text.substring(0, text.indexOf("c1d2 ") + 2);

        ZpoolStatus status = ZpoolStatusParser.parse(cut);
        Pool pool = status.pools().get(0);

        assertThat(pool.root().flatten()).extracting(Vdev::name).containsExactly("rpool", "mirror-0", "c1d1");
        assertThat(pool.errors()).isNull();
        assertThat(status.unrecognizedLines()).containsExactly("\t    c1");
    }

    @Test
    void unknownPoolStateIsKeptAsUnrecognizedAndLeavesTheStateUnknown() {
        ZpoolStatus status = ZpoolStatusParser.parse("  pool: p\n state: SLEEPY\n");

        assertThat(status.pools().get(0).state()).isNull();
        assertThat(status.unrecognizedLines()).containsExactly(" state: SLEEPY");
    }

    @Test
    void configWithoutATreeIsRead() {
        ZpoolStatus status = ZpoolStatusParser.parse("  pool: p\n state: UNAVAIL\nconfig: The configuration cannot be determined.\n");

        assertThat(status.isClean()).isTrue();
        assertThat(status.pools().get(0).root()).isNull();
        assertThat(status.pools().get(0).state()).isEqualTo(VdevState.UNAVAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\t    c1d9    EXPLODED     0     0     0",
            "\t     c1d9    ONLINE       0     0     0",
            "cannot open 'nopool': no such pool",
            "\t\tNAME STATE"})
    void junkLinesInsideAPoolAreKept(String junk) {
        String text = Fixtures.read("zpool/status-resilvering-11.0.txt");
        String withJunk = text.replace("\t    c1d2 ", junk + "\n\t    c1d2 ");

        ZpoolStatus status = ZpoolStatusParser.parse(withJunk);

        assertThat(status.unrecognizedLines()).containsExactly(junk);
        assertThat(status.pools().get(0).vdev("c1d2")).isPresent();
    }

    @Test
    void nullEmptyAndBinaryNeverThrow() {
        assertThat(ZpoolStatusParser.parse(null).pools()).isEmpty();
        assertThat(ZpoolStatusParser.parse("").isClean()).isTrue();
        String junk = new String(new byte[] {0, 'p', 'o', 'o', 'l', ':', ' ', 1, '\n', (byte) 0xfe, '\t', 'x'},
                java.nio.charset.StandardCharsets.ISO_8859_1);

        ZpoolStatus status = ZpoolStatusParser.parse(junk);

        assertThat(status.pools()).isEmpty();
        assertThat(status.unrecognizedCount()).isEqualTo(2);
    }

    @Test
    void linesBeforeAnyPoolAreUnrecognized() {
        ZpoolStatus status = ZpoolStatusParser.parse(" state: ONLINE\n\tc1d0 ONLINE 0 0 0\n");

        assertThat(status.pools()).isEmpty();
        assertThat(status.unrecognizedCount()).isEqualTo(2);
    }
}
