package org.kzmove.migration.job;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.tinylog.Logger;

/**
 * Job records, one {@code <jobId>.json} per move in the jobs directory. A record is written to a
 * temporary file and moved over the old one, so a crash mid-write leaves the previous version whole:
 * the record is what re-attach resumes from.
 */
public final class JobStore {
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public JobStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public synchronized void save(JobRecord record) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(new JobId(record.id()).value() + SUFFIX);
        Path tmp = Files.createTempFile(dir, ".job-", ".tmp");
        try {
            json.writeValue(tmp.toFile(), record);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public synchronized Optional<JobRecord> load(JobId id) throws IOException {
        Path file = dir.resolve(id.value() + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(file.toFile(), JobRecord.class));
    }

    /** Every readable record, oldest first; an unreadable file is logged and skipped, never fatal. */
    public synchronized List<JobRecord> all() throws IOException {
        List<JobRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    out.add(json.readValue(f.toFile(), JobRecord.class));
                } catch (IOException e) {
                    Logger.warn(e, "Skipping unreadable job record {}", f);
                }
            }
        }
        out.sort(Comparator.comparing(JobRecord::id));
        return out;
    }
}
