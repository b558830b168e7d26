package org.kzmove.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.testsupport.LiveHost;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.FakeHostSource;
import org.kzmove.ui.hosts.HostViewModel;

/**
 * The zones table and detail over what the real inventory reads from a simulated host over SSH
 * ({@code scenarios/test-host.json}: kzdrift's live configuration has a disk its persistent one
 * lacks, kzmirror boots from a mirror and has a data disk, kzoff is installed, s11 is not a kernel zone).
 */
class ZonesOverSimulatorTest {
    @TempDir
    Path dir;

    private final ZonesViewModel zones = new ZonesViewModel();

    @BeforeEach
    void readTheHost() throws Exception {
        HostInventory inventory;
        try (LiveHost live = LiveHost.scenario(dir, "test-host"); SshConnection c = live.connect("kzadmin")) {
            inventory = new InventoryService(Privilege.PFEXEC).load("kzadmin@test-host", LiveHost.shell(c));
        }
        HostViewModel host = new HostViewModel(new FakeHostSource("test host").answers(inventory),
                SameThreadTaskExecutor.immediate(), new RecordingDialogService());
        zones.hostProperty().set(host);
        host.refresh();
    }

    private ZoneRow row(String name) {
        return zones.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aZoneWhoseLiveConfigurationHasAnExtraDiskIsFlaggedAndExplained() {
        assertThat(row("kzdrift").problems()).contains("live and persistent configurations differ");

        zones.select(List.of(row("kzdrift")));

        assertThat(zones.detail().configMismatchProperty().get()).contains(
                "c1d5 (dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzdrift/scratch) is only in the live configuration",
                "zoneadm move refuses this zone until they agree");
        assertThat(row("mykz").problems()).doesNotContain("configurations differ");
    }

    @Test
    void theFilterFindsAZoneByADiskOnlyItsLiveConfigurationHas() {
        zones.filterTextProperty().set("kzdrift/scratch");

        assertThat(zones.rows()).extracting(ZoneRow::name).containsExactly("kzdrift");
    }

    @Test
    void aMirroredZoneShowsItsBootDisksInOrderItsDataDiskAndItsPoolTree() {
        zones.select(List.of(row("kzmirror")));
        ZoneDetailViewModel detail = zones.detail();

        assertThat(detail.bootableDisks()).extracting(DiskRow::disk, DiskRow::bootPriority, DiskRow::mappedDevice)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1d0", "1", "/dev/zvol/dsk/rpool/VARSHARE/zones/kzmirror/disk0"),
                        org.assertj.core.groups.Tuple.tuple("c1d1", "2", "/dev/zvol/dsk/rpool/VARSHARE/zones/kzmirror/disk1"));
        assertThat(detail.dataDisks()).extracting(DiskRow::disk).containsExactly("c1d4");
        PoolNode pool = detail.poolTreeProperty().get();
        assertThat(pool.name()).isEqualTo("rpool");
        assertThat(pool.names()).contains("c1d0", "c1d1").doesNotContain("c1d4");
        assertThat(detail.bootableDisks()).extracting(DiskRow::poolState).containsOnly("ONLINE");
        assertThat(detail.poolSummaryProperty().get()).startsWith("rpool · ONLINE · size 16G · allocated 1G");
    }

    @Test
    void anInstalledZoneAndASolarisZoneSayWhyTheyHaveNoPool() {
        zones.select(List.of(row("kzoff")));
        assertThat(zones.detail().poolMessageProperty().get()).startsWith("kzoff is installed, not running");
        assertThat(zones.detail().disks()).extracting(DiskRow::disk).containsExactly("c1d0");

        zones.select(List.of(row("s11")));
        assertThat(zones.detail().poolMessageProperty().get()).startsWith("s11 is a solaris zone, not a kernel zone");
    }
}
