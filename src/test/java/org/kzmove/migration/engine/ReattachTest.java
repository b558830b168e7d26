package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.sim.process.Signal;
import org.kzmove.solaris.move.MovePhase;

/**
 * The outcome of a move is never lost: a dropped connection, a console that went away mid-resilver,
 * a move that ended while nobody watched, a zoneadm killed without an outcome.
 */
class ReattachTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private MoveJob startMidResilver() throws Exception {
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);
        for (int i = 0; i < 10; i++) {
            f.manualClock.advance(Duration.ofSeconds(1));
            f.settle(job);
        }
        return job;
    }

    /** Runs the host's clock while nobody follows, for {@code seconds} simulated seconds or until zoneadm ends. */
    private void runUnwatched(MoveJob job, int pid, int seconds) throws Exception {
        for (int i = 0; i < seconds && f.host.server().processes().find(pid).isPresent(); i++) {
            f.manualClock.awaitSleepers(1, Duration.ofSeconds(5));
            f.tick(() -> f.fileLength(job), () -> f.host.server().processes().find(pid).isEmpty());
        }
    }

    @Test
    void connectionCutMidResilverIsFollowedToTheTrueOutcome() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob job = startMidResilver();
        f.host.server().dropAllConnections();
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).isTrue();
        assertThat(job.output()).isEqualTo(f.file(job));
        assertThat(f.store.load(job.id()).orElseThrow().rawOutput()).isEqualTo(f.file(job));
    }

    @Test
    void consoleKilledMidResilverIsReattachedByANewEngineAndGetsTheTrueOutcome() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob first = startMidResilver();
        int pid = f.store.load(first.id()).orElseThrow().pid().intValue();
        // The console dies: no cancel, its connection goes with it.
        f.engine.close();
        f.session.close();
        runUnwatched(first, pid, 20);

        MoveEngine restarted = f.newEngine();
        List<MoveJob> jobs = restarted.reattach(MoveListener.NONE);
        assertThat(jobs).extracting(MoveJob::id).containsExactly(first.id());
        MoveResult r = f.driveToEnd(jobs.get(0));

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).isTrue();
        JobRecord saved = f.store.load(first.id()).orElseThrow();
        assertThat(saved.rawOutput()).isEqualTo(f.file(jobs.get(0)));
        assertThat(saved.outcome()).isEqualTo("SUCCEEDED");
        assertThat(restarted.reattach(MoveListener.NONE)).isEmpty();
    }

    @Test
    void moveThatEndedWhileNobodyWatchedGetsItsOutcomeOnReattach() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob first = startMidResilver();
        int pid = f.store.load(first.id()).orElseThrow().pid().intValue();
        f.engine.close();
        f.session.close();
        runUnwatched(first, pid, 100_000);
        assertThat(f.host.server().processes().find(pid)).isEmpty();

        List<MoveJob> jobs = f.newEngine().reattach(MoveListener.NONE);
        MoveResult r = jobs.get(0).result().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(jobs.get(0).output()).isEqualTo(f.file(jobs.get(0)));
    }

    @Test
    void jobKnownOnlyOnTheHostIsFoundAndItsOutcomeRead() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob first = startMidResilver();
        int pid = f.store.load(first.id()).orElseThrow().pid().intValue();
        f.engine.close();
        f.session.close();
        runUnwatched(first, pid, 100_000);
        Files.delete(f.store.dir().resolve(first.id().value() + ".json"));

        List<MoveJob> jobs = f.newEngine().reattach(MoveListener.NONE);
        assertThat(jobs).extracting(MoveJob::id).containsExactly(first.id());
        MoveResult r = jobs.get(0).result().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
    }

    @Test
    void zoneadmKilledWithoutAnOutcomeNeedsAttention() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob job = startMidResilver();
        int pid = f.store.load(job.id()).orElseThrow().pid().intValue();
        f.host.server().processes().find(pid).orElseThrow().deliver(Signal.KILL);
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.NEEDS_ATTENTION);
        assertThat(r.attention()).contains("without printing an outcome");
        assertThat(job.output()).isEqualTo(f.file(job));
    }
}
