package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kzmove.sim.host.SimHarness.ROOT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import org.kzmove.sim.clock.ScaledClock;
import org.kzmove.sim.command.BrokenPipeException;
import org.kzmove.solaris.zone.ZoneState;

/** Scenario loading, generation, concurrency, and what a dead channel leaves behind. */
class HostModelTest {

    @Test
    void demoScenarioLoadsWithUsersZonesAndFreeStorage() throws Exception {
        HostModel host = HostModel.load(Path.of("app/scenarios/demo.json"));

        assertThat(host.hostname()).isEqualTo("sol-kzhost01");
        assertThat(host.users()).extracting(HostUser::name).containsExactly("root", "kzadmin", "guest", "kzadmin2");
        assertThat(host.user("kzadmin").orElseThrow().profiles()).containsExactly("Zone Management");
        assertThat(host.user("kzadmin").orElseThrow().sudoer()).isTrue();
        List<SimZone> kzs = host.zones().stream().filter(z -> z.brand().isKernelZone()).toList();
        assertThat(kzs).hasSizeBetween(9, 12);
        assertThat(kzs).extracting(SimZone::state).contains(ZoneState.RUNNING, ZoneState.INSTALLED, ZoneState.CONFIGURED);
        assertThat(host.storage().stream().filter(s -> host.zoneUsing(s.uri()).isEmpty()).count()).isGreaterThanOrEqualTo(8);
        assertThat(host.scheduledConnectionDrop()).isEmpty();
    }

