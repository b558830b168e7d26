package org.kzmove.solaris.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;
import org.kzmove.solaris.zone.KzDevice;

class ZonecfgFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"zonecfg/info-device-kz-guide-11.2.txt", "zonecfg/info-suspend-hol-11.3.txt",
            "zonecfg/info-suspend-docs-11.4.txt"})
    void parsedInfoFormatsBackToTheSameText(String fixture) {
        String text = Fixtures.read(fixture);

        assertThat(ZonecfgFormat.info(ZonecfgParser.parseInfo(text).config())).isEqualTo(text);
    }

    @Test
    void theLabInfoFormatsBackExceptForItsElision() {
        String text = Fixtures.read("zonecfg/info-hol-11.3.txt");
        String withoutElision = text.replace("\t...(rest of the anet block omitted)...\n", "");

        assertThat(ZonecfgFormat.info(ZonecfgParser.parseInfo(text).config())).isEqualTo(withoutElision);
    }

    @Test
    void infoDeviceShowsOnlyTheDevices() {
        ZoneConfig config = ZonecfgParser.parseInfo(Fixtures.read("zonecfg/info-hol-11.3.txt")).config();

        assertThat(ZonecfgFormat.info(config, "device")).isEqualTo("""
                device:
                \tmatch not specified
                \tstorage: dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0
                \tid: 0
                \tbootpri: 0
                """);
    }

    @Test
    void parsedExportFormatsBackToTheSameText() {
        String text = Fixtures.read("zonecfg/export-puppet-syssolaris-kz.txt");

        assertThat(ZonecfgFormat.export(ZonecfgParser.parseExport(text).config())).isEqualTo(text);
    }

    @Test
    void exportLeavesOutUnsetAndEmptyPropertiesAndQuotesSpaces() {
        ZoneConfig config = new ZoneConfig("kz1",
                List.of(ConfigProperty.of("brand", "solaris-kz"), ConfigProperty.of("bootargs", ""),
                        ConfigProperty.notSpecified("pool"), ConfigProperty.of("bootargs", "-m verbose")),
                List.of(ConfigResource.of("device", ConfigProperty.notSpecified("match"),
                        ConfigProperty.of("storage", "dev:/dev/dsk/c0t0d0"), ConfigProperty.of("id", "1"))));

        assertThat(ZonecfgFormat.export(config)).isEqualTo("""
                create -b
                set brand=solaris-kz
                set bootargs="-m verbose"
                add device
                set storage=dev:/dev/dsk/c0t0d0
                set id=1
                end
                """);
    }

    @Test
    void templateConfigInfoRoundTripsToAnEqualModel() {
        ZoneConfig config = SysSolarisKz.config("kzone1", List.of(
                new KzDevice(0, SysSolarisKz.bootDiskStorage("rpool", "kzone1", 0), 0, null),
                new KzDevice(1, "iscsi://zfssa/luname.naa.600144F0DBF8AF19000052E820D60003", null, null)));

        ParsedZoneConfig parsed = ZonecfgParser.parseInfo(ZonecfgFormat.info(config));

        assertThat(parsed.isClean()).isTrue();
        assertThat(parsed.config()).isEqualTo(config);
    }

    @Test
    void templateConfigExportRoundTripsToTheSameDevicesAndValues() {
        ZoneConfig config = SysSolarisKz.config("kzone1", List.of(
                new KzDevice(0, SysSolarisKz.BOOT_DISK_TEMPLATE, 0, null),
                new KzDevice(3, "dev:/dev/dsk/c9t0d0", 4, null)), "12G", 8, true);

        ZoneConfig back = ZonecfgParser.parseExport(ZonecfgFormat.export(config)).config();

        assertThat(back.devices()).isEqualTo(config.devices());
        assertThat(back.brand()).isEqualTo(config.brand());
        assertThat(back.globalValue("host-compatible")).hasValue("memlzr");
        assertThat(back.globalValue("autoboot")).hasValue("true");
        assertThat(back.resources("capped-memory").get(0).value("physical")).hasValue("12G");
        assertThat(back.resources("virtual-cpu").get(0).value("ncpus")).hasValue("8");
        // export drops what is unset: formatting again gives the same text
        assertThat(ZonecfgFormat.export(back)).isEqualTo(ZonecfgFormat.export(config));
    }

    @Test
    void templateInfoLooksLikeTheLabSample() {
        ZoneConfig config = SysSolarisKz.config("kzone1",
                List.of(new KzDevice(0, SysSolarisKz.bootDiskStorage("rpool", "kzone1", 0), 0, null),
                        new KzDevice(1, "dev:/dev/dsk/c9t0d0", null, null)));

        String info = ZonecfgFormat.info(config);

        assertThat(info).startsWith("zonename: kzone1\nbrand: solaris-kz\nhost-compatible: memlzr\nautoboot: false\n");
        assertThat(info).contains("bootargs:\npool:\nscheduling-class:\n");
        assertThat(info).contains("""
                device:
                \tmatch not specified
                \tstorage: dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0
                \tid: 0
                \tbootpri: 0
                device:
                \tmatch not specified
                \tstorage: dev:/dev/dsk/c9t0d0
                \tid: 1
                \tbootpri not specified
                capped-memory:
                \tphysical: 4G
                virtual-cpu:
                \tncpus: 4
                suspend:
                \tpath: /system/zones/kzone1/suspend
                \tstorage not specified
                """);
    }

    @Test
    void indexedResourcesKeepTheirIndex() {
        ZoneConfig config = new ZoneConfig(null, List.of(),
                List.of(new ConfigResource("fs", 0, List.of(ConfigProperty.of("dir", "/data")))));

        assertThat(ZonecfgFormat.info(config)).isEqualTo("fs 0:\n\tdir: /data\n");
        assertThat(ZonecfgParser.parseInfo(ZonecfgFormat.info(config)).config()).isEqualTo(config);
    }

    @Test
    void emptyResourcePropertyPrintsAsNotSpecifiedLikeZonecfg() {
        ZoneConfig config = new ZoneConfig(null, List.of(),
                List.of(ConfigResource.of("device", ConfigProperty.of("match", ""))));

        assertThat(ZonecfgFormat.info(config)).isEqualTo("device:\n\tmatch not specified\n");
    }
}
