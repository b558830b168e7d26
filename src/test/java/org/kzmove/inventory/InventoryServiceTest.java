package org.kzmove.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.solaris.pool.VdevState;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.testsupport.LiveHost;

/** The inventory against simulated hosts over real SSH. */
class InventoryServiceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} zones")
    @ValueSource(ints = {10, 100, 500})
    void readsEveryZoneInTwoRoundTripsWhateverTheirNumber(int zones) throws Exception {
        try (LiveHost live = LiveHost.generated(dir, zones); SshConnection c = live.connect("root")) {
            HostInventory inventory = new InventoryService(Privilege.NONE).load("root@gen", LiveHost.shell(c));

            assertThat(live.received()).hasSize(2);
            assertThat(inventory.roundTrips()).isEqualTo(2);
            assertThat(inventory.problems()).isEmpty();
            assertThat(inventory.moveUnsupportedReason()).isEmpty();
            assertThat(inventory.zones()).filteredOn(z -> z.zone().isKernelZone()).hasSize(zones)
                    .allSatisfy(z -> assertThat(z.persistentConfig()).isNotNull());
            assertThat(inventory.zones()).filteredOn(z -> z.zone().state() == ZoneState.RUNNING).isNotEmpty()
                    .allSatisfy(z -> {
                        assertThat(z.problems()).isEmpty();
                        assertThat(z.liveConfig()).isNotNull();
                        assertThat(z.rootPool()).isNotNull();
                        assertThat(z.rootPoolUsage()).isNotNull();
                        assertThat(z.rootPoolUsage().sizeBytes()).isPositive();
                    });
        }
    }

    @Test
    void zoneWhoseGuestCommandsFailCarriesItsProblemWhileOthersAreComplete() throws Exception {
        try (LiveHost live = LiveHost.scenario(dir, "inventory"); SshConnection c = live.connect("root")) {
            HostInventory inventory = new InventoryService(Privilege.NONE).load("root@kzinv01", LiveHost.shell(c));

            ZoneInventory odd = inventory.zone("oddpool01").orElseThrow();
            assertThat(odd.rootPool()).isNull();
            assertThat(odd.problems()).anyMatch(p -> p.contains("zpool status failed") && p.contains("no such pool"));
            assertThat(odd.persistentConfig()).isNotNull();

            ZoneInventory good = inventory.zone("good01").orElseThrow();
            assertThat(good.problems()).isEmpty();
            assertThat(good.rootPool().state()).isEqualTo(VdevState.ONLINE);
            assertThat(good.rootPoolUsage().sizeBytes()).isEqualTo(32L << 30);
            assertThat(good.configurationsDiffer()).isFalse();

            ZoneInventory parked = inventory.zone("parked01").orElseThrow();
            assertThat(parked.problems()).isEmpty();
            assertThat(parked.persistentConfig().devices()).hasSize(1);
            assertThat(parked.rootPool()).isNull();

            ZoneInventory infra = inventory.zone("infra01").orElseThrow();
            assertThat(infra.persistentConfig()).isNull();
        }
    }

    @Test
    void userWithoutRightsGetsEachZonesPermissionProblem() throws Exception {
        try (LiveHost live = LiveHost.scenario(dir, "inventory"); SshConnection c = live.connect("guest")) {
            HostInventory inventory = new InventoryService(Privilege.PFEXEC).load("guest@kzinv01", LiveHost.shell(c));

            assertThat(inventory.zone("good01").orElseThrow().problems())
                    .anyMatch(p -> p.contains("lack sufficient privilege"));
            assertThat(live.received()).hasSize(2);
        }
    }
}
