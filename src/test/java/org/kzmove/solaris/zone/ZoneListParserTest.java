package org.kzmove.solaris.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;

class ZoneListParserTest {

    @Test
    void readsThePkgFixtureWithEveryStateAndAKernelZone() {
        ZoneListing listing = ZoneListParser.parse(Fixtures.read("zoneadm/list-p-pkg-linked.txt"));

        assertThat(listing.unrecognizedLines()).isEmpty();
        assertThat(listing.zones()).extracting(Zone::name).containsExactly("global", "z1", "z2", "z3", "z4", "kz", "s10");
        assertThat(listing.zones()).extracting(Zone::state).containsExactly(ZoneState.RUNNING, ZoneState.INSTALLED,
                ZoneState.UNAVAILABLE, ZoneState.CONFIGURED, ZoneState.INCOMPLETE, ZoneState.INSTALLED,
                ZoneState.INSTALLED);
        Zone global = listing.zone("global").orElseThrow();
        assertThat(global.id()).isZero();
        assertThat(global.uuid()).isEmpty();
        assertThat(global.ipType()).isEqualTo("shared");
        Zone kz = listing.zone("kz").orElseThrow();
        assertThat(kz.id()).isNull();
        assertThat(kz.isKernelZone()).isTrue();
        assertThat(kz.zonepath()).isEqualTo("$PKG_GZR/system/volatile/zones/kz1/zonepath");
        assertThat(listing.zone("s10").orElseThrow().brand()).isEqualTo(Brand.SOLARIS10);
    }

    @Test
    void solarisKzInFieldNineIsNotAMacProfile() {
        ZoneListing listing = ZoneListParser.parse(Fixtures.read("zoneadm/list-cp-puppet.txt"));

        ZoneListEntry kz = listing.entries().get(1);
        assertThat(kz.field9()).isEqualTo("solaris-kz");
        assertThat(kz.fileMacProfile()).isEmpty();
        assertThat(kz.bootedReadOnly()).isTrue();
        assertThat(kz.zone().uuid()).isEqualTo("29be88cb-e61a-4204-8d9b-f4a61bf0efdd");
        assertThat(kz.zone().id()).isEqualTo(4);
    }

    @Test
    void aRealMacProfileOnANonKernelZoneIsReported() {
        ZoneListing listing = ZoneListParser.parse("3:web:running:/zones/web:u-1:solaris:excl:R:fixed-configuration:\n");

        assertThat(listing.entries().get(0).fileMacProfile()).hasValue("fixed-configuration");
        assertThat(listing.entries().get(0).extraFields()).containsExactly("");
    }

    @Test
    void globalZoneProfileNoneIsNotAProfile() {
        ZoneListing listing = ZoneListParser.parse(Fixtures.read("zoneadm/list-p-pkg-actuators.txt"));

        assertThat(listing.entries().get(0).fileMacProfile()).isEmpty();
        assertThat(listing.zones()).extracting(Zone::id).containsExactly(0, 1, 2);
    }

    @Test
    void unescapesColonsInTheZonepath() {
        ZoneListing listing = ZoneListParser.parse(Fixtures.read("zoneadm/list-p-pkg-linked-colon.txt"));

        assertThat(listing.isClean()).isTrue();
        assertThat(listing.zone("z1").orElseThrow().zonepath()).isEqualTo("$PKG_GZR/ngzzone_path_with_a:colon");
    }

    @Test
    void acceptsTheNineFieldFormOfSolaris11() {
        ZoneListing listing = ZoneListParser.parse("0:global:running:/::solaris:shared:-:none\n-:z1:installed:/z/z1:abc:solaris:excl:-:\n");

        assertThat(listing.isClean()).isTrue();
        assertThat(listing.entries()).allSatisfy(e -> assertThat(e.extraFields()).isEmpty());
        assertThat(listing.zone("z1").orElseThrow().uuid()).isEqualTo("abc");
    }

    @Test
    void readsTheVerboseBlogListingWithTrailingSpaces() {
        ZoneListing listing = ZoneListParser.parse(Fixtures.read("zoneadm/list-cv-blog-11.4.txt"));

        assertThat(listing.unrecognizedLines()).isEmpty();
        assertThat(listing.zones()).containsExactly(
                new Zone(0, "global", ZoneState.RUNNING, "/", "", Brand.SOLARIS, "shared"),
                new Zone(57, "native-zone", ZoneState.RUNNING, "/system/zones/native-zone", "", Brand.SOLARIS, "excl"),
                new Zone(58, "kernel-zone", ZoneState.RUNNING, "-", "", Brand.SOLARIS_KZ, "excl"));
    }

    @Test
    void readsTheVerboseLabListingWithoutTrailingSpaces() {
        ZoneListing listing = ZoneListParser.parse(Fixtures.read("zoneadm/list-cv-hol-11.3.txt"));

        assertThat(listing.unrecognizedLines()).isEmpty();
        assertThat(listing.zones()).extracting(Zone::name).containsExactly("global", "zone1", "kzone1");
        assertThat(listing.zone("kzone1").orElseThrow().id()).isNull();
        assertThat(listing.zone("kzone1").orElseThrow().isKernelZone()).isTrue();
    }

