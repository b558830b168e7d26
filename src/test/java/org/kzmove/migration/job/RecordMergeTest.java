package org.kzmove.migration.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.job.JobRecord.PhaseTime;
import org.kzmove.migration.job.JobRecord.Verification;

/** A record only ever gains information, whatever order its writers save in. */
class RecordMergeTest {
    static final String ID = "20261126T071500Z-kz1-a1b2";
    static final Instant START = Instant.parse("2026-11-26T07:15:00Z");
    static final Instant END = Instant.parse("2026-11-26T07:45:00Z");

    /** The record of a move started here: everything known from the start, nothing read yet. */
    static JobRecord started() {
        return new JobRecord(ID, "10.0.0.5:22", "kzadmin", "kz1", List.of("iscsi://mystorage/luname.naa.600144F0"),
                false, "pfexec", "pfexec zoneadm -z kz1 move -v -p iscsi://mystorage/luname.naa.600144F0",
                "/var/tmp/kzmove-kzadmin/" + ID + ".out", 4242L, START, null, List.of("dev:/dev/zvol/dsk/rpool/kz1"), 0,
                3_500_000_000L, false, 0, "", List.of(), List.of(), null, null, null, null);
    }

    /** What a follow that began from the job file alone (another address, no record seen) knows. */
    static JobRecord blank(String host) {
        return new JobRecord(ID, host, "kzadmin", "kz1", List.of(), false, "pfexec", null,
                "/var/tmp/kzmove-kzadmin/" + ID + ".out", null, END, null, List.of(), null, 0, false, 0, "",
                List.of(), List.of(), null, null, null, null);
    }

    static JobRecord read(JobRecord r, String raw) {
        return new JobRecord(r.id(), r.host(), r.user(), r.zone(), r.targets(), r.forceZpoolAttach(), r.privilege(),
                r.command(), r.remoteFile(), r.pid(), r.startedAt(), r.endedAt(), r.originalDisks(),
                r.originalBootPriority(), r.allocatedBytes(), r.cancelRequested(), raw.length(), raw,
                raw.isEmpty() ? List.of() : List.of(new PhaseTime("RESILVERING", START)), r.progress(),
                r.zoneadmOutcome(), r.outcome(), r.attention(), r.verification());
    }

    static JobRecord ended(JobRecord r, String outcome, String attention) {
        return new JobRecord(r.id(), r.host(), r.user(), r.zone(), r.targets(), r.forceZpoolAttach(), r.privilege(),
                r.command(), r.remoteFile(), r.pid(), r.startedAt(), END, r.originalDisks(), r.originalBootPriority(),
                r.allocatedBytes(), r.cancelRequested(), r.offset(), r.rawOutput(), r.phases(), r.progress(),
                "SUCCEEDED", outcome, attention, new Verification(attention == null, List.of(), r.targets(), "ONLINE"));
    }

    @Test
    void aBlankRecordFromAnotherAddressNeverEmptiesASucceededOne() {
        JobRecord onDisk = ended(read(started(), "Live storage migration succeeded.\n"), "SUCCEEDED", null);
        JobRecord blank = ended(read(blank("kz-host.example:22"), "Live storage migration succeeded.\n"),
                "NEEDS_ATTENTION", "The zone is not as the move's outcome promises");

        JobRecord merged = RecordMerge.merge(onDisk, blank);

        assertThat(merged).isEqualTo(onDisk);
    }

    @Test
    void anUnfinishedRecordNeverReplacesAFinishedOne() {
        JobRecord onDisk = ended(read(started(), "x\n"), "FAILED_AND_ROLLED_BACK", null);
        JobRecord merged = RecordMerge.merge(onDisk, read(started(), "x\n"));
        assertThat(merged.outcome()).isEqualTo("FAILED_AND_ROLLED_BACK");
        assertThat(merged.endedAt()).isEqualTo(END);
        assertThat(merged.verification()).isEqualTo(onDisk.verification());
        assertThat(merged.zoneadmOutcome()).isEqualTo("SUCCEEDED");
    }

