package org.kzmove.solaris.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;

class ZoneListFormatTest {

    private static final Zone GLOBAL = new Zone(0, "global", ZoneState.RUNNING, "/", "", Brand.SOLARIS, "shared");

    @Test
    void verboseListingReproducesTheBlogSampleByteForByte() {
        List<Zone> zones = List.of(GLOBAL,
                new Zone(57, "native-zone", ZoneState.RUNNING, "/system/zones/native-zone", "", Brand.SOLARIS, "excl"),
                new Zone(58, "kernel-zone", ZoneState.RUNNING, "/system/volatile/zones/kernel-zone/zonepath",
                        "6f1c7b1e-0000-4000-8000-000000000058", Brand.SOLARIS_KZ, "excl"));

        assertThat(ZoneListFormat.verbose(zones)).isEqualTo(Fixtures.read("zoneadm/list-cv-blog-11.4.txt"));
    }

    @Test
    void verboseListingMatchesTheLabSampleOnceItsTrailingSpacesAreTrimmed() {
        List<Zone> zones = List.of(GLOBAL,
                new Zone(null, "zone1", ZoneState.CONFIGURED, "/system/zones/zone1", "", Brand.SOLARIS, "excl"),
                new Zone(null, "kzone1", ZoneState.CONFIGURED, "-", "", Brand.SOLARIS_KZ, "excl"));

        String trimmed = ZoneListFormat.verbose(zones).lines().map(String::stripTrailing)
                .collect(Collectors.joining("\n", "", "\n"));

        assertThat(trimmed).isEqualTo(Fixtures.read("zoneadm/list-cv-hol-11.3.txt"));
    }

    @Test
    void verboseRowsMatchOraclesPuppetAcceptanceRegexes() {
        Zone conzone = new Zone(null, "conzone", ZoneState.CONFIGURED, "", "", Brand.SOLARIS_KZ, "excl");
        Zone runzone = new Zone(7, "runzone", ZoneState.RUNNING, "", "", Brand.SOLARIS_KZ, "excl");

        assertThat(ZoneListFormat.verboseRow(conzone))
                .matches("^   - conzone          configured  -                            solaris-kz excl  $");
        assertThat(ZoneListFormat.verboseRow(runzone))
                .matches("^   [0-9] runzone          running     -                            solaris-kz excl  $");
    }

    @Test
    void parsableListingEmitsThe114TenFieldForm() {
        List<Zone> zones = List.of(GLOBAL,
                new Zone(null, "z1", ZoneState.INSTALLED, "/system/zones/z1", "", Brand.SOLARIS, "excl"),
                new Zone(3, "kz", ZoneState.RUNNING, "-", "29be88cb-e61a-4204-8d9b-f4a61bf0efdd", Brand.SOLARIS_KZ, "excl"));

        assertThat(ZoneListFormat.parsable(zones)).isEqualTo("""
                0:global:running:/::solaris:shared:-:none:
                -:z1:installed:/system/zones/z1::solaris:excl:-::
                3:kz:running:/system/volatile/zones/kz/zonepath:29be88cb-e61a-4204-8d9b-f4a61bf0efdd:solaris-kz:excl:-:solaris-kz:
                """);
    }

    @Test
    void parsableListingOfTheModelReproducesTheOracleFixtures() {
        for (String fixture : List.of("zoneadm/list-p-pkg-linked.txt", "zoneadm/list-p-pkg-linked-colon.txt",
                "zoneadm/list-p-pkg-actuators.txt")) {
            String text = Fixtures.read(fixture);
            assertThat(ZoneListFormat.parsable(ZoneListParser.parse(text).zones())).as(fixture).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zoneadm/list-p-pkg-linked.txt", "zoneadm/list-p-pkg-linked-colon.txt",
            "zoneadm/list-p-pkg-actuators.txt", "zoneadm/list-cp-puppet.txt"})
    void parsedEntriesFormatBackToTheSameText(String fixture) {
        String text = Fixtures.read(fixture);

        assertThat(ZoneListFormat.parsableEntries(ZoneListParser.parse(text).entries())).isEqualTo(text);
    }

    @Test
    void parsedVerboseSampleFormatsBackToTheSameText() {
        String text = Fixtures.read("zoneadm/list-cv-blog-11.4.txt");

        assertThat(ZoneListFormat.verbose(ZoneListParser.parse(text).zones())).isEqualTo(text);
    }

    @Test
    void colonsInAZonepathSurviveTheRoundTrip() {
        Zone odd = new Zone(null, "z1", ZoneState.INSTALLED, "/zones/a:b:c", "", Brand.SOLARIS, "excl");

        String text = ZoneListFormat.parsable(List.of(odd));

        assertThat(text).contains("/zones/a\\:b\\:c:");
        assertThat(ZoneListParser.parse(text).zones()).containsExactly(odd);
    }

    @Test
    void fiveHundredZonesRoundTripThroughBothForms() {
        List<Zone> zones = new ArrayList<>();
        zones.add(GLOBAL);
        ZoneState[] states = ZoneState.values();
        for (int i = 1; i <= 500; i++) {
            ZoneState state = states[i % states.length];
            boolean kz = i % 3 == 0;
            Integer id = state.hasZoneId() ? i : null;
            String path = kz ? ZoneListFormat.kernelZonePath("zone" + i) : "/system/zones/zone" + i;
            zones.add(new Zone(id, "zone" + i, state, path, String.format("%08d-0000-4000-8000-000000000000", i),
                    kz ? Brand.SOLARIS_KZ : Brand.SOLARIS, "excl"));
        }

        ZoneListing parsable = ZoneListParser.parse(ZoneListFormat.parsable(zones));
        ZoneListing verbose = ZoneListParser.parse(ZoneListFormat.verbose(zones));

        assertThat(parsable.unrecognizedLines()).isEmpty();
        assertThat(parsable.zones()).isEqualTo(zones);
        assertThat(verbose.unrecognizedLines()).isEmpty();
        assertThat(verbose.zones()).hasSize(501);
        assertThat(verbose.zones().get(3).zonepath()).isEqualTo("-");
        assertThat(verbose.zones().get(3).name()).isEqualTo("zone3");
        assertThat(verbose.zones().get(1).zonepath()).isEqualTo("/system/zones/zone1");
    }

    @Test
    void headerIsTheRowFormatAppliedToTheTitles() {
        assertThat(ZoneListFormat.VERBOSE_HEADER)
                .isEqualTo("  ID NAME             STATUS      PATH                         BRAND      IP    ");
    }
}
