package org.kzmove.remote.audit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The audit log on a full disk: said once, in one line, not once per remote command, and never a stack trace. */
class JsonLinesAuditLogTest {
    /**
     * {@code /dev/full} fails every write with the system's own ENOSPC, as a full disk does; the CLI's
     * warnings go to stderr, where a move's once-a-second looks would otherwise print a trace each.
     */
    @Test
    void aFullDiskIsOneLineOnStderrHoweverManyCommandsRun() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "Skipped: no /dev/full on this system");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, UTF_8));
            try (JsonLinesAuditLog log = new JsonLinesAuditLog(full)) {
                for (int i = 0; i < 5; i++) {
                    log.record(new AuditEntry(Instant.parse("2026-11-26T07:00:00Z"), "kzhost:22", "kzadmin",
                            "ps -o pid,args -p 4242", 0));
                }
            }
        } finally {
            System.setErr(err);
        }

        assertThat(captured.toString(UTF_8).lines().toList()).singleElement().asString()
                .endsWith("Cannot write the audit log /dev/full: No space left on device; remote commands are not "
                        + "audited until it can be written again");
    }
}