    @Test
    void readsRowsMatchingOraclesPuppetAcceptanceRegex() {
        String rows = "   - conzone          configured  -                            solaris-kz excl  \n"
                + "   3 runzone          running     -                            solaris-kz excl  \n";

        ZoneListing listing = ZoneListParser.parse(rows);

        assertThat(listing.zones()).extracting(Zone::name, Zone::id).containsExactly(
                org.assertj.core.groups.Tuple.tuple("conzone", null), org.assertj.core.groups.Tuple.tuple("runzone", 3));
    }

    @Test
    void longFieldsThatPushColumnsRightStillParse() {
        String name = "a-zone-name-longer-than-sixteen";
        String row = "1234 " + name + " shutting_down /very/long/path/that/exceeds/the/column solaris10 shared\n";

        ZoneListing listing = ZoneListParser.parse(row);

        assertThat(listing.zone(name).orElseThrow().state()).isEqualTo(ZoneState.SHUTTING_DOWN);
        assertThat(listing.zone(name).orElseThrow().id()).isEqualTo(1234);
    }

    @Test
    void crlfLineEndsAreTolerated() {
        String text = Fixtures.read("zoneadm/list-cv-blog-11.4.txt").replace("\n", "\r\n");

        ZoneListing listing = ZoneListParser.parse(text);

        assertThat(listing.unrecognizedLines()).isEmpty();
        assertThat(listing.zones()).hasSize(3);
        assertThat(listing.zone("kernel-zone").orElseThrow().ipType()).isEqualTo("excl");
    }

    @Test
    void unknownStateWordMakesTheLineUnrecognized() {
        String text = "-:z1:hibernating:/z/z1::solaris:excl:-::\n-:z2:installed:/z/z2::solaris:excl:-::\n"
                + "   - z3               sleeping    /z                           solaris    excl  \n";

        ZoneListing listing = ZoneListParser.parse(text);

        assertThat(listing.zones()).extracting(Zone::name).containsExactly("z2");
        assertThat(listing.unrecognizedLines()).containsExactly("-:z1:hibernating:/z/z1::solaris:excl:-::",
                "   - z3               sleeping    /z                           solaris    excl  ");
        assertThat(listing.unrecognizedCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "zoneadm: zone 'kz1': No such zone configured",
            "x:z1:installed:/z::solaris:excl:-::",
            "-1:z1:installed:/z::solaris:excl:-::",
            "-:z1:installed:/z",
            ":::::::::",
            "99999999999:z1:running:/z::solaris:excl:-::",
            "root@solarislab:~# zoneadm list -cv",
            "   0 global running / solaris shared extra"})
    void junkAndTruncatedLinesAreKeptAsUnrecognized(String junk) {
        ZoneListing listing = ZoneListParser.parse("0:global:running:/::solaris:shared:-:none:\n" + junk + "\n");

        assertThat(listing.zones()).extracting(Zone::name).containsExactly("global");
        assertThat(listing.unrecognizedLines()).containsExactly(junk);
    }

    @Test
    void outputCutOffMidLineKeepsTheCompleteLinesAndTheFragment() {
        String full = Fixtures.read("zoneadm/list-p-pkg-linked.txt");
        String cut = full.substring(0, full.indexOf("-:z4:") + "-:z4:incomple".length());

        ZoneListing listing = ZoneListParser.parse(cut);

        assertThat(listing.zones()).extracting(Zone::name).containsExactly("global", "z1", "z2", "z3");
        assertThat(listing.unrecognizedLines()).containsExactly("-:z4:incomple");
    }

    @Test
    void nullEmptyAndBinaryInputGiveAResultNotAnException() {
        assertThat(ZoneListParser.parse(null)).isEqualTo(ZoneListing.empty());
        assertThat(ZoneListParser.parse("")).isEqualTo(ZoneListing.empty());
        assertThat(ZoneListParser.parse("\n\n  \n").zones()).isEmpty();

        String binary = new String(new byte[] {0, 1, 2, ':', ':', ':', ':', ':', ':', ':', ':', ':', (byte) 0xff, '\n', 7},
                java.nio.charset.StandardCharsets.ISO_8859_1);
        ZoneListing listing = ZoneListParser.parse(binary);
        assertThat(listing.zones()).isEmpty();
        assertThat(listing.unrecognizedCount()).isEqualTo(2);
    }

    @Test
    void mixedParsableAndVerboseLinesAreBothRead() {
        String text = "0:global:running:/::solaris:shared:-:none:\n   - kz1              installed   -                            solaris-kz excl  \n";

        assertThat(ZoneListParser.parse(text).zones()).extracting(Zone::name).containsExactly("global", "kz1");
    }

    @Test
    void headerOnlyListingHasNoZonesAndNothingUnrecognized() {
        ZoneListing listing = ZoneListParser.parse(ZoneListFormat.VERBOSE_HEADER + "\n");

        assertThat(listing).isEqualTo(ZoneListing.empty());
    }

    @Test
    void everyZoneStateWordIsRead() {
        StringBuilder sb = new StringBuilder();
        for (ZoneState s : ZoneState.values()) {
            sb.append("-:z-").append(s.solarisName()).append(':').append(s.solarisName()).append(":/z::solaris:excl:-::\n");
        }

        List<Zone> zones = ZoneListParser.parse(sb.toString()).zones();

        assertThat(zones).extracting(Zone::state).containsExactly(ZoneState.values());
    }
}
