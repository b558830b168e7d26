package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.host.ZoneFaults.RollbackStep;
import org.kzmove.solaris.move.MoveOutcome;

/** Every fault the simulator can inject, and the outcome the engine gives it after reading the zone back. */
class FaultOutcomeTest {
    static final String MYKZ_DISK = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk0";

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private MoveResult move(String zone, String... targets) throws Exception {
        MoveJob job = f.engine.start(EngineFixture.request(zone, targets), MoveListener.NONE);
        return job.result().get(60, TimeUnit.SECONDS);
    }

    private void assertRolledBackTo(MoveResult r, String... originals) {
        assertThat(r.outcome()).as(r.report().errors().toString()).isEqualTo(FinalOutcome.FAILED_AND_ROLLED_BACK);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
        assertThat(r.verification().disks()).containsExactlyInAnyOrder(originals);
    }

    @Test
    void targetFailingMidResilverRollsBack() throws Exception {
        f = new EngineFixture(dir, false);
        f.host.model().faults("mykz").targetFailsAtPercent(40.0);
        MoveResult r = move("mykz", MoveEngineTest.LUN_20G);
        assertThat(r.zoneadmOutcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
        assertRolledBackTo(r, MYKZ_DISK);
    }

    @Test
    void stalledResilverStillSucceeds() throws Exception {
        f = new EngineFixture(dir, false);
        f.host.model().faults("mykz").stall(35.0, 40);
        MoveResult r = move("mykz", MoveEngineTest.LUN_20G);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).isTrue();
    }

    @Test
    void diskThatNeverLeavesDegradedRollsBack() throws Exception {
        f = new EngineFixture(dir, false);
        f.host.model().faults("mykz").neverLeavesDegraded(true);
        assertRolledBackTo(move("mykz", MoveEngineTest.LUN_20G), MYKZ_DISK);
    }

    @Test
    void failedCleanUpNeedsAttention() throws Exception {
        for (RollbackStep step : RollbackStep.values()) {
            f = new EngineFixture(dir.resolve(step.name()), false);
            f.host.model().faults("mykz").targetFailsAtPercent(20.0).rollbackFailsAt(step);
            MoveResult r = move("mykz", MoveEngineTest.LUN_20G);
            assertThat(r.zoneadmOutcome()).as(step.name()).isEqualTo(MoveOutcome.ROLLBACK_FAILED);
            assertThat(r.outcome()).as(step.name()).isEqualTo(FinalOutcome.NEEDS_ATTENTION);
            assertThat(r.attention()).contains("clean-up failed");
            f.close();
            f = null;
        }
    }

    @Test
    void unhealthyTargetRollsBack() throws Exception {
        f = new EngineFixture(dir, false);
        assertRolledBackTo(move("mykz", "lu:luname.naa.5000CCA0DEADBEEF"), MYKZ_DISK);
    }

    @Test
    void targetCarryingAnotherPoolsLabelFailsWithoutForce() throws Exception {
        f = new EngineFixture(dir, false);
        assertRolledBackTo(move("mykz", "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002"), MYKZ_DISK);
    }

    @Test
    void targetTooSmallRollsBack() throws Exception {
        f = new EngineFixture(dir, false);
        assertRolledBackTo(move("mykz", "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0007"), MYKZ_DISK);
    }

    @Test
    void differingLiveAndPersistentConfigurationsAreRefused() throws Exception {
        f = new EngineFixture(dir, false);
        MoveResult r = move("kzdrift", MoveEngineTest.LUN_20G);
        assertThat(r.zoneadmOutcome()).isEqualTo(MoveOutcome.FAILED);
        assertRolledBackTo(r, "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzdrift/disk0");
    }

    @Test
    void degradedRootPoolIsRefused() throws Exception {
        f = new EngineFixture(dir, false);
        MoveResult r = move("kzsick", MoveEngineTest.LUN_20G);
        assertThat(r.zoneadmOutcome()).isEqualTo(MoveOutcome.FAILED);
        assertRolledBackTo(r, "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzsick/disk0");
    }
}
