package org.kzmove.sim.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.tinylog.Logger;

/**
 * Every command line the simulated host received, kept in memory for tests and optionally
 * appended to a JSON-lines file ({@code --audit FILE}). Tests read the same records in-process, so
 * they can prove what the console asked a host to run (STYLE.md §12).
 */
public final class CommandAudit implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final List<AuditRecord> records = new ArrayList<>();
    private final Writer file;

    /** An audit kept in memory only. */
    public CommandAudit() {
        this.file = null;
    }

    /** An audit also appended to {@code path}, one JSON object per line; the file is created if needed. */
    public CommandAudit(Path path) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public void record(Instant simTime, String user, String session, String channel, String text) {
        AuditRecord r = new AuditRecord(simTime, Instant.now(), user, session, channel, text);
        synchronized (this) {
            records.add(r);
            if (file != null) {
                try {
                    file.write(json.writeValueAsString(r));
                    file.write('\n');
                    // flushed per line: the audit must be complete even if the simulator is killed
                    file.flush();
                } catch (IOException e) {
                    Logger.warn(e, "Cannot write the command audit");
                }
            }
        }
    }

    public synchronized List<AuditRecord> records() {
        return List.copyOf(records);
    }

    public synchronized List<AuditRecord> records(Predicate<AuditRecord> filter) {
        return records.stream().filter(filter).toList();
    }

    /** The text of every recorded line, in arrival order. */
    public synchronized List<String> texts() {
        return records.stream().map(AuditRecord::text).toList();
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
