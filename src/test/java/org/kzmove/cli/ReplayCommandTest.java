package org.kzmove.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kzmove.solaris.move.MoveTranscriptGenerator;
import org.kzmove.solaris.move.Transcripts;
import org.kzmove.solaris.units.SolarisSize;

class ReplayCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one in-process run printed. */
    private record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(out);
        }
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIo io = new CliIo(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> all = new ArrayList<>();
        all.add("replay");
        all.addAll(List.of(args));
        int status = Main.standard().run(all, io);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(new byte[0], args);
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, Transcripts.text(name));
        return file;
    }

    @Test
    void replaysTheVerboseMirrorMoveAsJson() throws IOException {
        Run run = run("--json", fixture(Transcripts.VERBOSE_MIRROR).toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode j = run.json();
        assertThat(j.get("zone").asText()).isEqualTo("lsm");
        assertThat(j.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(j.get("logFile").asText()).isEqualTo("/var/log/zones/zoneadm.20220718T003054Z.lsm.move");
        assertThat(j.get("forceZpoolAttach").asBoolean()).isTrue();
        JsonNode original = j.get("originalDisks");
        assertThat(original).hasSize(1);
        assertThat(original.get(0).get("name").asText()).isEqualTo("c1d1");
        assertThat(original.get(0).get("uri").asText())
                .isEqualTo("iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003");
        assertThat(original.get(0).get("device").asText()).isEqualTo("/dev/dsk/c0t600144F0DBF8AF1900005FD25E490003d0");
        assertThat(original.get(0).get("bootPriority").isInt()).isTrue();
        assertThat(original.get(0).get("bootPriority").asInt()).isZero();
        JsonNode added = j.get("newDisks");
        assertThat(added).hasSize(2);
        assertThat(added.get(0).get("name").asText()).isEqualTo("c1d2");
        assertThat(added.get(0).get("deviceId").asInt()).isEqualTo(2);
        assertThat(added.get(1).get("name").asText()).isEqualTo("c1d3");
        assertThat(added.get(1).get("deviceId").asInt()).isEqualTo(3);
        assertThat(added.get(1).get("uri").asText())
                .isEqualTo("iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004");
        assertThat(added.get(1).get("device").asText()).isEqualTo("/dev/dsk/c0t600144F0DBF8AF1900005FD25E590004d0");
        assertThat(added.get(1).get("bootPriority").asInt()).isZero();
        assertThat(j.get("phases")).extracting(JsonNode::asText).containsExactly("PRECHECKS", "CONFIGURING",
                "ATTACHING", "RESILVERING", "VERIFYING_ONLINE", "DETACHING", "REMOVING", "SUCCEEDED");
        JsonNode resilver = j.get("resilver");
        assertThat(resilver.get("samples").asLong()).isEqualTo(72);
        assertThat(resilver.get("lastPercent").asDouble()).isEqualTo(94.01);
        assertThat(resilver.get("resilveredBytes").asLong()).isEqualTo(SolarisSize.parse("5.38G").orElseThrow());
        assertThat(resilver.get("lastRateBytesPerSecond").asLong()).isEqualTo(SolarisSize.parse("35.3M").orElseThrow());
        assertThat(resilver.get("lastEtaSeconds").asLong()).isEqualTo(6);
        assertThat(j.get("signal").isNull()).isTrue();
        assertThat(j.get("errors")).isEmpty();
        assertThat(j.get("unrecognizedLines").asLong()).isZero();
    }

    @Test
    void writesExactlyTheContractFieldsInOrder() throws IOException {
        JsonNode j = run("--json", fixture(Transcripts.VERBOSE_MIRROR).toString()).json();
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("zone", "outcome", "logFile", "forceZpoolAttach", "originalDisks",
                "newDisks", "phases", "resilver", "signal", "errors", "unrecognizedLines");
        List<String> disk = new ArrayList<>();
        j.get("newDisks").get(0).fieldNames().forEachRemaining(disk::add);
        assertThat(disk).containsExactly("name", "uri", "device", "bootPriority", "deviceId");
        List<String> original = new ArrayList<>();
        j.get("originalDisks").get(0).fieldNames().forEachRemaining(original::add);
        assertThat(original).containsExactly("name", "uri", "device", "bootPriority");
        List<String> resilver = new ArrayList<>();
        j.get("resilver").fieldNames().forEachRemaining(resilver::add);
        assertThat(resilver).containsExactly("samples", "lastPercent", "resilveredBytes", "lastRateBytesPerSecond",
                "lastEtaSeconds");
    }

    @Test
    void replaysTheInterruptedMoveAsRolledBack() throws IOException {
        Run run = run("--json", fixture(Transcripts.SIGINT_ROLLBACK).toString());

        assertThat(run.status()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("zone").asText()).isEqualTo("mykz");
        assertThat(j.get("outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(j.get("signal").asText()).isEqualTo("SIGINT");
        assertThat(j.get("logFile").isNull()).isTrue();
        assertThat(j.get("phases")).extracting(JsonNode::asText)
                .containsExactly("ATTACHING", "RESILVERING", "ROLLING_BACK", "ROLLED_BACK");
        assertThat(j.get("resilver").get("samples").asLong()).isEqualTo(10);
        assertThat(j.get("errors")).extracting(JsonNode::asText).contains("zoneadm: zone 'mykz': move failed.");
        assertThat(j.get("unrecognizedLines").asLong()).isEqualTo(2);
    }

    @Test
    void replaysTheDefaultOutput() throws IOException {
        JsonNode j = run("--json", fixture(Transcripts.DEFAULT).toString()).json();
        assertThat(j.get("zone").asText()).isEqualTo("lsm");
        assertThat(j.get("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(j.get("logFile").asText()).isEqualTo("/var/log/zones/zoneadm.20220117T114644Z.lsm.move");
        assertThat(j.get("resilver").isNull()).isTrue();
        assertThat(j.get("forceZpoolAttach").asBoolean()).isFalse();
    }

    @Test
    void replaysAFailedPrecheckAsFailedWithTheReason() throws IOException {
        JsonNode j = run("--json", fixture(Transcripts.INVENTED_PRECHECK_FAILURE).toString()).json();
        assertThat(j.get("zone").asText()).isEqualTo("kz1");
        assertThat(j.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(j.get("errors")).extracting(JsonNode::asText)
                .anyMatch(e -> e.contains("part of another zpool"))
                .contains("zoneadm: zone 'kz1': move failed.");
    }

    @Test
    void readsStandardInputWithTimestampsAndCrlf() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : Transcripts.lines(Transcripts.VERBOSE_MIRROR)) {
            text.append("[2022-07-18T00:30:54.123Z] ").append(line).append("\r\n");
        }
        Run run = run(text.toString().getBytes(StandardCharsets.UTF_8), "--json", "-");
        assertThat(run.status()).isZero();
        assertThat(run.json().get("resilver").get("samples").asLong()).isEqualTo(72);
        assertThat(run.json().get("outcome").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void reportsATruncatedLogAsIncomplete() throws IOException {
        List<String> lines = Transcripts.lines(Transcripts.VERBOSE_MIRROR);
        Path file = dir.resolve("cut.move");
        Files.write(file, lines.subList(0, 80));
        JsonNode j = run("--json", file.toString()).json();
        assertThat(j.get("outcome").asText()).isEqualTo("INCOMPLETE");
        assertThat(j.get("phases")).extracting(JsonNode::asText).endsWith("RESILVERING");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void replaysGeneratedMovesOfOneToFourNewDisks(int news) throws IOException {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < news; i++) {
            uris.add(MoveTranscriptGenerator.iscsiUri("san" + news, i));
        }
        Path file = dir.resolve("zoneadm.20240305T101500Z.z" + news + ".move");
        Files.write(file, MoveTranscriptGenerator.verboseSuccess("z" + news,
                List.of(MoveTranscriptGenerator.iscsiUri("old", 0)), uris, 10, false));
        JsonNode j = run("--json", file.toString()).json();
        assertThat(j.get("zone").asText()).isEqualTo("z" + news);
        assertThat(j.get("newDisks")).hasSize(news);
        assertThat(j.get("newDisks").get(news - 1).get("deviceId").asInt()).isEqualTo(news + 1);
    }

    @Test
    void printsAHumanSummary() throws IOException {
        Run run = run(fixture(Transcripts.VERBOSE_MIRROR).toString());
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("Zone:            lsm")
                .contains("Outcome:         SUCCEEDED")
                .contains("PRECHECKS -> CONFIGURING -> ATTACHING")
                .contains("c1d2  iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002")
                .contains("72 progress lines; last: 5.38G resilvered at 35.3M/s, 94.01% done, 6s to go");
    }

    @Test
    void explainsAnEmptyFileInOneLine() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        Run run = run("--json", empty.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().contains("is empty");
    }

    @Test
    void explainsABinaryFileInOneLine() throws IOException {
        Path binary = dir.resolve("core");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0});
        Run run = run(binary.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err().lines()).singleElement().asString().contains("binary");
    }

    @Test
    void explainsAnUnrelatedFileInOneLine() throws IOException {
        Path unrelated = dir.resolve("notes.txt");
        Files.writeString(unrelated, "shopping list\n  OK\nmilk\n");
        Run run = run("--json", unrelated.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().contains("no zoneadm move output");
    }

    @Test
    void explainsAMissingFileInOneLine() {
        Run run = run(dir.resolve("nope.move").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err().lines()).singleElement().asString().contains("cannot read").contains("no such file");
    }

    @Test
    void explainsADirectoryInOneLine() {
        Run run = run(dir.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ERROR);
        assertThat(run.err().lines()).singleElement().asString().contains("is a directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--yaml", "a b"})
    void refusesBadUsageWithStatusTwo(String args) {
        String[] split = args.isEmpty() ? new String[0] : args.split(" ");
        Run run = run(split);
        assertThat(run.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Usage: kzmove replay");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void isListedInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliIo io = new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(Main.standard().run(List.of("--help"), io)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("replay");
    }
}
