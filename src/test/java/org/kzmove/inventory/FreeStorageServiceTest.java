package org.kzmove.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.testsupport.LiveHost;

/** The free-storage probe against the demo scenario, over real SSH to the simulated host. */
class FreeStorageServiceTest {
    private static final String FREE_250G = "iscsi://zfssa02/luname.naa.600144f047bec1a82eeb3891212e3cef";
    private static final String SMALL_8G = "iscsi://zfssa02/luname.naa.600144f07591695d4ecf191a9d79bbc7";
    private static final String OLD_POOL_LU = "lu:luname.naa.5000cca0d80e94c0";

    @TempDir
    Path dir;
    private LiveHost live;
    private SshConnection connection;

    @BeforeEach
    void start() throws Exception {
        live = LiveHost.demo(dir);
        connection = live.connect("kzadmin");
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        live.close();
    }

    @Test
    void listsTheDemoHostsFreeLunsAndVolumesWithSizesAndLeavesOutEveryZonesDisks() throws Exception {
        RemoteShell shell = LiveHost.shell(connection);
        HostInventory inventory = new InventoryService(Privilege.PFEXEC).load("demo", shell);
        AtomicInteger roundTrips = new AtomicInteger();

        List<FreeStorage> free = new FreeStorageService(Privilege.PFEXEC).probe("demo", script -> {
            roundTrips.incrementAndGet();
            return shell.run(script);
        }, inventory);

        assertThat(roundTrips).hasValue(2);
        assertThat(free).extracting(FreeStorage::uri).contains(FREE_250G, SMALL_8G, OLD_POOL_LU,
                "lu:luname.naa.5000cca05e20b247", "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk1");
        assertThat(free).filteredOn(f -> f.uri().equals(FREE_250G)).singleElement().satisfies(f -> {
            assertThat(f.sizeBytes()).isEqualTo(250L << 30);
            assertThat(f.device()).isEqualTo("/dev/dsk/c0t600144F047BEC1A82EEB3891212E3CEFd0");
            assertThat(f.note()).isEmpty();
        });
        assertThat(free).filteredOn(f -> f.uri().equals(SMALL_8G)).singleElement()
                .extracting(FreeStorage::sizeBytes).isEqualTo(8L << 30);
        assertThat(free).filteredOn(f -> f.uri().startsWith("dev:")).singleElement()
                .extracting(FreeStorage::sizeBytes).isEqualTo(16L << 30);
        assertThat(free).filteredOn(f -> f.uri().equals(OLD_POOL_LU)).singleElement()
                .extracting(FreeStorage::note).asString().contains("pool 'oldpool'").contains("force-zpool-attach");

        // Nothing any zone's configuration names is offered: compare in normal form.
        List<String> used = inventory.zones().stream().filter(z -> z.persistentConfig() != null)
                .flatMap(z -> z.persistentConfig().devices().stream()).map(d -> d.storage().toLowerCase()).toList();
        assertThat(used).contains("dev:/dev/zvol/dsk/rpool/varshare/zones/web01/disk0",
                "iscsi://zfssa01/luname.naa.600144f03a37dfe702393e0fa6c8bbc2");
        assertThat(free).extracting(f -> f.uri().toLowerCase()).doesNotContainAnyElementsOf(used);
    }

    @Test
    void sendsOnlyFixedReadOnlyCommands() throws Exception {
        RemoteShell shell = LiveHost.shell(connection);
        HostInventory inventory = new InventoryService(Privilege.PFEXEC).load("demo", shell);
        int before = live.received().size();

        new FreeStorageService(Privilege.PFEXEC).probe("demo", shell, inventory);

        List<String> sent = live.received().subList(before, live.received().size());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).startsWith("iostat -En 2>&1; echo kzmove-end-")
                .contains("zfs list -H -o name,volsize -t volume 2>&1", "zfs list -H -o name -d 0 2>&1");
        assertThat(sent.get(1)).contains("suriadm lookup-uri /dev/dsk/c0t600144F047BEC1A82EEB3891212E3CEFd0 2>&1",
                "pfexec zdb -l /dev/dsk/c0t600144F047BEC1A82EEB3891212E3CEFd0 2>&1");
        assertThat(sent.get(1)).doesNotContain("c0t600144F03A37DFE702393E0FA6C8BBC2d0");
    }
}