    @Test
    void everyRunningDemoZoneCanBeMovedToFreeStorage() throws Exception {
        HostModel host = HostModel.load(Path.of("app/scenarios/demo.json"));
        try (SimHarness sim = new SimHarness(host)) {
            SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "web01", "move", "-p",
                    host.storage().stream().filter(s -> s.uri().startsWith("iscsi://zfssa02/")).findFirst().orElseThrow().uri());
            assertThat(r.status()).isZero();
            assertThat(r.out()).endsWith("Live storage migration succeeded.\n");
        }
    }

    @Test
    void unknownScenarioFieldsAreErrors() {
        String json = "{\"hostname\":\"h\",\"zonez\":[]}";
        assertThatThrownBy(() -> HostModel.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void scheduledConnectionDropIsReadFromTheScenario() throws Exception {
        String json = "{\"hostname\":\"h\",\"dropConnectionsAfter\":\"PT5M\"}";
        HostModel host = HostModel.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(host.scheduledConnectionDrop()).contains(Duration.ofMinutes(5));
    }

    @Test
    void zoneadmSigintIsReadFromTheScenarioWithCatchAsDefault() throws Exception {
        String keep = "{\"hostname\":\"h\",\"zoneadmSigint\":\"keep-inherited-ignore\"}";
        assertThat(HostModel.load(new ByteArrayInputStream(keep.getBytes(StandardCharsets.UTF_8))).zoneadmSigint())
                .isEqualTo(ZoneadmSigint.KEEP_INHERITED_IGNORE);
        String none = "{\"hostname\":\"h\"}";
        assertThat(HostModel.load(new ByteArrayInputStream(none.getBytes(StandardCharsets.UTF_8))).zoneadmSigint())
                .isEqualTo(ZoneadmSigint.CATCH);
        String wrong = "{\"hostname\":\"h\",\"zoneadmSigint\":\"ignore\"}";
        assertThatThrownBy(() -> HostModel.load(new ByteArrayInputStream(wrong.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("zoneadmSigint: 'ignore' is not one of catch, keep-inherited-ignore");
    }

    @Test
    void generatedHostsAreLargeAndRepeatable() throws Exception {
        HostModel a = HostModel.generate(500, 42);
        HostModel b = HostModel.generate(500, 42);

        assertThat(a.zones()).hasSize(500);
        assertThat(HostModel.json().writeValueAsString(ScenarioGenerator.generate(500, 42)))
                .isEqualTo(HostModel.json().writeValueAsString(ScenarioGenerator.generate(500, 42)));
        assertThat(a.zones().get(17).persistent()).isEqualTo(b.zones().get(17).persistent());
        assertThat(a.zones().stream().filter(z -> z.state() == ZoneState.RUNNING).count()).isGreaterThan(300);
        try (SimHarness sim = new SimHarness(a)) {
            assertThat(sim.run(ROOT, "zoneadm", "list", "-cp").out().lines().count()).isEqualTo(501);
        }
    }

    @Test
    void concurrentMovesOnDifferentZonesDoNotDisturbEachOther() throws Exception {
        HostModel host = HostModel.generate(12, 7);
        ScaledClock fast = new ScaledClock(SimHarness.T0, 2_000_000);
        try (SimHarness sim = new SimHarness(host, fast)) {
            List<SimZone> running = host.zones().stream().filter(z -> z.state() == ZoneState.RUNNING).limit(6).toList();
            List<StorageItem> free = new ArrayList<>();
            List<SimHarness.Run> runs = new ArrayList<>();
            for (SimZone z : running) {
                StorageItem target = host.storage().stream()
                        .filter(s -> host.zoneUsing(s.uri()).isEmpty() && !free.contains(s) && s.sizeBytes() >= z.pool().sizeBytes())
                        .findFirst().orElseThrow();
                free.add(target);
                runs.add(sim.start(ROOT, "zoneadm", "-z", z.name(), "move", "-p", target.uri()));
            }
            for (int i = 0; i < runs.size(); i++) {
                SimHarness.Result r = runs.get(i).result();
                assertThat(r.status()).as(r.all()).isZero();
                assertThat(sim.run(ROOT, "zonecfg", "-z", running.get(i).name(), "info", "device").out()).contains(free.get(i).uri());
            }
        }
    }

    @Test
    void aMoveKilledByABrokenPipeLeavesTheZoneHalfMigrated() throws Exception {
        HostModel host = Transcripts.testHost();
        PrintStream dying = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8) {
            private int lines;

            @Override
            public void println(String x) {
                if (x.contains(" resilvered at ") && ++lines == 5) {
                    throw new BrokenPipeException("channel closed");
                }
                super.println(x);
            }
        };
        try (SimHarness sim = new SimHarness(host)) {
            SimHarness.Run run = sim.new Run(ROOT, dying, "zoneadm", "-z", "lsm", "move", "-v", "-p",
                    "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006");
            sim.runTo(run, out -> false);
            assertThatThrownBy(run::result).hasCauseInstanceOf(BrokenPipeException.class);
            // both disks in the pool, the new device in both configurations, and the zone is free again
            assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out()).contains("id=1\n", "id=2\n");
            assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "-r", "export").out()).contains("id=1\n", "id=2\n");
            assertThat(sim.run(ROOT, "zlogin", "lsm", "zpool", "status").out()).contains("c1d1", "c1d2");
            String log = new String(sim.files.read("/var/log/zones/zoneadm.20261126T080000Z.lsm.move").orElseThrow(),
                    StandardCharsets.UTF_8);
            assertThat(log).contains("Waiting for disks to resilver.").doesNotContain("Clean-up");
            assertThat(host.zone("lsm").orElseThrow().busy().get()).isFalse();
        }
    }

    @Test
    void afterSighupTheCleanUpFinishesEvenWhenTheTerminalIsGone() throws Exception {
        HostModel host = Transcripts.testHost();
        boolean[] gone = {false};
        PrintStream hungUp = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8) {
            @Override
            public void println(String x) {
                if (gone[0]) {
                    throw new BrokenPipeException("channel closed");
                }
                super.println(x);
            }
        };
        try (SimHarness sim = new SimHarness(host)) {
            SimHarness.Run run = sim.new Run(ROOT, hungUp, "zoneadm", "-z", "lsm", "move", "-v", "-p",
                    "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006");
            assertThat(sim.runTo(run, out -> host.zone("lsm").orElseThrow().pool().scan() != null)).isTrue();
            gone[0] = true;
            sim.signal(run, org.kzmove.sim.process.Signal.HUP);
            assertThat(sim.finish(run).status()).isEqualTo(1);
            String log = new String(sim.files.read("/var/log/zones/zoneadm.20261126T080000Z.lsm.move").orElseThrow(),
                    StandardCharsets.UTF_8);
            assertThat(log).contains("Signal SIGHUP caught.\n", "Clean-up successful.\n",
                    "zoneadm: zone 'lsm': 'move' terminated by signal SIGHUP.\n");
            assertThat(sim.run(ROOT, "zlogin", "lsm", "zpool", "status").out()).doesNotContain("c1d2");
        }
    }

    @Test
    void everyRunningDemoKernelZoneMovesToFreeStorageAtOnce() throws Exception {
        HostModel host = HostModel.load(Path.of("app/scenarios/demo.json"));
        try (SimHarness sim = new SimHarness(host, new ScaledClock(SimHarness.T0, 5_000_000))) {
            List<String> zones = new ArrayList<>();
            List<SimHarness.Run> runs = new ArrayList<>();
            List<StorageItem> taken = new ArrayList<>();
            // Every target is chosen before any move starts: at this clock speed a move ends within the
            // loop, and its old disk would then look free to the next zone.
            for (SimZone z : host.zones()) {
                if (!z.brand().isKernelZone() || z.state() != ZoneState.RUNNING) {
                    continue;
                }
                StorageItem target = host.storage().stream()
                        .filter(s -> s.healthy() && s.inUseByPool() == null && host.zoneUsing(s.uri()).isEmpty())
                        .filter(s -> !taken.contains(s) && s.sizeBytes() >= z.pool().sizeBytes())
                        .min(java.util.Comparator.comparingLong(StorageItem::sizeBytes)).orElseThrow(() -> new AssertionError("no free storage for " + z.name()));
                taken.add(target);
                zones.add(z.name());
            }
            for (int i = 0; i < zones.size(); i++) {
                runs.add(sim.start(ROOT, "zoneadm", "-z", zones.get(i), "move", "-p", taken.get(i).uri()));
            }
            assertThat(zones).hasSizeGreaterThanOrEqualTo(8);
            for (SimHarness.Run run : runs) {
                SimHarness.Result r = run.result();
                assertThat(r.status()).as(r.all()).isZero();
            }
        }
    }
}
