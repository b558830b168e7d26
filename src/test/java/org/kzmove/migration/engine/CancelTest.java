package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kzmove.solaris.move.MovePhase;

/**
 * Cancel in every phase zoneadm spends time in, with the host's clock driven by hand so the
 * interrupt lands exactly in the phase under test. (The pre-checks take no simulated time, so
 * there is no moment to cancel them in.)
 */
class CancelTest {
    static final String ORIGINAL_0 = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzmirror/disk0";
    static final String ORIGINAL_1 = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzmirror/disk1";

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = MovePhase.class, names = {"CONFIGURING", "ATTACHING", "RESILVERING", "VERIFYING_ONLINE"})
    void cancelBeforeThePointOfNoReturnRestoresTheOriginalDisks(MovePhase phase) throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob job = f.engine.start(EngineFixture.request("kzmirror", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(job, p -> p == phase);
        assertThat(job.canStillRestoreOriginals()).isTrue();
        assertThat(job.snapshot().canStillRestoreOriginals()).isTrue();

        CancelResult c = job.cancel();
        assertThat(c.status()).isEqualTo(CancelResult.Status.SENT);
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).as(job.output()).isEqualTo(FinalOutcome.CANCELLED_AND_ROLLED_BACK);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
        assertThat(r.verification().disks()).containsExactlyInAnyOrder(ORIGINAL_0, ORIGINAL_1);
        assertThat(r.report().signal()).isEqualTo("SIGINT");
        assertThat(f.audit.file()).content().contains("pfexec kill -INT ");
        assertThat(f.store.load(job.id()).orElseThrow().cancelRequested()).isTrue();
    }

    @Test
    void cancelOfAMoveStartedWithSudoIsSentThroughSudo() throws Exception {
        f = new EngineFixture(dir, true);
        f.engine.close();
        f.session.close();
        f.privilege = org.kzmove.remote.command.Privilege.SUDO;
        f.newEngine();
        MoveJob job = f.engine.start(EngineFixture.request("kzmirror", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);

        assertThat(job.cancel().status()).isEqualTo(CancelResult.Status.SENT);
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.CANCELLED_AND_ROLLED_BACK);
        assertThat(r.verification().disks()).containsExactlyInAnyOrder(ORIGINAL_0, ORIGINAL_1);
        assertThat(f.audit.file()).content().contains("sudo -n kill -INT ", "nohup sudo -n zoneadm -z kzmirror move");
    }

    @Test
    void cancelAfterTheOriginalsAreDetachedWarnsAndTheMoveCompletes() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob job = f.engine.start(EngineFixture.request("kzmirror", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(job, p -> p == MovePhase.DETACHING);
        assertThat(job.canStillRestoreOriginals()).isFalse();

        CancelResult c = job.cancel();
        assertThat(c.status()).isEqualTo(CancelResult.Status.TOO_LATE);
        assertThat(c.message()).contains("can no longer be restored");
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().disks()).containsExactly(MoveEngineTest.LUN_20G);
        assertThat(f.audit.file()).content().doesNotContain("kill -INT");
    }
}
