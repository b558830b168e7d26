package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.remote.RemoteException;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.testsupport.FillingDisk;

/**
 * kzmove's disk fills up while a move runs on the host (issue 10): the move is not affected, its
 * outcome still reaches whoever follows it, the failure is said once, and the outcome is recorded
 * later from the job file on the host. The engine runs over real SSH against the simulated host; only
 * the job store's file writes run out of room ({@link FillingDisk}).
 */
class FullDiskTest {
    @TempDir
    Path dir;
    EngineFixture f;
    final FillingDisk disk = new FillingDisk();

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    static final class Listener implements MoveListener {
        final List<String> notSaved = new CopyOnWriteArrayList<>();
        final List<MoveResult> finished = new CopyOnWriteArrayList<>();

        @Override
        public void onFinished(MoveResult result) {
            finished.add(result);
        }

        @Override
        public void onRecordNotSaved(JobId job, String problem) {
            notSaved.add(problem);
        }
    }

    private List<String> filesIn(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".locks")).sorted().toList();
        }
    }

    /** Starts a move, lets the disk fill mid-resilver and drives the move to its end. */
    private MoveJob moveWhileTheDiskFills(Listener heard) throws Exception {
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), heard);
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);
        disk.fill();
        MoveResult r = f.driveToEnd(job);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        return job;
    }

    @Test
    void aDiskThatFillsMidMoveIsSaidOnceTheOutcomeStillArrivesAndAReattachRecordsIt() throws Exception {
        f = new EngineFixture(dir, true, disk);
        Listener heard = new Listener();
        MoveJob job = moveWhileTheDiskFills(heard);

        Path file = f.store.dir().resolve(job.id().value() + ".json");
        assertThat(heard.notSaved).containsExactly("could not save the record of job " + job.id().value() + " in "
                + file + ": No space left on device");
        assertThat(disk.refused()).as("saves refused: phase changes and the end").isGreaterThan(1);
        assertThat(heard.finished).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED));
        JobRecord stale = f.store.load(job.id()).orElseThrow();
        assertThat(stale.finished()).as("the end was not recorded").isFalse();
        assertThat(filesIn(f.store.dir())).containsExactly(job.id().value() + ".json");

        // The console starts again once there is room: its re-attach reads the outcome from the host.
        disk.free();
        f.engine.close();
        f.session.close();
        Listener again = new Listener();
        List<MoveJob> resumed = f.newEngine().reattach(again);
        assertThat(resumed).extracting(MoveJob::id).containsExactly(job.id());
        MoveResult r = resumed.get(0).result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).isTrue();
        JobRecord recorded = f.store.load(job.id()).orElseThrow();
        assertThat(recorded.outcome()).isEqualTo("SUCCEEDED");
        assertThat(recorded.rawOutput()).isEqualTo(f.file(job));
        assertThat(recorded.targets()).containsExactly(MoveEngineTest.LUN_20G);
        assertThat(again.notSaved).isEmpty();
    }

    @Test
    void recoverRecordsTheOutcomeOfAMoveThatEndedUnrecordedAndLeavesARunningOneAlone() throws Exception {
        f = new EngineFixture(dir, true, disk);
        MoveJob ended = moveWhileTheDiskFills(new Listener());
        disk.free();
        f.engine.close();
        f.session.close();
        MoveEngine later = f.newEngine();
        JobRecord unrecorded = f.store.load(ended.id()).orElseThrow();

        MoveEngine.Recovery r = later.recover(unrecorded, MoveListener.NONE, Duration.ofSeconds(30));

        assertThat(r.state()).isEqualTo(MoveEngine.Recovery.State.ENDED);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(f.store.load(ended.id()).orElseThrow().outcome()).isEqualTo("SUCCEEDED");

        // A move whose zoneadm still runs (the host's clock stands still) is only looked at.
        MoveJob running = later.start(EngineFixture.request("lsm", MoveEngineTest.LU_32G), MoveListener.NONE);
        f.stepUntil(running, p -> p == MovePhase.RESILVERING);
        later.close();
        JobRecord before = f.store.load(running.id()).orElseThrow();
        MoveEngine.Recovery look = f.newEngine().recover(before, MoveListener.NONE, Duration.ofSeconds(30));

        assertThat(look.state()).isEqualTo(MoveEngine.Recovery.State.RUNNING);
        assertThat(f.store.load(running.id()).orElseThrow()).isEqualTo(before);
    }

    @Test
    void aMoveIsNotStartedWhenTheDiskIsAlreadyFull() throws Exception {
        f = new EngineFixture(dir, true, disk);
        disk.fill();

        assertThatThrownBy(() -> f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE))
                .isInstanceOf(RemoteException.class)
                .hasMessage("Not starting the move of zone 'mykz': cannot save job records in " + f.store.dir()
                        + ": No space left on device, and a move needs its record. Nothing was started.")
                .extracting(e -> ((RemoteException) e).reason()).isEqualTo(RemoteException.Reason.LOCAL);

        assertThat(f.host.server().files().read("/var/tmp/kzmove-kzadmin")).isEmpty();
        assertThat(Files.exists(dir.resolve("data/logs/audit.jsonl")) ? Files.readString(dir.resolve("data/logs/audit.jsonl")) : "")
                .doesNotContain("zoneadm");
        assertThat(filesIn(f.store.dir())).isEmpty();
    }
}
