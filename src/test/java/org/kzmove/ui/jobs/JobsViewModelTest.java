package org.kzmove.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;

/** The jobs list: starting, refusals, history, counts and the zones' labels, without JavaFX running. */
class JobsViewModelTest {
    static final String ZVOL = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk1";

    final RecordingDialogService dialogs = new RecordingDialogService();
    final SameThreadTaskExecutor executor = SameThreadTaskExecutor.deferred();
    final JobsViewModel jobs = new JobsViewModel(executor, dialogs, UiThread.callerThread(), new TickingClock());
    final FakeMoveHost host = new FakeMoveHost("lab");

    static MoveRequest request(String zone) throws Exception {
        return new MoveRequest(zone, List.of(new MoveTarget(StorageUris.parse(ZVOL), null)), false);
    }

    static JobRecord finished(String id, String zone, String outcome, Instant start) {
        return new JobRecord(id, "kzadmin@h:22", "kzadmin", zone, List.of(ZVOL), false, "pfexec",
                "pfexec zoneadm -z " + zone + " move -v -p " + ZVOL, "/var/tmp/kzmove/jobs/" + id + ".out", 42L, start,
                start.plusSeconds(120), List.of("dev:/old"), 0, 1L << 30, false, 0, "", List.of(), List.of(),
                "SUCCEEDED", outcome, null, new JobRecord.Verification(true, List.of(), List.of(ZVOL), "ONLINE"));
    }

    @Test
    void aMoveTheHostRefusesToStartShowsAnErrorAndLeavesNoRow() throws Exception {
        jobs.start(host, request("web01"));
        assertThat(host.starts).as("started in the background").isZero();
        executor.runPending();

        assertThat(host.starts).isEqualTo(1);
        assertThat(jobs.jobs()).isEmpty();
        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("The move of zone 'web01' on lab did not start");
            assertThat(e.message()).contains("connection refused");
        });
        assertThat(jobs.summaryProperty().get()).isEqualTo("No moves");
        assertThat(jobs.zoneLabels()).isEmpty();
    }

    @Test
    void historyListsTheFinishedMovesWithCountsAndZoneLabels() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        host.history.addAll(List.of(finished("20261122T100000Z-web01-aaaa", "web01", "SUCCEEDED", t.plusSeconds(7200)),
                finished("20261121T100000Z-db01-bbbb", "db01", "FAILED_AND_ROLLED_BACK", t.plusSeconds(3600)),
                finished("20261120T100000Z-web01-cccc", "web01", "CANCELLED_AND_ROLLED_BACK", t)));

        jobs.reattach(host);
        assertThat(jobs.jobs()).as("read in the background").isEmpty();
        executor.runPending();

        assertThat(jobs.jobs()).extracting(j -> j.jobIdProperty().get()).containsExactly("20261122T100000Z-web01-aaaa",
                "20261121T100000Z-db01-bbbb", "20261120T100000Z-web01-cccc");
        assertThat(jobs.jobs()).allMatch(JobViewModel::isReadOnly);
        assertThat(jobs.runningCountProperty().get()).isZero();
        assertThat(jobs.finishedCountProperty().get()).isEqualTo(3);
        assertThat(jobs.failedCountProperty().get()).isEqualTo(1);
        assertThat(jobs.summaryProperty().get()).isEqualTo("0 running · 3 finished (1 failed)");
        assertThat(jobs.zoneLabels()).containsEntry(JobsViewModel.zoneKey("lab", "web01"), "moved")
                .containsEntry(JobsViewModel.zoneKey("lab", "db01"), "move failed").hasSize(2);
        assertThat(jobs.jobs().get(1).outcomeTextProperty().get()).startsWith("Failed and rolled back");
    }

    @Test
    void reattachingTwiceListsEachMoveOnce() {
        host.history.add(finished("20261122T100000Z-web01-aaaa", "web01", "SUCCEEDED", Instant.now()));

        jobs.reattach(host);
        jobs.reattach(host);
        executor.runPending();

        assertThat(jobs.jobs()).hasSize(1);
    }

    @Test
    void aHistoryThatCannotBeReadIsAnError() {
        host.historyFailure = new java.io.IOException("Cannot read /data/jobs: permission denied");

        jobs.reattach(host);
        executor.runPending();

        assertThat(jobs.jobs()).isEmpty();
        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Could not follow the moves of lab");
            assertThat(e.message()).contains("permission denied");
        });
    }

    @Test
    void openingAJobAsksTheViewToShowIt() {
        host.history.add(finished("20261122T100000Z-web01-aaaa", "web01", "SUCCEEDED", Instant.now()));
        jobs.reattach(host);
        executor.runPending();

        jobs.open(jobs.jobs().get(0));

        assertThat(jobs.openedProperty().get()).isSameAs(jobs.jobs().get(0));
    }
}
