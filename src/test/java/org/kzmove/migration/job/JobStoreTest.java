package org.kzmove.migration.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.testsupport.FillingDisk;

/**
 * Damaged records are named in one line and left alone; the others are still read; nothing unreadable is
 * written; a full disk leaves the last whole version of a record and no temporary file.
 */
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

    /** The names in the jobs directory: the records and anything left beside them. */
    private List<String> namesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskLeavesTheLastRecordWholeAndNoHalfWrittenFile() throws Exception {
        FillingDisk disk = new FillingDisk();
        JobStore store = new JobStore(dir, disk);
        JobRecord first = store.save(RecordMergeTest.started());
        String before = Files.readString(dir.resolve(RecordMergeTest.ID + ".json"));
        // Room for part of the next version only: the temporary file gets half of it, then the write fails.
        disk.leaveRoomFor(before.length() / 2);

        Path file = dir.resolve(RecordMergeTest.ID + ".json");
        assertThatThrownBy(() -> store.save(RecordMergeTest.read(first, "Phase: resilvering\n".repeat(50))))
                .isInstanceOf(RecordNotSavedException.class)
                .hasMessage("could not save the record of job " + RecordMergeTest.ID + " in " + file
                        + ": No space left on device");

        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(store.load(new JobId(RecordMergeTest.ID))).contains(first);
        assertThat(namesIn(dir)).containsExactly(RecordMergeTest.ID + ".json");
        disk.free();
        JobRecord later = store.save(RecordMergeTest.read(first, "Phase: resilvering\n".repeat(50)));
        assertThat(store.load(new JobId(RecordMergeTest.ID))).contains(later);
        assertThat(namesIn(dir)).containsExactly(RecordMergeTest.ID + ".json");
    }

    @Test
    void aFullDiskAtTheFirstSaveLeavesNoFileAtAllNotAnEmptyOne() throws Exception {
        FillingDisk disk = new FillingDisk();
        disk.fill();
        JobStore store = new JobStore(dir, disk);

        assertThatThrownBy(() -> store.save(RecordMergeTest.started())).isInstanceOf(RecordNotSavedException.class)
                .hasMessageEndingWith(": No space left on device");

        assertThat(namesIn(dir)).isEmpty();
        assertThat(store.scan().records()).isEmpty();
        assertThat(store.scan().damaged()).isEmpty();
    }

    @Test
    void checkWritableRefusesAFullDiskInOneLineAndLeavesNothingBehind() throws Exception {
        FillingDisk disk = new FillingDisk();
        JobStore store = new JobStore(dir, disk);
        store.checkWritable();
        disk.fill();

        assertThatThrownBy(store::checkWritable).isInstanceOf(RecordNotSavedException.class)
                .hasMessage("cannot save job records in " + dir + ": No space left on device");
        assertThat(namesIn(dir)).isEmpty();
    }

    /**
     * The same on a real full file system, where one can be made: a 64 KiB tmpfs (needs root with
     * CAP_SYS_ADMIN, as in this project's build container). Skipped elsewhere; the tests above, through
     * {@link RecordWriter}, cover the same behaviour everywhere.
     */
    @Test
    void onARealFullFileSystemTheRecordStaysWholeAndTheTemporaryFileIsDeleted() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        String mounted = run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
        Assumptions.assumeTrue(mounted == null, () -> "Skipped: cannot mount a small tmpfs here (" + mounted
                + "); the RecordWriter tests of JobStoreTest cover a full disk without it");
        try {
            JobStore store = new JobStore(small.resolve("jobs"));
            JobRecord first = store.save(RecordMergeTest.started());
            Path file = small.resolve("jobs/" + RecordMergeTest.ID + ".json");
            String before = Files.readString(file);
            Path filler = small.resolve("filler");
            fill(filler);

            assertThatThrownBy(() -> store.save(RecordMergeTest.read(first, "x".repeat(20_000) + "\n")))
                    .isInstanceOf(RecordNotSavedException.class)
                    .hasMessage("could not save the record of job " + RecordMergeTest.ID + " in " + file
                            + ": No space left on device");
            assertThatThrownBy(store::checkWritable).isInstanceOf(RecordNotSavedException.class);

            assertThat(Files.readString(file)).isEqualTo(before);
            assertThat(namesIn(small.resolve("jobs"))).containsExactly(RecordMergeTest.ID + ".json");
            Files.delete(filler);
            store.save(RecordMergeTest.read(first, "x".repeat(20_000) + "\n"));
            assertThat(store.load(new JobId(RecordMergeTest.ID)).orElseThrow().rawOutput()).hasSize(20_001);
        } finally {
            assertThat(run("umount", small.toString())).as("umount " + small).isNull();
        }
    }

    /** Writes {@code filler} until the file system is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1024];
        try (var out = Files.newOutputStream(filler)) {
            for (int i = 0; i < 1024; i++) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full).hasMessage("No space left on device");
            return;
        }
        throw new AssertionError("1 MiB fit into a 64 KiB file system");
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return p.exitValue() == 0 ? null : command[0] + " exited " + p.exitValue() + ": " + said;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
