package org.kzmove.solaris.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated configurations through info and export and back; seeds fixed so a failure replays. */
class ZonecfgRoundTripTest {
    private static final String[] VALUES = {"auto", "4G", "0", "12", "kz=d -k -m verbose", SysSolarisKz.BOOT_DISK_TEMPLATE,
            "iscsi://zfssa/luname.naa.600144F0DBF8AF19000052E820D60003", "(name=x,value=\"y\")", "/system/zones/a b/suspend"};
    private static final String[] TYPES = {"device", "anet", "capped-memory", "virtual-cpu", "suspend", "fs", "attr"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
    void infoGivesBackTheSameModel(long seed) {
        ZoneConfig config = generate(new Random(seed), false);

        ParsedZoneConfig parsed = ZonecfgParser.parseInfo(ZonecfgFormat.info(config));

        assertThat(parsed.unrecognizedLines()).isEmpty();
        assertThat(parsed.config()).isEqualTo(config);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
    void exportGivesBackTheSameModelWhenEverythingIsSet(long seed) {
        ZoneConfig config = generate(new Random(seed), true);

        String text = ZonecfgFormat.export(config);
        ParsedZoneConfig parsed = ZonecfgParser.parse(text);

        assertThat(parsed.unrecognizedLines()).isEmpty();
        assertThat(parsed.complete()).isTrue();
        assertThat(new ZoneConfig(config.zonename(), parsed.config().globals(), parsed.config().resources()))
                .isEqualTo(config);
    }

    private static ZoneConfig generate(Random r, boolean allSet) {
        List<ConfigProperty> globals = new ArrayList<>();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            globals.add(property(r, "global-" + i, allSet, true));
        }
        List<ConfigResource> resources = new ArrayList<>();
        int m = r.nextInt(6);
        for (int i = 0; i < m; i++) {
            List<ConfigProperty> props = new ArrayList<>();
            int k = 1 + r.nextInt(5);
            for (int j = 0; j < k; j++) {
                props.add(property(r, "prop-" + j, allSet, false));
            }
            Integer index = !allSet && r.nextInt(3) == 0 ? Integer.valueOf(i) : null;
            resources.add(new ConfigResource(TYPES[r.nextInt(TYPES.length)], index, props));
        }
        return new ZoneConfig("kz" + r.nextInt(100), globals, resources);
    }

    /** Globals may be empty; inside a resource zonecfg prints empty as "not specified", so it is not generated. */
    private static ConfigProperty property(Random r, String name, boolean allSet, boolean global) {
        int pick = r.nextInt(VALUES.length + 2);
        if (pick == VALUES.length && !allSet) {
            return ConfigProperty.notSpecified(name);
        }
        if (pick == VALUES.length + 1 && !allSet && global) {
            return ConfigProperty.of(name, "");
        }
        return ConfigProperty.of(name, VALUES[pick % VALUES.length]);
    }
}
