package org.kzmove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;

/** What the CLI prints at the end of a move that failed: zoneadm's own reasons, not just "failed". */
class ProgressPrinterTest {
    static MoveReport failedReport() throws IOException {
        MoveTranscript t = new MoveTranscript();
        Files.readString(Path.of("src/test/resources/transcripts/invented-precheck-failure.txt")).lines().forEach(t::accept);
        return t.finish();
    }

    static MoveResult failed() throws IOException {
        return new MoveResult(new JobId("20261126T090000Z-lsm-abcd"), FinalOutcome.FAILED_AND_ROLLED_BACK, MoveOutcome.FAILED,
                new JobRecord.Verification(true, List.of(), List.of("dev:/x"), "ONLINE"), null, failedReport());
    }

    @Test
    void aFailedMoveSaysWhatZoneadmSaid() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new ProgressPrinter(new PrintStream(buf, true, StandardCharsets.UTF_8), ProgressPrinter.Mode.PLAIN).onFinished(failed());

        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(failedReport().errors()).isNotEmpty();
        assertThat(out).contains("Outcome: failed and rolled back")
                .contains("zoneadm said: " + failedReport().errors().get(0));
    }

    @Test
    void jsonProgressEventsCarryTheTimeKzmoveSawThemAndItsEstimate() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        java.time.Instant seen = java.time.Instant.parse("2026-11-26T09:00:02.500Z");
        ProgressPrinter p = new ProgressPrinter(new PrintStream(buf, true, StandardCharsets.UTF_8), ProgressPrinter.Mode.JSON,
                java.time.Clock.fixed(java.time.Instant.parse("2026-11-26T09:00:05Z"), java.time.ZoneOffset.UTC));
        p.onProgress(new org.kzmove.migration.engine.ProgressSnapshot(seen, org.kzmove.solaris.move.MovePhase.RESILVERING,
                5.58, 455L << 20, 39L << 20, 95L, 140L, 120L, 170L, true, 11.6, 11.5));
        p.onLine("  455M resilvered at 39M/s, 5.58% done, 1m35s to go");

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        var progress = json.readTree(lines.get(0));
        assertThat(progress.path("type").asText()).isEqualTo("progress");
        assertThat(progress.path("at").asText()).isEqualTo("2026-11-26T09:00:02.500Z");
        assertThat(progress.path("etaSeconds").asLong()).isEqualTo(140);
        assertThat(progress.path("etaLowSeconds").asLong()).isEqualTo(120);
        assertThat(progress.path("etaHighSeconds").asLong()).isEqualTo(170);
        assertThat(progress.path("zoneadmEtaSeconds").asLong()).isEqualTo(95);
        assertThat(progress.path("donePercent").asDouble()).isEqualTo(11.6);
        assertThat(json.readTree(lines.get(1)).path("at").asText()).isEqualTo("2026-11-26T09:00:05Z");
    }

    @Test
    void theJsonEventCarriesTheReasons() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new ProgressPrinter(new PrintStream(buf, true, StandardCharsets.UTF_8), ProgressPrinter.Mode.JSON).onFinished(failed());

        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("\"reasons\":[\"");
    }

    @Test
    void aRecordNotSavedIsOneLineOnStderrAndUnderJsonAlsoAnEventOnStdout() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JobId job = new JobId("20261126T090000Z-lsm-abcd");
        new ProgressPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProgressPrinter.Mode.JSON, "kzadmin@kzhost").onRecordNotSaved(job,
                        "could not save the record of job " + job.value() + " in /data/jobs/" + job.value()
                                + ".json: No space left on device");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("kzmove: could not save the record of job "
                + job.value() + " in /data/jobs/" + job.value() + ".json: No space left on device. The move itself is not "
                + "affected; once there is room, 'kzmove attach kzadmin@kzhost " + job.value() + "' (or 'kzmove jobs "
                + "kzadmin@kzhost') reads its outcome from the host and records it." + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"type\":\"record-not-saved\",")
                .contains("\"job\":\"" + job.value() + "\"").contains("No space left on device").hasLineCount(1);
    }
}
