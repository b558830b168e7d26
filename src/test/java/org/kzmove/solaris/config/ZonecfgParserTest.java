package org.kzmove.solaris.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.Fixtures;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.KzDevice;

class ZonecfgParserTest {

    @Test
    void readsTheLabInfoOfAKernelZone() {
        ParsedZoneConfig parsed = ZonecfgParser.parseInfo(Fixtures.read("zonecfg/info-hol-11.3.txt"));
        ZoneConfig config = parsed.config();

        assertThat(config.zonename()).isEqualTo("kzone1");
        assertThat(config.brand()).hasValue(Brand.SOLARIS_KZ);
        assertThat(config.globals()).extracting(ConfigProperty::name).containsExactly("brand", "autoboot",
                "autoshutdown", "bootargs", "pool", "scheduling-class", "hostid", "tenant");
        assertThat(config.global("bootargs")).hasValue(ConfigProperty.of("bootargs", ""));
        assertThat(config.globalValue("hostid")).hasValue("0x2e7d2173");
        assertThat(config.resources()).extracting(ConfigResource::type).containsExactly("anet", "device", "capped-memory");
        assertThat(config.resources("capped-memory").get(0).value("physical")).hasValue("4G");
        assertThat(config.devices()).containsExactly(
                new KzDevice(0, "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0", 0, null));
        // the sample's own elision is the one line that is not zonecfg output
        assertThat(parsed.unrecognizedLines()).containsExactly("\t...(rest of the anet block omitted)...");
    }

    @Test
    void notSpecifiedIsDistinguishedFromEmpty() {
        ZoneConfig config = ZonecfgParser.parseInfo(Fixtures.read("zonecfg/info-hol-11.3.txt")).config();

        ConfigResource anet = config.resources("anet").get(0);
        assertThat(anet.property("allowed-address")).hasValue(ConfigProperty.notSpecified("allowed-address"));
        assertThat(anet.value("allowed-address")).isEmpty();
        assertThat(config.global("pool").orElseThrow().isSpecified()).isTrue();
        assertThat(config.global("pool").orElseThrow().value()).isEmpty();
        assertThat(config.resources("device").get(0).property("match").orElseThrow().isSpecified()).isFalse();
    }

    @Test
    void readsInfoDeviceWithAnIscsiUri() {
        ParsedZoneConfig parsed = ZonecfgParser.parse(Fixtures.read("zonecfg/info-device-kz-guide-11.2.txt"));

        assertThat(parsed.isClean()).isTrue();
        assertThat(parsed.config().zonename()).isNull();
        assertThat(parsed.config().globals()).isEmpty();
        assertThat(parsed.config().devices()).containsExactly(
                new KzDevice(0, "iscsi://zfssa/luname.naa.600144F0DBF8AF19000052E820D60003", 0, null));
    }

    @Test
    void readsBothSuspendSamples() {
        ConfigResource lab = ZonecfgParser.parseInfo(Fixtures.read("zonecfg/info-suspend-hol-11.3.txt"))
                .config().resources("suspend").get(0);
        ConfigResource docs = ZonecfgParser.parseInfo(Fixtures.read("zonecfg/info-suspend-docs-11.4.txt"))
                .config().resources("suspend").get(0);

        assertThat(lab.value("path")).hasValue("/system/zones/kzone1/suspend");
        assertThat(lab.property("storage")).hasValue(ConfigProperty.notSpecified("storage"));
        assertThat(docs.value("storage")).hasValue("iscsi://system/luname.naa.501337600144f0dbf8af1900");
    }

    @Test
    void eightSpacesServeAsWellAsATab() {
        String text = Fixtures.read("zonecfg/info-hol-11.3.txt").replace("\t", "        ");

        assertThat(ZonecfgParser.parseInfo(text).config())
                .isEqualTo(ZonecfgParser.parseInfo(Fixtures.read("zonecfg/info-hol-11.3.txt")).config());
    }

