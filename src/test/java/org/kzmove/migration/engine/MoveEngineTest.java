package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MovePhase;

/** Moves driven by the engine against the simulated host over real SSH, at 5000 simulated seconds per second. */
class MoveEngineTest {
    static final String LUN_20G = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    static final String LU_32G = "lu:luname.naa.5000CCA0CAFEF00D";

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    static final class Recorder implements MoveListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<MoveEvent> events = new CopyOnWriteArrayList<>();
        final List<ProgressSnapshot> progress = new CopyOnWriteArrayList<>();
        final List<MoveResult> finished = new CopyOnWriteArrayList<>();

        @Override
        public void onLine(String line) {
            lines.add(line);
        }

        @Override
        public void onEvent(MoveEvent event) {
            events.add(event);
        }

        @Override
        public void onProgress(ProgressSnapshot snapshot) {
            progress.add(snapshot);
        }

        @Override
        public void onFinished(MoveResult result) {
            finished.add(result);
        }
    }

    @Test
    void singleDiskMoveSucceedsAndIsVerified() throws Exception {
        f = new EngineFixture(dir, false);
        Recorder rec = new Recorder();
        MoveJob job = f.engine.start(EngineFixture.request("mykz", LUN_20G), rec);
        MoveResult r = job.result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.zoneadmOutcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
        assertThat(r.verification().disks()).containsExactly(LUN_20G);
        assertThat(r.verification().poolState()).isEqualTo("ONLINE");
        assertThat(rec.finished).containsExactly(r);
        assertThat(String.join("\n", rec.lines) + "\n").isEqualTo(f.file(job));
        assertThat(rec.events).anyMatch(e -> e instanceof MoveEvent.PhaseEntered p && p.phase() == MovePhase.RESILVERING);
        assertThat(rec.progress).isNotEmpty();
        ProgressSnapshot last = rec.progress.stream().filter(p -> p.phase() == MovePhase.RESILVERING)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(last.rateBytesPerSecond()).isPositive();
        assertThat(last.etaSeconds()).isNotNull();
        assertThat(last.etaLowSeconds()).isLessThanOrEqualTo(last.etaSeconds());
        assertThat(last.etaHighSeconds()).isGreaterThanOrEqualTo(last.etaSeconds());
        assertThat(last.canStillRestoreOriginals()).isTrue();

        JobRecord saved = f.store.load(job.id()).orElseThrow();
        assertThat(saved.outcome()).isEqualTo("SUCCEEDED");
        assertThat(saved.rawOutput()).isEqualTo(f.file(job));
        assertThat(saved.offset()).isEqualTo(f.fileLength(job));
        assertThat(saved.phases()).extracting(JobRecord.PhaseTime::phase).contains("RESILVERING", "SUCCEEDED");
        assertThat(saved.progress()).isNotEmpty();
        assertThat(saved.pid()).isPositive();
        assertThat(saved.originalDisks()).containsExactly("dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk0");
        assertThat(saved.verification().ok()).isTrue();
    }

    @Test
    void mirrorMoveSucceedsWithBothNewDisksOnlineAndTheOriginalBootPriority() throws Exception {
        f = new EngineFixture(dir, false);
        MoveJob job = f.engine.start(EngineFixture.request("kzmirror", LUN_20G, LU_32G), MoveListener.NONE);
        MoveResult r = job.result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
        assertThat(r.verification().disks()).containsExactlyInAnyOrder(LUN_20G, LU_32G);
        assertThat(f.store.load(job.id()).orElseThrow().originalBootPriority()).isEqualTo(1);
    }

    @Test
    void jobIdIsOneSafePathWord() {
        JobId id = JobId.create(java.time.Instant.parse("2026-11-26T07:15:00Z"), "kz1");
        assertThat(id.value()).matches("20261126T071500Z-kz1-[0-9a-f]{4}");
    }
}
