package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.solaris.zone.ZoneState;

/**
 * The inventory through a real sshd and a real login shell reads exactly what it reads through the
 * simulator's own SSH server and shell, in front of the same host model.
 */
class RealSshdInventoryTest {
    private static RealSshdHost host;

    @BeforeAll
    static void start() throws Exception {
        host = RealSshdHost.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    static List<User> users() {
        return RealSshdHost.users();
    }

    @ParameterizedTest
    @MethodSource("users")
    void inventoryOfTheZonesMatchesTheSimulatorsOwnShell(User user) throws Exception {
        HostInventory real;
        HostInventory simulated;
        try (SshConnection c = host.connect(user); SshConnection s = host.connectSimulator()) {
            real = new InventoryService(Privilege.PFEXEC).load("127.0.0.1", RealSshdHost.shell(c));
            simulated = new InventoryService(Privilege.PFEXEC).load("127.0.0.1", RealSshdHost.shell(s));
        }

        assertThat(real.release()).isNotNull();
        assertThat(real.moveUnsupportedReason()).isEmpty();
        assertThat(real.roundTrips()).isEqualTo(2);
        assertThat(real.problems()).isEmpty();
        assertThat(real.zones()).extracting(z -> z.zone().name())
                .containsExactly("kzdrift", "kzmirror", "kzoff", "kzsick", "lsm", "mykz", "s11");
        ZoneInventory lsm = real.zone("lsm").orElseThrow();
        assertThat(lsm.zone().state()).isEqualTo(ZoneState.RUNNING);
        assertThat(lsm.problems()).isEmpty();
        assertThat(lsm.pool()).isPresent();
        assertThat(lsm.persistentConfig().devices()).hasSize(1);
        assertThat(real.unameText()).isEqualTo(simulated.unameText());
        assertThat(real.zones()).isEqualTo(simulated.zones());
    }

    @ParameterizedTest
    @MethodSource("users")
    void withoutPfexecTheGuestPoolsAreRefusedAsOnSolaris(User user) throws Exception {
        HostInventory real;
        try (SshConnection c = host.connect(user)) {
            real = new InventoryService(Privilege.NONE).load("127.0.0.1", RealSshdHost.shell(c));
        }

        ZoneInventory lsm = real.zone("lsm").orElseThrow();
        assertThat(lsm.pool()).isEmpty();
        assertThat(lsm.problems()).anySatisfy(p -> assertThat(p).startsWith("zpool status failed: "));
    }
}