    @Test
    void indexedHeadersAndNonBootableDevicesAreRead() {
        String text = """
                device 0:
                \tmatch not specified
                \tstorage: dev:/dev/dsk/c0t0d0
                \tid: 0
                \tbootpri: 0
                device 1:
                \tmatch not specified
                \tstorage: iscsi://zfssa/luname.naa.600144F0DBF8AF19000052E820D60003
                \tid: 1
                \tbootpri not specified
                """;

        ParsedZoneConfig parsed = ZonecfgParser.parseInfo(text);

        assertThat(parsed.isClean()).isTrue();
        assertThat(parsed.config().resources()).extracting(ConfigResource::index).containsExactly(0, 1);
        assertThat(parsed.config().devices()).extracting(KzDevice::id, KzDevice::isBootable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, true), org.assertj.core.groups.Tuple.tuple(1, false));
    }

    @Test
    void quotedValuesLoseTheirQuotesAndTemplateTokensStay() {
        String text = "zonename: kz1\nbootargs: \"kz=d -k -m verbose\"\ndevice:\n\tstorage: dev:/dev/zvol/dsk/%{global-rootzpool}/VARSHARE/zones/%{zonename}/disk%{id}\n";

        ZoneConfig config = ZonecfgParser.parseInfo(text).config();

        assertThat(config.globalValue("bootargs")).hasValue("kz=d -k -m verbose");
        assertThat(config.devices().get(0).storage()).isEqualTo(SysSolarisKz.BOOT_DISK_TEMPLATE);
    }

    @Test
    void readsThePuppetExportOfTheTemplate() {
        ParsedZoneConfig parsed = ZonecfgParser.parse(Fixtures.read("zonecfg/export-puppet-syssolaris-kz.txt"));
        ZoneConfig config = parsed.config();

        assertThat(parsed.isClean()).isTrue();
        assertThat(parsed.complete()).isTrue();
        assertThat(config.zonename()).isNull();
        assertThat(config.brand()).hasValue(Brand.SOLARIS_KZ);
        assertThat(config.globalValue("bootargs")).hasValue("kz=d -k -m verbose");
        assertThat(config.resources()).extracting(ConfigResource::type)
                .containsExactly("anet", "device", "capped-memory", "virtual-cpu", "suspend");
        assertThat(config.devices()).containsExactly(new KzDevice(0, SysSolarisKz.BOOT_DISK_TEMPLATE, 0, null));
        assertThat(config.resources("suspend").get(0).value("path")).hasValue("/system/zones/%{zonename}/suspend");
    }

    @Test
    void exportIndentedAsInThePuppetTestIsReadTheSame() {
        String plain = Fixtures.read("zonecfg/export-puppet-syssolaris-kz.txt");
        String indented = plain.lines().map(l -> l.startsWith("set ") ? "  " + l : l)
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(ZonecfgParser.parseExport(indented)).isEqualTo(ZonecfgParser.parseExport(plain));
    }

    @Test
    void readsThe114ExportFragmentAndKeepsTheForeignLines() {
        ParsedZoneConfig parsed = ZonecfgParser.parse(Fixtures.read("zonecfg/export-memlzr-fragment-11.4.txt"));

        assertThat(parsed.config().globalValue("host-compatible")).hasValue("memlzr");
        ConfigResource mem = parsed.config().resources("capped-memory").get(0);
        assertThat(mem.properties()).containsExactly(ConfigProperty.of("physical", "12G"),
                ConfigProperty.of("pagesize-policy", "fixed"), ConfigProperty.of("pagesize", "256M"));
        assertThat(parsed.unrecognizedLines()).containsExactly("-----BEGIN CONFIGURATION-----", "...", "...",
                "-----END CONFIGURATION-----");
    }

    @Test
    void anExportCutOffInsideABlockIsMarkedIncomplete() {
        ParsedZoneConfig parsed = ZonecfgParser.parseExport("create -b\nset brand=solaris-kz\nadd device\nset storage=dev:/dev/dsk/c0t0d0\n");

        assertThat(parsed.complete()).isFalse();
        assertThat(parsed.config().devices()).containsExactly(new KzDevice(null, "dev:/dev/dsk/c0t0d0", null, null));
    }

    @Test
    void setZonenameInAnExportFillsTheZoneName() {
        assertThat(ZonecfgParser.parseExport("create -b\nset zonename=kz9\n").config().zonename()).isEqualTo("kz9");
    }

    @Test
    void strayEndAndPropertyOutsideAResourceInInfoAreUnrecognized() {
        ParsedZoneConfig export = ZonecfgParser.parseExport("create -b\nend\nremove device\n");
        ParsedZoneConfig info = ZonecfgParser.parseInfo("\tstorage: dev:/dev/dsk/c0t0d0\nzonename: kz\n");

        assertThat(export.unrecognizedLines()).containsExactly("end", "remove device");
        assertThat(info.unrecognizedLines()).containsExactly("\tstorage: dev:/dev/dsk/c0t0d0");
        assertThat(info.config().zonename()).isEqualTo("kz");
    }

    @Test
    void crlfLineEndsAreTolerated() {
        String text = Fixtures.read("zonecfg/info-hol-11.3.txt");

        assertThat(ZonecfgParser.parseInfo(text.replace("\n", "\r\n")))
                .isEqualTo(ZonecfgParser.parseInfo(text));
    }

    @Test
    void promptLinesAreKeptAsUnrecognized() {
        ParsedZoneConfig parsed = ZonecfgParser.parseInfo(
                "zonecfg:kzone1> info device\n" + Fixtures.read("zonecfg/info-device-kz-guide-11.2.txt"));

        assertThat(parsed.unrecognizedLines()).containsExactly("zonecfg:kzone1> info device");
        assertThat(parsed.config().devices()).hasSize(1);
    }

    @Test
    void aHeaderCutOffBeforeItsPropertiesReadsAsAnEmptyGlobal() {
        // 'device:' with nothing after it cannot be told from an empty global; it is kept, not lost
        ZoneConfig config = ZonecfgParser.parseInfo("zonename: kz\ndevice:\n").config();

        assertThat(config.global("device")).hasValue(ConfigProperty.of("device", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "   \n"})
    void emptyInputGivesAnEmptyConfig(String text) {
        ParsedZoneConfig parsed = ZonecfgParser.parse(text);

        assertThat(parsed.config()).isEqualTo(new ZoneConfig(null, List.of(), List.of()));
        assertThat(parsed.isClean()).isTrue();
    }

    @Test
    void nullAndBinaryJunkNeverThrow() {
        assertThat(ZonecfgParser.parse(null).config().resources()).isEmpty();
        assertThat(ZonecfgParser.parseExport(null).complete()).isTrue();

        String junk = new String(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, '\n', (byte) 0xc3, 0x28, ':', '\n', '\t', 0, ':'},
                java.nio.charset.StandardCharsets.UTF_8);
        ParsedZoneConfig info = ZonecfgParser.parseInfo(junk);
        ParsedZoneConfig export = ZonecfgParser.parseExport(junk);

        assertThat(info.config().resources()).isEmpty();
        assertThat(info.config().globals()).isEmpty();
        assertThat(info.unrecognizedCount()).isEqualTo(3);
        assertThat(export.unrecognizedCount()).isEqualTo(3);
    }

    @Test
    void devicesWithNonNumericIdsReadAsUnknownIds() {
        ZoneConfig config = ZonecfgParser.parseExport("add device\nset id=x\nset bootpri=99999999999\nend\n").config();

        assertThat(config.devices()).containsExactly(new KzDevice(null, null, null, null));
    }
}
