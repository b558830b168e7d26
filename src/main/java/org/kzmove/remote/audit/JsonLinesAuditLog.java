package org.kzmove.remote.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tinylog.Level;
import org.tinylog.Logger;
import org.tinylog.core.LogEntry;
import org.tinylog.runtime.PreciseTimestamp;
import org.tinylog.writers.FileWriter;

/**
 * The audit log: one JSON object per line ({@code time, host, user, command, exitStatus}) written by a
 * tinylog {@link FileWriter} of its own. The writer is built here rather than in tinylog.properties because
 * its file lives in the user's data directory, known only at run time, and because tinylog's global
 * configuration is frozen at the first log call; Jackson makes the JSON so quoting is always right.
 */
public final class JsonLinesAuditLog implements RemoteCommandAudit, AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final FileWriter writer;
    private final Path file;
    /** Records not written since the log last failed (guarded by this); 0 while writing works. */
    private int missed;

    public JsonLinesAuditLog(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("file", file.toString());
        properties.put("format", "{message}");
        properties.put("append", "true");
        properties.put("charset", "UTF-8");
        this.writer = new FileWriter(properties);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("time", entry.time().toString());
        node.put("host", entry.host());
        node.put("user", entry.user());
        node.put("command", entry.command());
        if (entry.exitStatus() == null) {
            node.putNull("exitStatus");
        } else {
            node.put("exitStatus", entry.exitStatus());
        }
        String line;
        try {
            line = json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            Logger.error(e, "Cannot encode an audit record");
            return;
        }
        try {
            writer.write(new LogEntry(new PreciseTimestamp(), Thread.currentThread(), Map.of(), null, null, null, -1,
                    "audit", Level.INFO, line, null));
            writer.flush();
        } catch (IOException e) {
            // The audit must not stop a move that is already running. A full disk fails every record, one
            // per remote command (once a second while a move is followed): said once, in one line.
            if (missed++ == 0) {
                Logger.warn("Cannot write the audit log {}: {}; remote commands are not audited until it can be written again",
                        file, e.getMessage());
            }
            return;
        }
        if (missed > 0) {
            Logger.warn("The audit log {} is written again; {} remote command(s) before this one were not recorded", file, missed);
            missed = 0;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
