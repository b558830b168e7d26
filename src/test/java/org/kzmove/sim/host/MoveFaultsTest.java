package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each scheduled fault fails the move and rolls it back (or, for the rollback fault, leaves what a real host would). */
class MoveFaultsTest {
    private static final String LUN6 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    private static final String LUN2 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002";

    private final SimHarness sim = new SimHarness(Transcripts.testHost());
    private String exportBefore;
    private String liveBefore;

    @BeforeEach
    void remember() throws Exception {
        exportBefore = sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out();
        liveBefore = sim.run(ROOT, "zonecfg", "-z", "lsm", "-r", "export").out();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private void assertRolledBack(SimHarness.Result r) throws Exception {
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Please be patient while we properly clean up...\n", "Clean-up successful.\n");
        assertThat(r.out()).doesNotContain("Signal ");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'lsm': move failed.\n");
        assertUnchanged();
    }

    private void assertUnchanged() throws Exception {
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out()).isEqualTo(exportBefore);
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "-r", "export").out()).isEqualTo(liveBefore);
        assertThat(poolDisks()).containsExactly("c1d1:ONLINE");
    }

    private List<String> poolDisks() {
        synchronized (sim.host.lock()) {
            return sim.host.zone("lsm").orElseThrow().pool().disks().stream().map(d -> d.name() + ":" + d.state()).toList();
        }
    }

    @Test
    void targetDiskFailingDuringResilverRollsBack() throws Exception {
        sim.host.faults("lsm").targetFailsAtPercent(40.0);

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);

        assertThat(r.out()).contains("  ERROR: c1d2 FAULTED while resilvering: too many errors\n"
                + "Please be patient while we properly clean up...\n"
                + "!! Interrupting now may leave your zone in inconsistent state !!\n"
                + "Detaching new disks that might have been already attached.\n  c1d2:\n    OK\n"
                + "Removing devices already added to the persistent zone config.\n  c1d2:\n    OK\n"
                + "Reverting live zone configuration to its original state.\n"
                + "  Checking: Removing device storage=" + LUN6 + "\n  Applying the changes\n"
                + "Clean-up successful.\n==== Completed:   ====\n");
        assertRolledBack(r);
    }

    @Test
    void stalledResilverWaitsAndStillSucceeds() throws Exception {
        sim.host.faults("lsm").stall(20.0, 60);

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);

        assertThat(r.status()).isZero();
        List<String> sizes = r.out().lines().filter(l -> l.contains(" resilvered at "))
                .map(l -> l.trim().split(" ")[0]).toList();
        long repeats = 0;
        for (int i = 1; i < sizes.size(); i++) {
            if (sizes.get(i).equals(sizes.get(i - 1))) {
                repeats++;
            }
        }
        assertThat(repeats).isGreaterThanOrEqualTo(25); // 60 s of stall at a line every 2 s
    }

    @Test
    void diskThatNeverLeavesDegradedRunsOutTheWaitAndRollsBack() throws Exception {
        sim.host.faults("lsm").neverLeavesDegraded(true);

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);

        assertThat(ZoneadmMoveTest.count(r.out(), "still DEGRADED,")).isEqualTo(120);
        assertThat(r.out()).contains("    still DEGRADED, 1 more seconds to wait.\n    ERROR: c1d2 is still DEGRADED after 120 seconds\n");
        assertRolledBack(r);
    }

    @Test
    void diskInAnotherPoolFailsTheTemporaryZpoolCreate() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN2);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("Progress being logged to /var/log/zones/zoneadm.20261126T080000Z.lsm.move\n"
                + "Verifying the input disks are not part of another zpool:\n"
                + "  ERROR: temporary zpool create failed:\n"
                + "    invalid vdev specification\n"
                + "    use '-f' to override the following errors:\n"
                + "    /dev/dsk/c0t600144F0DBF8AF1900005FD25DFC0002d0s0 is part of exported or potentially active ZFS pool testpool."
                + " Please see zpool(8).\n");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'lsm': move failed.\n");
        assertUnchanged();
    }

    @Test
    void failingCleanUpStepLeavesTheZoneAsARealHostWould() throws Exception {
        sim.host.faults("lsm").targetFailsAtPercent(30.0).rollbackFailsAt(ZoneFaults.RollbackStep.REVERT);

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Clean-up failed.\n").doesNotContain("Clean-up successful.");
        // persistent configuration reverted, live one still has the new device: they now differ
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out()).isEqualTo(exportBefore);
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "-r", "export").out()).contains(LUN6);
        SimHarness.Result again = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);
        assertThat(again.out()).contains("Verifying zone 'lsm' live/persistent configurations match:\n"
                + "  ERROR: live and persistent configurations of zone 'lsm' differ: device c1d2");
    }

    @Test
    void failingDetachInCleanUpLeavesTheNewDiskAttached() throws Exception {
        sim.host.faults("lsm").targetFailsAtPercent(30.0).rollbackFailsAt(ZoneFaults.RollbackStep.DETACH);

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);

        assertThat(r.out()).contains("Clean-up failed.\n");
        assertThat(poolDisks()).containsExactly("c1d1:ONLINE", "c1d2:FAULTED");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out()).contains(LUN6);
    }

    @Test
    void unhealthyPoolIsRefused() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "kzsick", "move", "-v", "-p", LUN6);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Checking zpool 'rpool' health:\n  DEGRADED\n  ERROR: zpool 'rpool' is not healthy\n==== Completed:   ====\n");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'kzsick': move failed.\n");
    }

    @Test
    void liveAndPersistentMismatchIsRefused() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "kzdrift", "move", "-p", LUN6);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Verifying zone 'kzdrift' live/persistent configurations match:\n"
                + "  ERROR: live and persistent configurations of zone 'kzdrift' differ: device c1d5");
    }

    @Test
    void tooSmallAndFailingDisksAreNotAttached() throws Exception {
        SimHarness.Result small = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p",
                "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0007");
        assertThat(small.out()).contains("Attaching new disks.\n  c1d2:\n    ERROR: cannot attach c1d2 to c1d1: device is too small\n");
        assertRolledBack(small);

        SimHarness.Result broken = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", "lu:luname.naa.5000CCA0DEADBEEF");
        assertThat(broken.out()).contains("    ERROR: cannot attach c1d2 to c1d1: I/O error\n");
        assertRolledBack(broken);
    }

    @Test
    void storageOfAnotherZoneIsRefusedWhenApplying() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-x", "force-zpool-attach",
                "-p", "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk0");

        assertThat(r.out()).contains("  ERROR: storage 'dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk0' is already used by zone 'mykz'\n"
                + "Please be patient");
        assertRolledBack(r);
    }

    @Test
    void sigkillEndsTheMoveWhereItStandsAndLeavesTheSignalForTheShell() throws Exception {
        SimHarness.Run run = sim.start(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);
        assertThat(sim.runTo(run, out -> out.contains("Waiting for disks to resilver."))).isTrue();
        sim.signal(run, org.kzmove.sim.process.Signal.KILL);
        sim.runTo(run, out -> false);
        org.assertj.core.api.Assertions.assertThatThrownBy(run::result).hasCauseInstanceOf(InterruptedException.class);
        assertThat(run.signals.take()).contains(org.kzmove.sim.process.Signal.KILL);
        assertThat(poolDisks()).containsExactly("c1d1:ONLINE", "c1d2:ONLINE");
        assertThat(sim.host.zone("lsm").orElseThrow().busy().get()).isFalse();
    }
}
