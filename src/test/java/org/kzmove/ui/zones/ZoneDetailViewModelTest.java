package org.kzmove.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.ui.zones.ZoneInventories.DB01_BOOT0;
import static org.kzmove.ui.zones.ZoneInventories.DB01_BOOT1;
import static org.kzmove.ui.zones.ZoneInventories.DB01_DATA;
import static org.kzmove.ui.zones.ZoneInventories.WEB01_LIVE_ONLY;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.Zone;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.FakeHostSource;
import org.kzmove.ui.hosts.HostViewModel;

class ZoneDetailViewModelTest {
    private final ZoneDetailViewModel detail = new ZoneDetailViewModel();

    private void show(ZoneInventory zone) {
        detail.selectionSizeProperty().set(1);
        detail.zoneProperty().set(ZoneRow.of(zone));
    }

    @Test
    void withNothingSelectedItAsksForAZone() {
        assertThat(detail.showingProperty().get()).isFalse();
        assertThat(detail.placeholderProperty().get()).isEqualTo("Select a zone to see its disks and root pool.");
        assertThat(detail.disks()).isEmpty();
        assertThat(detail.poolTreeProperty().get()).isNull();
    }

    @Test
    void withSeveralSelectedItAsksForOne() {
        detail.selectionSizeProperty().set(3);

        assertThat(detail.showingProperty().get()).isFalse();
        assertThat(detail.placeholderProperty().get())
                .isEqualTo("3 zones are selected: select one zone to see its disks and root pool.");
    }

