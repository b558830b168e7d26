package org.kzmove.migration.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.zone.ZoneName;
import org.tinylog.Logger;

/**
 * Job records, one {@code <jobId>.json} per move in the jobs directory. A record is written whole to a
 * temporary file, forced to the device, and renamed over the old one; a write that fails (a full disk)
 * deletes the temporary file. So the file of a record is always a whole version of it, never half
 * written or empty, whether kzmove crashes or the disk fills: the record is what re-attach resumes from.
 * A write that fails is one line ({@link RecordNotSavedException}: the file and the system's reason).
 *
 * <p>A record only ever gains information: {@link #save} merges with what is on disk by the rules of
 * {@link RecordMerge}, writes only what reads back as the same valid record, and never writes over a
 * file it cannot read (a damaged record is left for a person to look at). Reading a damaged record
 * gives a {@link DamagedRecordException} whose message is one line; listing skips it and says so.
 */
public final class JobStore {
    private static final String SUFFIX = ".json";

    /** What {@link #checkWritable} writes: about the size of a move's first record. */
    private static final int PROBE_BYTES = 4096;

    private final Path dir;
    private final RecordWriter writer;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The records of the jobs directory.
     *
     * @param records the readable ones, oldest first
     * @param damaged one line for each file that could not be used (file and reason)
     * @param damagedIds the job ids those files are named for: known, though unreadable
     */
    public record Scan(List<JobRecord> records, List<String> damaged, List<String> damagedIds) {
        public Scan {
            records = List.copyOf(records);
            damaged = List.copyOf(damaged);
            damagedIds = List.copyOf(damagedIds);
        }
    }

    public JobStore(Path dir) {
        this(dir, RecordWriter.NIO);
    }

    /** @param writer how bytes reach a file; {@link RecordWriter#NIO} except in tests of a full disk */
    public JobStore(Path dir, RecordWriter writer) {
        this.dir = dir;
        this.writer = writer;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Writes {@code record}, merged with the record already on disk (see {@link RecordMerge}), and
     * returns what was written. Refuses, writing nothing, a record that is not valid or would not read
     * back as itself, and a record whose file on disk is damaged.
     *
     * @throws RecordNotSavedException the file system would not take it (a full disk): one line, the file
     *                                 and the system's reason; the file on disk is still the previous version
     * @throws DamagedRecordException  the record on disk is damaged; nothing was written over it
     */
    public synchronized JobRecord save(JobRecord record) throws IOException {
        String problem = problemOf(record);
        if (problem != null) {
            throw new IOException("Not writing the record of job '" + InvalidValueException.printable(record.id())
                    + "': " + problem);
        }
        Path target = file(record.id());
        JobRecord merged = Files.exists(target) ? RecordMerge.merge(read(target), record) : record;
        byte[] bytes = json.writeValueAsBytes(merged);
        JobRecord back = json.readValue(bytes, JobRecord.class);
        if (!back.equals(merged) || problemOf(back) != null) {
            throw new IOException("Not writing the record of job '" + record.id() + "': it does not read back as written");
        }
        try {
            writeWhole(target, bytes);
        } catch (IOException e) {
            throw new RecordNotSavedException("could not save the record of job " + record.id() + " in " + target, e);
        }
        return merged;
    }

    /**
     * Writes a probe the size of a move's first record into the jobs directory the way {@link #save}
     * writes, and deletes it: a disk that is already full refuses it, before a move is started whose
     * record could not be kept.
     */
    public synchronized void checkWritable() throws RecordNotSavedException {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".probe-", ".tmp");
            try {
                writer.write(probe, new byte[PROBE_BYTES]);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new RecordNotSavedException("cannot save job records in " + dir, e);
        }
    }

    /**
     * Temporary file, whole write forced to the device, rename over {@code target}, then the directory
     * forced so the rename lasts too. A failure deletes the temporary file: the target is untouched.
     */
    private void writeWhole(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".job-", ".tmp");
        try {
            writer.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        forceDirectory();
    }

    /**
     * fsync of the directory, so that the rename survives a power cut. Linux and macOS allow it; where a
     * directory cannot be opened (Windows) the rename is left to the file system, as every program there does.
     */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            Logger.debug("Cannot force the directory {} to the device: {}", dir, e.getMessage());
        }
    }

    /** The record of {@code id}, empty when there is none; a damaged one is a {@link DamagedRecordException}. */
    public synchronized Optional<JobRecord> load(JobId id) throws IOException {
        Path file = file(id.value());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /** Every readable record, oldest first; a damaged file is logged in one line and skipped, never fatal. */
    public synchronized List<JobRecord> all() throws IOException {
        Scan scan = scan();
        scan.damaged().forEach(line -> Logger.warn("Skipping a damaged job record: {}", line));
        return scan.records();
    }

    /** Every record, the readable ones and one line for each damaged file. */
    public synchronized Scan scan() throws IOException {
        List<JobRecord> out = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        List<String> damagedIds = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Scan(out, damaged, damagedIds);
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            listing.forEach(files::add);
        }
        files.sort(Comparator.naturalOrder());
        for (Path f : files) {
            try {
                out.add(read(f));
            } catch (DamagedRecordException e) {
                damaged.add(e.getMessage());
                String name = f.getFileName().toString();
                damagedIds.add(name.substring(0, name.length() - SUFFIX.length()));
            }
        }
        out.sort(Comparator.comparing(JobRecord::id));
        return new Scan(out, damaged, damagedIds);
    }

    private Path file(String id) {
        return dir.resolve(new JobId(id).value() + SUFFIX);
    }

    /** The record in {@code file}, checked; anything wrong with it is a one-line {@link DamagedRecordException}. */
    private JobRecord read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new DamagedRecordException(file, "is not a regular file", null);
        }
        JobRecord r;
        try {
            r = json.readValue(file.toFile(), JobRecord.class);
        } catch (JsonProcessingException e) {
            throw new DamagedRecordException(file, "is not a readable job record (" + firstLine(e.getOriginalMessage()) + ")", e);
        }
        if (r == null) {
            throw new DamagedRecordException(file, "is not a readable job record (empty)", null);
        }
        String problem = problemOf(r);
        if (problem == null && !file.getFileName().toString().equals(r.id() + SUFFIX)) {
            problem = "holds job '" + r.id() + "', not the job its name says";
        }
        if (problem != null) {
            throw new DamagedRecordException(file, problem, null);
        }
        return r;
    }

    /** What makes {@code r} unusable, or null: the values later turned into remote arguments and exit codes. */
    static String problemOf(JobRecord r) {
        if (!JobId.isValid(r.id())) {
            return "job id '" + InvalidValueException.printable(r.id()) + "' is not a kzmove job id";
        }
        try {
            ZoneName.validate(r.zone());
        } catch (InvalidValueException e) {
            return e.getMessage();
        }
        if (r.host() == null || r.host().isBlank()) {
            return "names no host";
        }
        if (!RecordMerge.isOutcomeName(r.outcome())) {
            return "outcome '" + InvalidValueException.printable(r.outcome()) + "' is not one kzmove records";
        }
        if (r.offset() < 0) {
            return "offset " + r.offset() + " is negative";
        }
        if (r.pid() != null && r.pid() <= 0) {
            return "pid " + r.pid() + " is not a process id";
        }
        return null;
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return InvalidValueException.printable(nl < 0 ? m : m.substring(0, nl));
    }
}
