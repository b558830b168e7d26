package org.kzmove.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LUN2;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LUN6;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LSM_DISK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kzmove.sim.E2eHost.Collector;
import org.kzmove.sim.E2eHost.Result;
import org.kzmove.sim.host.ZoneFaults;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MoveReport;

/**
 * Every fault of docs/simulator-scenario.md, injected into a running simulated host and seen
 * through SSH as the console sees it: the exit status, the text, kzmove's reading of the text, and
 * the zone's state afterwards through the host's own commands.
 */
class SimulatedHostFaultsEndToEndTest {
    private static final String MOVE = "pfexec zoneadm -z lsm move -v -p " + LUN6;

    @TempDir
    Path dir;
    E2eHost sim;
    String exportBefore;
    String liveBefore;

    @BeforeEach
    void start() throws Exception {
        sim = new E2eHost(dir, E2eHost.testScenario());
        exportBefore = sim.exec("kzadmin", "zonecfg -z lsm export").out();
        liveBefore = sim.exec("kzadmin", "zonecfg -z lsm -r export").out();
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
    }

    private void assertRolledBackAndUnchanged(Result r) throws Exception {
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Please be patient while we properly clean up...\n", "Clean-up successful.\n");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'lsm': move failed.\n");
        assertThat(E2eHost.moveReport(r.out() + r.err()).outcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
        assertUnchanged();
    }

    private void assertUnchanged() throws Exception {
        assertThat(sim.exec("kzadmin", "zonecfg -z lsm export").out()).isEqualTo(exportBefore);
        assertThat(sim.exec("kzadmin", "zonecfg -z lsm -r export").out()).isEqualTo(liveBefore);
        assertThat(sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out())
                .containsPattern("\n\t  c1d1 +ONLINE ").doesNotContain("c1d2");
    }

    @Test
    void targetFailingAtAPercentageRollsBack() throws Exception {
        sim.host.model().faults("lsm").targetFailsAtPercent(40.0);

        Result r = sim.execDriven("kzadmin", MOVE);

        assertThat(r.out()).contains("  ERROR: c1d2 FAULTED while resilvering: too many errors\n");
        assertRolledBackAndUnchanged(r);
    }

    @Test
    void stalledResilverRepeatsItsBytesAndStillSucceeds() throws Exception {
        sim.host.model().faults("lsm").stall(20.0, 60);

        Result r = sim.execDriven("kzadmin", MOVE);

        assertThat(r.status()).isZero();
        List<String> bytes = r.out().lines().filter(l -> l.contains(" resilvered at "))
                .map(l -> l.trim().split(" ")[0]).toList();
        long repeats = java.util.stream.IntStream.range(1, bytes.size())
                .filter(i -> bytes.get(i).equals(bytes.get(i - 1))).count();
        assertThat(repeats).isGreaterThanOrEqualTo(25); // 60 s of stall at a line every 2 s
        assertThat(E2eHost.moveReport(r.out()).outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
    }

    @Test
    void diskNeverLeavingDegradedRunsOutTheCountdownAndRollsBack() throws Exception {
        sim.host.model().faults("lsm").neverLeavesDegraded(true);

        Result r = sim.execDriven("kzadmin", MOVE);

        assertThat(r.out().lines().filter(l -> l.contains("still DEGRADED,"))).hasSize(120);
        assertThat(r.out()).contains("    still DEGRADED, 1 more seconds to wait.\n");
        assertRolledBackAndUnchanged(r);
    }

    @Test
    void diskInUseByAnotherPoolFailsTheTemporaryZpoolCreateBeforeAnyChange() throws Exception {
        Result r = sim.execDriven("kzadmin", "pfexec zoneadm -z lsm move -v -p " + LUN2);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Verifying the input disks are not part of another zpool:\n");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'lsm': move failed.\n");
        assertThat(E2eHost.moveReport(r.out() + r.err()).outcome()).isEqualTo(MoveOutcome.FAILED);
        assertUnchanged();
    }

    @Test
    void liveAndPersistentConfigurationsThatDifferStopTheMove() throws Exception {
        String before = sim.exec("kzadmin", "zonecfg -z kzdrift export").out();

        Result r = sim.execDriven("kzadmin", "pfexec zoneadm -z kzdrift move -v -p " + LUN6);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Verifying zone 'kzdrift' live/persistent configurations match:\n");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'kzdrift': move failed.\n");
        assertThat(E2eHost.moveReport(r.out() + r.err()).outcome()).isEqualTo(MoveOutcome.FAILED);
        assertThat(sim.exec("kzadmin", "zonecfg -z kzdrift export").out()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(ZoneFaults.RollbackStep.class)
    void failingCleanUpStepEndsInAFailedCleanUp(ZoneFaults.RollbackStep step) throws Exception {
        sim.host.model().faults("lsm").targetFailsAtPercent(30.0).rollbackFailsAt(step);

        Result r = sim.execDriven("kzadmin", MOVE);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Clean-up failed.\n").doesNotContain("Clean-up successful.");
        assertThat(E2eHost.moveReport(r.out() + r.err()).outcome()).isEqualTo(MoveOutcome.ROLLBACK_FAILED);
        // the new disk is left behind somewhere, as the documented step says
        String state = sim.exec("kzadmin", "zonecfg -z lsm export").out()
                + sim.exec("kzadmin", "zonecfg -z lsm -r export").out()
                + sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out();
        assertThat(state).containsAnyOf(LUN6, "c1d2");
    }

    @Test
    void serverDroppingEveryConnectionCutsTheMoveOffHalfWay(@TempDir Path other) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode scenario = (ObjectNode) json.readTree(E2eHost.testScenario().toFile());
        scenario.put("dropConnectionsAfter", "PT60S"); // mid-resilver: the 5.6G copy takes about 160 s
        Path file = other.resolve("drop.json");
        Files.writeString(file, json.writeValueAsString(scenario));
        try (E2eHost dropping = new E2eHost(other, file);
                SSHClient ssh = dropping.connect("kzadmin"); Session s = ssh.startSession()) {
            dropping.backgroundSleepers = 1; // the drop timer
            Session.Command cmd = s.exec(MOVE);
            Collector out = new Collector(cmd.getInputStream());
            dropping.driveUntil("connection dropped", () -> !ssh.isConnected() && out.ended());

            assertThat(cmd.getExitStatus()).as("no exit status reaches a dropped client").isNull();
            MoveReport report = E2eHost.moveReport(out.text());
            assertThat(report.outcome()).isEqualTo(MoveOutcome.INCOMPLETE);
            assertThat(report.resilver().samples()).isPositive();
            // the move died at its next write: the zone is left half-migrated, the new disk in both configurations
            dropping.backgroundSleepers = 0; // the drop timer has fired and ended
            dropping.driveUntil("move ended", dropping::noProcesses);
            assertThat(dropping.host.server().connectionCount()).isZero();
            String export = dropping.exec("kzadmin", "zonecfg -z lsm export").out();
            assertThat(export).contains(LUN6, LSM_DISK);
        }
    }
}