    @Test
    void bootableDisksComeInBootOrderAndDataDisksApart() {
        show(ZoneInventories.db01());

        assertThat(detail.showingProperty().get()).isTrue();
        assertThat(detail.titleProperty().get()).isEqualTo("db01 · running · solaris-kz");
        assertThat(detail.bootableDisks()).extracting(DiskRow::disk, DiskRow::storage, DiskRow::bootPriority)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1d0", DB01_BOOT0, "0"),
                        org.assertj.core.groups.Tuple.tuple("c1d1", DB01_BOOT1, "0"));
        assertThat(detail.dataDisks()).singleElement().satisfies(d -> {
            assertThat(d.disk()).isEqualTo("c1d2");
            assertThat(d.storage()).isEqualTo(DB01_DATA);
            assertThat(d.bootPriority()).isEqualTo("-");
            assertThat(d.bootable()).isFalse();
            assertThat(d.role()).isEqualTo("data");
            assertThat(d.poolState()).as("a data disk is not in the root pool").isEqualTo("-");
        });
        assertThat(detail.disks()).extracting(DiskRow::disk).containsExactly("c1d0", "c1d1", "c1d2");
        assertThat(detail.disksMessageProperty().get())
                .isEqualTo("2 bootable disks (root pool), 1 data disk — from the persistent configuration");
    }

    @Test
    void eachDiskShowsTheDeviceItsUriMapsToAndItsStateInThePool() {
        show(ZoneInventories.db01());

        assertThat(detail.disks()).extracting(DiskRow::mappedDevice).containsExactly(
                "/dev/dsk/c0t600144F03A37DFE702393E0FA6C8BBC2d0",
                "/dev/dsk/c0t600144F0A299E490BBED2CF3DFC8DF07d0",
                "/dev/dsk/c0t5000CCA01E6F0464d0");
        assertThat(detail.disks()).extracting(DiskRow::poolState).containsExactly("ONLINE", "DEGRADED", "-");

        show(ZoneInventories.web01Mismatched());
        assertThat(detail.disks()).singleElement().extracting(DiskRow::mappedDevice)
                .isEqualTo("/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk0");
    }

    @Test
    void aUriThatMapsToNoLocalDeviceShowsADash() {
        ZoneConfig config = ZoneInventories.config("""
                create -b
                set brand=solaris-kz
                add device
                set storage=nfs://nfs01/export/kz/web03/disk0
                set bootpri=0
                set id=0
                end
                """);
        show(new ZoneInventory(new Zone(null, "web03", ZoneState.INSTALLED, "/z", "u", Brand.SOLARIS_KZ, "excl"), config,
                null, null, null, List.of()));

        assertThat(detail.disks()).singleElement().extracting(DiskRow::mappedDevice).isEqualTo("-");
    }

    @Test
    void theRootPoolIsATreeOfItsVdevsWithStatesErrorsAndResilver() {
        show(ZoneInventories.db01());

        PoolNode pool = detail.poolTreeProperty().get();
        assertThat(pool.name()).isEqualTo("rpool");
        assertThat(pool.state()).isEqualTo("DEGRADED");
        assertThat(pool.children()).singleElement().satisfies(mirror -> {
            assertThat(mirror.label()).isEqualTo("mirror-0  DEGRADED");
            assertThat(mirror.children()).extracting(PoolNode::label)
                    .containsExactly("c1d0  ONLINE", "c1d1  DEGRADED  3 checksum errors · (resilvering)");
        });
        assertThat(detail.poolSummaryProperty().get())
                .isEqualTo("rpool · DEGRADED · size 200G · allocated 131G (65 %) · free 69G");
        assertThat(detail.poolScanProperty().get()).isEqualTo("scan: resilver in progress since Sun May  7 02:28:22 2017"
                + " · 1.30G scanned out of 5.38G at 38.4M/s, 1h6m to go · 1.29G resilvered, 24.16% done");
        assertThat(detail.poolMessageProperty().get()).startsWith("One or more devices is currently being resilvered.")
                .endsWith("Action: Wait for the resilver to complete.");
    }

    @Test
    void aHealthyPoolHasNoMessage() {
        show(ZoneInventories.web01Mismatched());

        assertThat(detail.poolTreeProperty().get().names()).containsExactly("rpool", "c1d0");
        assertThat(detail.poolScanProperty().get()).isEqualTo("scan: none requested");
        assertThat(detail.poolMessageProperty().get()).isEmpty();
    }

    @Test
    void differingConfigurationsWarnWhatDiffersAndThatZoneadmMoveRefuses() {
        show(ZoneInventories.web01Mismatched());

        assertThat(detail.configMismatchProperty().get())
                .startsWith("The live and persistent configurations of web01 differ: c1d1 (" + WEB01_LIVE_ONLY
                        + ") is only in the live configuration.")
                .contains("zoneadm move refuses this zone until they agree");
        assertThat(detail.problems()).isEmpty();

        show(ZoneInventories.db01());
        assertThat(detail.configMismatchProperty().get()).as("db01's agree").isEmpty();
    }

    @Test
    void aChangedStorageOrBootPriorityIsNamed() {
        ZoneConfig persistent = ZoneInventories.config("""
                create -b
                set brand=solaris-kz
                add device
                set storage=lu:luname.naa.5000CCA01E6F0464
                set bootpri=0
                set id=0
                end
                add device
                set storage=lu:luname.naa.5000CCA031B53A82
                set id=1
                end
                """);
        ZoneConfig live = ZoneInventories.config("""
                create -b
                set brand=solaris-kz
                add device
                set storage=lu:luname.naa.5000CCA033BAE1CA
                set bootpri=0
                set id=0
                end
                add device
                set storage=lu:luname.naa.5000CCA031B53A82
                set bootpri=1
                set id=1
                end
                """);
        show(new ZoneInventory(new Zone(4, "app02", ZoneState.RUNNING, "/z", "u", Brand.SOLARIS_KZ, "excl"), persistent,
                live, null, null, List.of()));

        assertThat(detail.configMismatchProperty().get()).contains(
                "c1d0 is lu:luname.naa.5000CCA01E6F0464 in the persistent configuration but"
                        + " lu:luname.naa.5000CCA033BAE1CA in the live one",
                "c1d1 has no boot priority in the persistent configuration but bootpri=1 in the live one");
    }

    @Test
    void aZoneThatIsNotRunningShowsItsDisksAndWhyThereIsNoPool() {
        show(ZoneInventories.test01Installed());

        assertThat(detail.showingProperty().get()).isTrue();
        assertThat(detail.bootableDisks()).extracting(DiskRow::disk).containsExactly("c1d0");
        assertThat(detail.disks()).extracting(DiskRow::poolState).containsExactly("-");
        assertThat(detail.poolTreeProperty().get()).isNull();
        assertThat(detail.poolSummaryProperty().get()).isEmpty();
        assertThat(detail.poolMessageProperty().get()).isEqualTo("test01 is installed, not running: its root pool lives"
                + " inside the guest and can only be read while the zone runs (zoneadm move also needs it running).");
        assertThat(detail.configMismatchProperty().get()).as("no live configuration to compare").isEmpty();
    }

    @Test
    void aSolarisZoneIsNotAKernelZone() {
        show(ZoneInventories.infra01NotKernelZone());

        assertThat(detail.disks()).isEmpty();
        assertThat(detail.disksMessageProperty().get())
                .isEqualTo("infra01 is a solaris zone, not a kernel zone: it has no disks of its own to move.");
        assertThat(detail.poolMessageProperty().get()).startsWith("infra01 is a solaris zone, not a kernel zone");
    }

    @Test
    void aRunningZoneWhosePoolCouldNotBeReadSaysWhy() {
        show(ZoneInventories.poolUnreadable());

        assertThat(detail.poolTreeProperty().get()).isNull();
        assertThat(detail.poolMessageProperty().get()).isEqualTo(
                "The root pool of web02 could not be read: zlogin web02 zpool status failed: zone is not responding");
        assertThat(detail.problems()).containsExactly("zlogin web02 zpool status failed: zone is not responding");
    }

    @Test
    void anUnreadableConfigurationSaysSo() {
        ZoneInventory db01 = FakeHostSource.twoZones().zones().get(0);

        show(db01);

        assertThat(detail.disks()).isEmpty();
        assertThat(detail.disksMessageProperty().get())
                .isEqualTo("The persistent configuration of db01 could not be read: see the problems below.");
        assertThat(detail.problems()).containsExactly("zonecfg export failed: permission denied");
    }

    @Test
    void itFollowsTheZonesTablesSelection() {
        SameThreadTaskExecutor executor = SameThreadTaskExecutor.immediate();
        ZonesViewModel zones = new ZonesViewModel();
        HostViewModel host = new HostViewModel(new FakeHostSource("h").answers(ZoneInventories.host()), executor,
                new RecordingDialogService());
        zones.hostProperty().set(host);
        host.refresh();
        ZoneDetailViewModel followed = zones.detail();
        ZoneRow db01 = zones.rows().get(0);
        ZoneRow web01 = zones.rows().get(1);

        zones.select(List.of(db01));
        assertThat(followed.titleProperty().get()).startsWith("db01");
        assertThat(followed.disks()).hasSize(3);

        zones.select(List.of(db01, web01));
        assertThat(followed.showingProperty().get()).isFalse();
        assertThat(followed.placeholderProperty().get()).startsWith("2 zones are selected");
        assertThat(followed.disks()).isEmpty();

        zones.select(List.of(web01));
        assertThat(followed.configMismatchProperty().get()).isNotEmpty();
    }
}
