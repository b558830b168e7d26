package org.kzmove.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.ZoneInventory;

class DemoHostTest {
    @TempDir
    Path dir;

    private KzmovePaths paths() {
        return new KzmovePaths(dir.resolve("config"), dir.resolve("data"));
    }

    @Test
    void theDemoHostStartsOnLoopbackAndListsTheDemoZonesOverSsh() throws Exception {
        try (DemoHost demo = new DemoHost(new ConsoleServices(paths(), Clock.systemUTC()), DemoHost.TIME_SCALE)) {
            assertThat(demo.name()).isEqualTo("Demo host");

            HostInventory inventory = demo.load();

            assertThat(demo.address()).matches("kzadmin@127\\.0\\.0\\.1:\\d+");
            assertThat(inventory.release()).isNotNull();
            assertThat(inventory.moveUnsupportedReason()).isEmpty();
            assertThat(inventory.zones()).extracting(z -> z.zone().name()).contains("web01", "db01");
            assertThat(inventory.zone("web01")).get().extracting(ZoneInventory::rootPool).isNotNull();
            // A second read reuses the connection.
            assertThat(demo.load().zones()).hasSameSizeAs(inventory.zones());
        }
    }

    @Test
    void theClientKeyIsKeptPrivateAndReusedAndOnlyTheDemoKnownHostsTrustsTheHost() throws Exception {
        KzmovePaths paths = paths();
        try (DemoHost demo = new DemoHost(new ConsoleServices(paths, Clock.systemUTC()), DemoHost.TIME_SCALE)) {
            demo.load();
            assertThat(Files.readString(demo.knownHostsFile())).startsWith("[127.0.0.1]:");
        }
        Path key = paths.demoClientKey();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(paths.knownHosts()).as("kzmove's own known_hosts is for real hosts").doesNotExist();

        KeyPair first = DemoHost.loadOrCreateClientKey(key);
        KeyPair again = DemoHost.loadOrCreateClientKey(key);
        assertThat(again.getPublic()).isEqualTo(first.getPublic());
        int firstPort = Integer.parseInt(demoPort(paths));
        try (DemoHost restarted = new DemoHost(new ConsoleServices(paths, Clock.systemUTC()), DemoHost.TIME_SCALE)) {
            assertThat(restarted.load().zones()).isNotEmpty();
            assertThat(restarted.address()).as("the previous port is taken again, so job records still name the host")
                    .endsWith(":" + firstPort);
        }
    }

    private static String demoPort(KzmovePaths paths) throws java.io.IOException {
        return Files.readString(paths.demoClientKey().resolveSibling("demo_port")).strip();
    }
}
