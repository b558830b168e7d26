package org.kzmove.migration.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged records are named in one line and left alone; the others are still read; nothing unreadable is written. */
class JobStoreTest {
    static final String OTHER = "20261126T081500Z-kz2-c3d4";

    @TempDir
    Path dir;

    private JobStore storeWithTwoGoodRecords() throws Exception {
        JobStore store = new JobStore(dir);
        store.save(RecordMergeTest.started());
        JobRecord s = RecordMergeTest.started();
        store.save(new JobRecord(OTHER, s.host(), s.user(), "kz2", s.targets(), false, s.privilege(), s.command(),
                s.remoteFile(), 77L, s.startedAt(), null, s.originalDisks(), 0, 0, false, 0, "", List.of(), List.of(),
                null, null, null, null));
        return store;
    }

    @Test
    void aBlankRecordSavedOverASucceededOneLeavesItWhole() throws Exception {
        JobStore store = new JobStore(dir);
        JobRecord done = RecordMergeTest.ended(RecordMergeTest.read(RecordMergeTest.started(), "ok\n"), "SUCCEEDED", null);
        store.save(done);
        store.save(RecordMergeTest.blank("other-address:22"));

        assertThat(store.load(new JobId(RecordMergeTest.ID))).contains(done);
    }

    @Test
    void aCorruptRecordIsOneLineAndTheOthersAreStillRead() throws Exception {
        JobStore store = storeWithTwoGoodRecords();
        Path bad = dir.resolve("20261126T091500Z-kz3-e5f6.json");
        Files.writeString(bad, "{\"id\": \"20261126T091500Z-kz3-e5f6\", \"zone\": \"kz3\", \"targets\": [");

        JobStore.Scan scan = store.scan();

        assertThat(scan.records()).extracting(JobRecord::id).containsExactly(RecordMergeTest.ID, OTHER);
        assertThat(scan.damaged()).singleElement().satisfies(line -> {
            assertThat(line).startsWith(bad + ": is not a readable job record (").endsWith("; left as it is").doesNotContain("\n");
        });
        assertThat(scan.damagedIds()).containsExactly("20261126T091500Z-kz3-e5f6");
        assertThat(store.all()).hasSize(2);
        assertThatThrownBy(() -> store.load(new JobId("20261126T091500Z-kz3-e5f6")))
                .isInstanceOf(DamagedRecordException.class).hasMessage(scan.damaged().get(0));
    }

    @Test
    void aTamperedZoneNameIsRefusedWithTheFileAndTheReason() throws Exception {
        JobStore store = storeWithTwoGoodRecords();
        Path file = dir.resolve(OTHER + ".json");
        String text = Files.readString(file).replace("\"zone\" : \"kz2\"", "\"zone\" : \"kz2; rm -rf /\"");
        assertThat(text).contains("kz2; rm -rf /");
        Files.writeString(file, text);

        assertThatThrownBy(() -> store.load(new JobId(OTHER))).isInstanceOf(DamagedRecordException.class)
                .hasMessage(file + ": zone name 'kz2; rm -rf /': character ';' at position 4 is not allowed "
                        + "(only letters, digits, '-', '_' and '.'); left as it is");
        assertThat(store.scan().records()).extracting(JobRecord::id).containsExactly(RecordMergeTest.ID);
    }

    @Test
    void aTamperedIdOrARecordUnderAnotherNameIsDamaged() throws Exception {
        JobStore store = storeWithTwoGoodRecords();
        Path file = dir.resolve(OTHER + ".json");
        Files.writeString(file, Files.readString(file).replace(OTHER, "../../etc/passwd"));
        Path renamed = dir.resolve("20261126T101500Z-kz1-0000.json");
        Files.copy(dir.resolve(RecordMergeTest.ID + ".json"), renamed);

        List<String> damaged = store.scan().damaged();

        assertThat(damaged).containsExactly(
                file + ": job id '../../etc/passwd' is not a kzmove job id; left as it is",
                renamed + ": holds job '" + RecordMergeTest.ID + "', not the job its name says; left as it is");
    }

    @Test
    void nothingIsWrittenOverADamagedRecord() throws Exception {
        JobStore store = new JobStore(dir);
        Path file = dir.resolve(RecordMergeTest.ID + ".json");
        Files.writeString(file, "not json at all");

        assertThatThrownBy(() -> store.save(RecordMergeTest.started())).isInstanceOf(DamagedRecordException.class)
                .hasMessageStartingWith(file + ": is not a readable job record (");
        assertThat(Files.readString(file)).isEqualTo("not json at all");
    }

    @Test
    void aRecordThatCouldNotBeReadBackIsNeverWritten() throws Exception {
        JobStore store = new JobStore(dir);
        JobRecord s = RecordMergeTest.started();
        JobRecord badZone = new JobRecord(s.id(), s.host(), s.user(), "kz1\nevil", s.targets(), false, s.privilege(),
                s.command(), s.remoteFile(), s.pid(), s.startedAt(), null, s.originalDisks(), 0, 0, false, 0, "",
                List.of(), List.of(), null, null, null, null);
        JobRecord badOutcome = RecordMergeTest.ended(s, "MAYBE", null);

        assertThatThrownBy(() -> store.save(badZone)).hasMessage("Not writing the record of job '" + s.id()
                + "': zone name 'kz1\\nevil': character '\\n' at position 4 is not allowed (only letters, digits, '-', '_' and '.')");
        assertThatThrownBy(() -> store.save(badOutcome))
                .hasMessage("Not writing the record of job '" + s.id() + "': outcome 'MAYBE' is not one kzmove records");
        assertThat(store.scan().records()).isEmpty();
        store.save(s);
        assertThatThrownBy(() -> store.save(badZone)).isInstanceOf(java.io.IOException.class);
        assertThat(store.load(new JobId(s.id()))).contains(s);
    }
}
