package org.kzmove.migration.engine;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.migration.job.HostJobFiles;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.solaris.move.MovePhase;

/**
 * Attaching to one move follows that move only, and no attach, through whatever address of the host,
 * takes information away from the records of the others.
 */
class AttachOneJobTest {
    static final String OTHER_RUNNING = "20261126T060000Z-kz2-0b0b";
    static final String OTHER_DONE = "20261126T050000Z-kz3-0c0c";

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private JobRecord record(String id, String host, String outcome) {
        String file = HostJobFiles.forUser("kzadmin").outputFile(new JobId(id));
        String zone = id.split("-")[1];
        return new JobRecord(id, host, "kzadmin", zone, List.of(MoveEngineTest.LU_32G), false, "pfexec",
                "pfexec zoneadm -z " + zone + " move -v -p " + MoveEngineTest.LU_32G, file, 99_999L,
                Instant.parse("2026-11-26T05:00:00Z"), outcome == null ? null : Instant.parse("2026-11-26T05:30:00Z"),
                List.of("dev:/dev/zvol/dsk/rpool/" + zone), 0, 1_000_000L, false, 0, "", List.of(), List.of(),
                outcome == null ? null : "SUCCEEDED", outcome, null,
                outcome == null ? null : new JobRecord.Verification(true, List.of(), List.of(MoveEngineTest.LU_32G), "ONLINE"));
    }

    private byte[] fileOf(String id) throws Exception {
        return Files.readAllBytes(f.store.dir().resolve(id + ".json"));
    }

    /** The job file of a move on the host, as zoneadm left it. */
    private void onHost(String id, String text) throws Exception {
        f.session.run(HostJobFiles.forUser("kzadmin").prepareDirectory(), Duration.ofSeconds(30));
        f.host.server().files().write(HostJobFiles.forUser("kzadmin").outputFile(new JobId(id)), text.getBytes(UTF_8));
    }

    @Test
    void attachingToOneJobFollowsItAloneAndLeavesTheOtherRecordsAsTheyWere() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob mine = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(mine, p -> p == MovePhase.RESILVERING);
        f.store.save(record(OTHER_RUNNING, f.engine.hostKey(), null));
        f.store.save(record(OTHER_DONE, "localhost:" + f.host.port(), "SUCCEEDED"));
        onHost(OTHER_DONE, "Live storage migration succeeded.\n");
        byte[] running = fileOf(OTHER_RUNNING);
        byte[] done = fileOf(OTHER_DONE);
        f.engine.close();
        f.session.close();

        MoveEngine restarted = f.newEngine();
        Optional<MoveJob> job = restarted.reattach(mine.id(), MoveListener.NONE);

        assertThat(job).isPresent();
        assertThat(restarted.active()).extracting(MoveJob::id).containsExactly(mine.id());
        MoveResult r = f.driveToEnd(job.get());
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(f.store.load(mine.id()).orElseThrow().targets()).containsExactly(MoveEngineTest.LUN_20G);
        assertThat(fileOf(OTHER_RUNNING)).isEqualTo(running);
        assertThat(fileOf(OTHER_DONE)).isEqualTo(done);
        assertThat(restarted.reattach(new JobId(OTHER_DONE), MoveListener.NONE)).isEmpty();
        assertThat(restarted.reattach(mine.id(), MoveListener.NONE)).isEmpty();
        assertThat(restarted.reattach(new JobId("20261126T040000Z-nokz-0d0d"), MoveListener.NONE)).isEmpty();
    }

    @Test
    void aFinishedJobRecordedThroughAnotherAddressIsNotFollowedAgainFromItsJobFile() throws Exception {
        f = new EngineFixture(dir, true);
        f.store.save(record(OTHER_DONE, "localhost:" + f.host.port(), "SUCCEEDED"));
        onHost(OTHER_DONE, "Live storage migration succeeded.\n");
        byte[] done = fileOf(OTHER_DONE);

        assertThat(f.engine.reattach(MoveListener.NONE)).isEmpty();
        assertThat(fileOf(OTHER_DONE)).isEqualTo(done);
    }
}