    @ParameterizedTest(name = "{0} on disk, {1} offered: {2} kept")
    @CsvSource(nullValues = "-", textBlock = """
            -,                         NEEDS_ATTENTION,           NEEDS_ATTENTION
            -,                         SUCCEEDED,                 SUCCEEDED
            NEEDS_ATTENTION,           SUCCEEDED,                 SUCCEEDED
            NEEDS_ATTENTION,           CANCELLED_AND_ROLLED_BACK, CANCELLED_AND_ROLLED_BACK
            SUCCEEDED,                 NEEDS_ATTENTION,           SUCCEEDED
            SUCCEEDED,                 -,                         SUCCEEDED
            NEEDS_ATTENTION,           -,                         NEEDS_ATTENTION
            SUCCEEDED,                 FAILED_AND_ROLLED_BACK,    SUCCEEDED
            FAILED_AND_ROLLED_BACK,    SUCCEEDED,                 FAILED_AND_ROLLED_BACK
            """)
    void anOutcomeIsReplacedOnlyByAMoreCertainOne(String onDisk, String offered, String kept) {
        JobRecord disk = onDisk == null ? started() : ended(started(), onDisk, null);
        JobRecord in = offered == null ? started() : ended(started(), offered, "offered");
        assertThat(RecordMerge.merge(disk, in).outcome()).isEqualTo(kept);
        JobRecord winner = kept.equals(onDisk) ? disk : in;
        assertThat(RecordMerge.merge(disk, in).attention()).isEqualTo(winner.attention());
    }

    @Test
    void whatWasKnownAtTheStartIsNeverReplacedByNothing() {
        JobRecord merged = RecordMerge.merge(started(), blank("10.0.0.5:22"));
        JobRecord s = started();
        assertThat(merged.targets()).isEqualTo(s.targets());
        assertThat(merged.originalDisks()).isEqualTo(s.originalDisks());
        assertThat(merged.command()).isEqualTo(s.command());
        assertThat(merged.pid()).isEqualTo(4242L);
        assertThat(merged.startedAt()).isEqualTo(START);
        assertThat(merged.originalBootPriority()).isZero();
        assertThat(merged.allocatedBytes()).isEqualTo(3_500_000_000L);
    }

    @Test
    void whatIsMissingOnDiskIsFilledInFromTheOfferedRecord() {
        JobRecord merged = RecordMerge.merge(blank("10.0.0.5:22"), started());
        assertThat(merged.targets()).isEqualTo(started().targets());
        assertThat(merged.pid()).isEqualTo(4242L);
        assertThat(merged.command()).isEqualTo(started().command());
    }

    @Test
    void theOutputReadNeverShrinks() {
        JobRecord further = read(started(), "line 1\nline 2\n");
        JobRecord behind = read(started(), "line 1\n");

        assertThat(RecordMerge.merge(further, behind).offset()).isEqualTo(further.offset());
        assertThat(RecordMerge.merge(further, behind).rawOutput()).isEqualTo("line 1\nline 2\n");
        assertThat(RecordMerge.merge(further, behind).phases()).hasSize(1);
        assertThat(RecordMerge.merge(behind, further).rawOutput()).isEqualTo("line 1\nline 2\n");
        assertThat(RecordMerge.merge(further, started()).rawOutput()).isEqualTo("line 1\nline 2\n");
    }

    @Test
    void aCancelOnceAskedForStaysAskedFor() {
        JobRecord s = started();
        JobRecord cancelled = new JobRecord(s.id(), s.host(), s.user(), s.zone(), s.targets(), true, s.privilege(),
                s.command(), s.remoteFile(), s.pid(), s.startedAt(), null, s.originalDisks(), s.originalBootPriority(),
                s.allocatedBytes(), true, 0, "", List.of(), List.of(), null, null, null, null);
        assertThat(RecordMerge.merge(cancelled, s).cancelRequested()).isTrue();
        assertThat(RecordMerge.merge(cancelled, s).forceZpoolAttach()).isTrue();
    }

    @Test
    void theOutcomeNamesAreThoseOfFinalOutcome() {
        List<String> names = Arrays.stream(FinalOutcome.values()).map(Enum::name).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(RecordMerge.DEFINITE.stream(), java.util.stream.Stream.of(RecordMerge.NEEDS_ATTENTION)).toList());
    }
}
