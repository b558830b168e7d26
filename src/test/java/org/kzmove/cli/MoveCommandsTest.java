package org.kzmove.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.job.JobId;
import org.kzmove.migration.job.JobRecord;
import org.kzmove.migration.job.JobStore;
import org.kzmove.sim.SimulatedHost;
import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.clock.ScaledClock;
import org.kzmove.sim.ssh.AuthorizedKeys;
import org.kzmove.sim.ssh.HostKeys;
import org.kzmove.testsupport.FillingDisk;

/**
 * {@code kzmove move|jobs|attach} in-process against a simulated host over real SSH. Ctrl-C is
 * pressed through a test {@link InterruptSource}; everything waits on the printed output, never on
 * time.
 */
class MoveCommandsTest {
    private static final String FREE_20G = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private SimulatedHost host;
    private final CommandAudit audit = new CommandAudit();
    private Path key;
    private KzmovePaths paths;
    private final PressableInterrupts interrupts = new PressableInterrupts();
    /** kzmove's disk: room without end unless a test fills it. */
    private final FillingDisk disk = new FillingDisk();

    @BeforeEach
    void start() throws Exception {
        key = dir.resolve("id_ed25519");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as("ssh-keygen").isTrue();
        // 20 simulated seconds per second: the 3.5G pool of mykz resilvers in about 5 s, time to press Ctrl-C.
        host = SimulatedHost.start(new SimulatedHost.Options()
                .scenario(Path.of("src/test/resources/scenarios/test-host.json")).port(0).hostKey(HostKeys.generate())
                .clock(new ScaledClock(Instant.parse("2026-01-15T10:00:00Z"), 20))
                .authorizedKeys(AuthorizedKeys.fromFile(Path.of(key + ".pub"))).audit(audit));
        paths = new KzmovePaths(dir.resolve("config"), dir.resolve("data"));
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private Main main() {
        return new Main(List.of(new MoveCommand(() -> paths, interrupts, disk), new JobsCommand(() -> paths, disk),
                new AttachCommand(() -> paths, interrupts, disk)));
    }

    private List<String> connection() {
        return List.of("-i", key.toString(), "--known-hosts", dir.resolve("known_hosts").toString(),
                "--accept-new-host-key", "--privilege", "pfexec");
    }

    private String address() {
        return "kzadmin@127.0.0.1:" + host.port();
    }

    private CompletableFuture<Integer> runAsync(WatchedOutput out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(connection());
        PrintStream ps = new PrintStream(out, true, UTF_8);
        return CompletableFuture.supplyAsync(() -> main().run(all, new CliIo(new ByteArrayInputStream(new byte[0]), ps, ps)));
    }

    @Test
    void moveSucceedsVerifiesAndReportsJsonEventsThenJobsAndAttachKnowIt() throws Exception {
        WatchedOutput out = new WatchedOutput();
        int status = runAsync(out, "move", address(), "mykz", "-p", FREE_20G, "--json").get(60, TimeUnit.SECONDS);
        assertThat(status).as(out.text()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : out.text().split("\n")) {
            if (line.startsWith("{")) {
                events.add(new ObjectMapper().readTree(line));
            }
        }
        assertThat(events).anySatisfy(e -> assertThat(e.path("phase").asText()).isEqualTo("RESILVERING"));
        List<JsonNode> progress = events.stream().filter(e -> e.path("type").asText().equals("progress")).toList();
        assertThat(progress).isNotEmpty();
        // every event says when kzmove saw it; progress events in the order seen, with kzmove's figures
        assertThat(events).allSatisfy(e -> assertThat(java.time.Instant.parse(e.path("at").asText())).isNotNull());
        assertThat(progress.stream().map(e -> java.time.Instant.parse(e.path("at").asText())).toList()).isSorted();
        assertThat(progress).anySatisfy(e -> assertThat(e.path("donePercent").asDouble()).isBetween(0.0, 100.0));
        JsonNode finished = events.get(events.size() - 1);
        assertThat(finished.path("type").asText()).isEqualTo("finished");
        assertThat(finished.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(finished.path("verified").asBoolean()).isTrue();
        String job = finished.path("job").asText();

        WatchedOutput jobs = new WatchedOutput();
        assertThat(runAsync(jobs, "jobs", address()).get(30, TimeUnit.SECONDS)).isZero();
        assertThat(jobs.text()).contains(job).contains("mykz").contains("SUCCEEDED");

        WatchedOutput attach = new WatchedOutput();
        assertThat(runAsync(attach, "attach", address(), job).get(30, TimeUnit.SECONDS)).isZero();
        assertThat(attach.text()).contains("already ended: SUCCEEDED");
    }

    /** {@code kzmove CMD ARGS [connection]} with stdout and stderr apart. */
    private String[] runApart(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(connection());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = main().run(all, new CliIo(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)));
        return new String[] {Integer.toString(status), out.toString(UTF_8), err.toString(UTF_8)};
    }

    /** A record of another move of this host, as an earlier kzmove left it. */
    private JobRecord otherRecord(String id, String outcome) {
        String zone = id.split("-")[1];
        return new JobRecord(id, "127.0.0.1:" + host.port(), "kzadmin", zone, List.of(FREE_20G), false, "pfexec",
                "pfexec zoneadm -z " + zone + " move -v -p " + FREE_20G, "/var/tmp/kzmove-kzadmin/" + id + ".out", 99_999L,
                Instant.parse("2026-01-15T09:00:00Z"), outcome == null ? null : Instant.parse("2026-01-15T09:30:00Z"),
                List.of("dev:/dev/zvol/dsk/rpool/" + zone), 0, 1_000_000L, false, 0, "", List.of(), List.of(),
                outcome == null ? null : "SUCCEEDED", outcome, null,
                outcome == null ? null : new JobRecord.Verification(true, List.of(), List.of(FREE_20G), "ONLINE"));
    }

    @Test
    void attachFollowsOnlyItsJobAndLeavesTheOtherRecordsOfTheHostUntouched() throws Exception {
        WatchedOutput out = new WatchedOutput();
        CompletableFuture<Integer> status = runAsync(out, "move", address(), "mykz", "-p", FREE_20G);
        out.awaitContains("resilvered at", WAIT);
        interrupts.press();
        interrupts.press();
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(MoveCommand.DETACHED);
        String job = out.text().substring(out.text().indexOf("Started job ") + 12).split(" ")[0];
        JobStore store = new JobStore(paths.jobsDir());
        // An unfinished move whose zoneadm is gone without an outcome: following it would end it as NEEDS_ATTENTION.
        store.save(otherRecord("20260115T090000Z-kz2-0b0b", null));
        host.server().files().write("/var/tmp/kzmove-kzadmin/20260115T090000Z-kz2-0b0b.out",
                "Moving storage of zone kz2\n".getBytes(UTF_8));
        store.save(otherRecord("20260115T080000Z-kz3-0c0c", "SUCCEEDED"));
        String running = Files.readString(paths.jobsDir().resolve("20260115T090000Z-kz2-0b0b.json"));
        String done = Files.readString(paths.jobsDir().resolve("20260115T080000Z-kz3-0c0c.json"));

        WatchedOutput attach = new WatchedOutput();
        assertThat(runAsync(attach, "attach", address(), job).get(60, TimeUnit.SECONDS)).as(attach.text()).isEqualTo(3);

        assertThat(attach.text()).contains("Outcome: cancelled and rolled back");
        assertThat(Files.readString(paths.jobsDir().resolve("20260115T090000Z-kz2-0b0b.json"))).isEqualTo(running);
        assertThat(Files.readString(paths.jobsDir().resolve("20260115T080000Z-kz3-0c0c.json"))).isEqualTo(done);
        assertThat(store.load(new JobId(job)).orElseThrow().targets()).containsExactly(FREE_20G);
    }

    @Test
    void jobsNamesACorruptRecordInOneLineListsTheOthersAndLeavesItAlone() throws Exception {
        JobStore store = new JobStore(paths.jobsDir());
        store.save(otherRecord("20260115T080000Z-kz3-0c0c", "SUCCEEDED"));
        Path corrupt = paths.jobsDir().resolve("20260115T090000Z-kz2-0b0b.json");
        Files.writeString(corrupt, "{\"id\": \"20260115T090000Z-kz2-0b0b\", \"outcome\": ");

        String[] jobs = runApart("jobs", address());

        assertThat(jobs[0]).isEqualTo("1");
        assertThat(jobs[1]).contains("20260115T080000Z-kz3-0c0c").contains("SUCCEEDED")
                .doesNotContain("20260115T090000Z-kz2-0b0b");
        assertThat(jobs[2].lines().toList()).singleElement().asString()
                .startsWith("kzmove jobs: skipped a damaged record: " + corrupt + ": is not a readable job record (")
                .endsWith("; left as it is");
        assertThat(Files.readString(corrupt)).isEqualTo("{\"id\": \"20260115T090000Z-kz2-0b0b\", \"outcome\": ");
    }

    @Test
    void attachToARecordWithATamperedZoneNameSaysSoInOneLineAndSendsNothing() throws Exception {
        JobStore store = new JobStore(paths.jobsDir());
        store.save(otherRecord("20260115T090000Z-kz2-0b0b", null));
        Path file = paths.jobsDir().resolve("20260115T090000Z-kz2-0b0b.json");
        String tampered = Files.readString(file).replace("\"zone\" : \"kz2\"", "\"zone\" : \"kz2$(reboot)\"");
        assertThat(tampered).contains("kz2$(reboot)");
        Files.writeString(file, tampered);

        String[] attach = runApart("attach", address(), "20260115T090000Z-kz2-0b0b");

        assertThat(attach[0]).isEqualTo("1");
        assertThat(attach[2]).isEqualTo("kzmove attach: " + file + ": zone name 'kz2$(reboot)': character '$' at "
                + "position 4 is not allowed (only letters, digits, '-', '_' and '.'); left as it is" + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo(tampered);
        assertThat(audit.records()).noneSatisfy(r -> assertThat(r.text()).contains("kz2"));
    }

    /** {@code kzmove CMD ARGS [connection]} in the background, stdout and stderr apart. */
    private CompletableFuture<Integer> runAsync(WatchedOutput out, WatchedOutput err, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(connection());
        return CompletableFuture.supplyAsync(() -> main().run(all, new CliIo(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8))));
    }

    /** A move during which kzmove's disk fills up (mid-resilver); returns its job id. */
    private String moveWhileTheDiskFills(WatchedOutput out, WatchedOutput err) throws Exception {
        CompletableFuture<Integer> status = runAsync(out, err, "move", address(), "mykz", "-p", FREE_20G);
        out.awaitContains("resilvered at", WAIT);
        disk.fill();
        assertThat(status.get(60, TimeUnit.SECONDS)).as(out.text() + err.text()).isZero();
        return out.text().substring(out.text().indexOf("Started job ") + 12).split(" ")[0];
    }

    @Test
    void aDiskThatFillsMidMoveIsOneLineOnStderrTheMoveExitsAsItEndedAndAttachRecordsTheOutcome() throws Exception {
        WatchedOutput out = new WatchedOutput();
        WatchedOutput err = new WatchedOutput();
        String job = moveWhileTheDiskFills(out, err);

        Path record = paths.jobsDir().resolve(job + ".json");
        assertThat(err.text().lines().toList()).singleElement().asString()
                .isEqualTo("kzmove: could not save the record of job " + job + " in " + record + ": No space left on device. "
                        + "The move itself is not affected; once there is room, 'kzmove attach " + address() + " " + job
                        + "' (or 'kzmove jobs " + address() + "') reads its outcome from the host and records it.");
        assertThat(disk.refused()).as("saves refused after the disk filled").isGreaterThan(1);
        assertThat(out.text()).contains("Outcome: succeeded").contains("Verified: yes")
                .doesNotContain("Exception").doesNotContain("\tat ");
        JobStore store = new JobStore(paths.jobsDir());
        assertThat(store.load(new JobId(job)).orElseThrow().finished()).as("the end could not be recorded").isFalse();

        disk.free();
        WatchedOutput attach = new WatchedOutput();
        WatchedOutput attachErr = new WatchedOutput();
        assertThat(runAsync(attach, attachErr, "attach", address(), job).get(60, TimeUnit.SECONDS)).as(attach.text()).isZero();

        assertThat(attach.text()).contains("Outcome: succeeded").contains("Verified: yes; bootable disks now: " + FREE_20G);
        assertThat(attachErr.text()).isEmpty();
        JobRecord recorded = store.load(new JobId(job)).orElseThrow();
        assertThat(recorded.outcome()).isEqualTo("SUCCEEDED");
        assertThat(recorded.targets()).containsExactly(FREE_20G);
        try (var files = Files.list(paths.jobsDir())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(job + ".json", ".locks");
        }
    }

    @Test
    void jobsRecordsTheOutcomeOfAMoveThatEndedWhileTheDiskWasFullOnceThereIsRoom() throws Exception {
        String job = moveWhileTheDiskFills(new WatchedOutput(), new WatchedOutput());

        String[] full = runApart("jobs", address());
        assertThat(full[0]).as(full[2]).isEqualTo("1");
        assertThat(full[1]).contains(job).contains("SUCCEEDED");
        assertThat(full[2].lines().toList()).singleElement().asString()
                .startsWith("kzmove jobs: could not save the record of job " + job + " in ")
                .endsWith(": No space left on device; run 'kzmove jobs " + address() + "' again once there is room.");

        disk.free();
        String[] listed = runApart("jobs", address());

        assertThat(listed[0]).as(listed[2]).isEqualTo("0");
        assertThat(listed[1]).containsPattern(job + " +mykz +SUCCEEDED +" + FREE_20G)
                .contains("Job " + job + " ended on the host while kzmove was not recording it; its outcome was read "
                        + "from there just now.");
        assertThat(listed[2]).isEmpty();
        assertThat(new JobStore(paths.jobsDir()).load(new JobId(job)).orElseThrow().outcome()).isEqualTo("SUCCEEDED");
        String[] again = runApart("jobs", address());
        assertThat(again[1]).contains("SUCCEEDED").doesNotContain("ended on the host while");
    }

    @Test
    void aMoveIsNotStartedWhenKzmovesDiskIsAlreadyFull() throws Exception {
        disk.fill();

        String[] move = runApart("move", address(), "mykz", "-p", FREE_20G);

        assertThat(move[0]).isEqualTo("1");
        assertThat(move[2]).isEqualTo("kzmove move: Not starting the move of zone 'mykz': cannot save job records in "
                + paths.jobsDir() + ": No space left on device, and a move needs its record. Nothing was started."
                + System.lineSeparator());
        assertThat(audit.records()).noneSatisfy(r -> assertThat(r.text()).contains("nohup"));
    }

    @Test
    void ctrlCCancelsTheMoveAndWaitsForTheRollbackToTheOriginalDisk() throws Exception {
        WatchedOutput out = new WatchedOutput();
        CompletableFuture<Integer> status = runAsync(out, "move", address(), "mykz", "-p", FREE_20G);
        out.awaitContains("resilvered at", WAIT);
        interrupts.press();
        assertThat(status.get(60, TimeUnit.SECONDS)).as(out.text()).isEqualTo(3);
        assertThat(out.text()).contains("Signal SIGINT caught.").contains("Clean-up successful.")
                .contains("Outcome: cancelled and rolled back")
                .contains("bootable disks now: dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk0");
    }

    @Test
    void aSecondCtrlCLeavesTheMoveRunningAndAttachFollowsItToItsEnd() throws Exception {
        WatchedOutput out = new WatchedOutput();
        CompletableFuture<Integer> status = runAsync(out, "move", address(), "mykz", "-p", FREE_20G);
        out.awaitContains("resilvered at", WAIT);
        interrupts.press();
        interrupts.press();
        assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(MoveCommand.DETACHED);
        String text = out.text();
        assertThat(text).contains("Stopped following. The move goes on on the host: kzmove attach");
        String job = text.substring(text.indexOf("Started job ") + 12).split(" ")[0];

        WatchedOutput attach = new WatchedOutput();
        assertThat(runAsync(attach, "attach", address(), job).get(60, TimeUnit.SECONDS)).as(attach.text()).isEqualTo(3);
        assertThat(attach.text()).contains("Outcome: cancelled and rolled back");
    }

    /**
     * The console is a separate process killed with SIGKILL mid-resilver (no chance to clean up):
     * the move goes on on the host, and a new kzmove re-attaches and gets its true outcome.
     */
    @Test
    void aKilledKzmoveProcessLosesNothingAttachFollowsTheMoveToItsEnd() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkzmove.config.dir=" + paths.configDir(), "-Dkzmove.data.dir=" + paths.dataDir(),
                "-Dtinylog.configuration=tinylog-test.properties",
                "-cp", System.getProperty("java.class.path"), "org.kzmove.cli.Main",
                "move", address(), "mykz", "-p", FREE_20G));
        cmd.addAll(connection());
        Process kzmove = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        WatchedOutput out = new WatchedOutput();
        Thread pump = new Thread(() -> {
            try {
                kzmove.getInputStream().transferTo(out);
            } catch (java.io.IOException e) {
                // the process was killed: its output ends here
            }
        });
        pump.start();
        out.awaitContains("resilvered at", WAIT);
        kzmove.destroyForcibly();
        assertThat(kzmove.waitFor(30, TimeUnit.SECONDS)).isTrue();
        pump.join(10_000);
        String text = out.text();
        String job = text.substring(text.indexOf("Started job ") + 12).split(" ")[0];
        assertThat(text).doesNotContain("Outcome:");

        WatchedOutput attach = new WatchedOutput();
        assertThat(runAsync(attach, "attach", address(), job).get(60, TimeUnit.SECONDS)).as(attach.text()).isZero();
        assertThat(attach.text()).contains("Outcome: succeeded").contains("Verified: yes; bootable disks now: " + FREE_20G);
    }

    @Test
    void preCheckErrorsStartNothing() throws Exception {
        WatchedOutput out = new WatchedOutput();
        // kzoff is installed, not running: zoneadm move would refuse it.
        int status = runAsync(out, "move", address(), "kzoff", "-p", FREE_20G).get(60, TimeUnit.SECONDS);
        assertThat(status).isEqualTo(ExitCodes.USAGE);
        assertThat(out.text()).contains("ZONE_NOT_RUNNING");
        assertThat(audit.records()).noneSatisfy(r -> assertThat(r.text()).contains(" move "));
    }

    @Test
    void hostileInputIsRefusedBeforeAnythingIsSent() throws Exception {
        WatchedOutput out = new WatchedOutput();
        assertThat(runAsync(out, "move", address(), "mykz;reboot", "-p", FREE_20G).get(30, TimeUnit.SECONDS))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(runAsync(out, "move", address(), "mykz", "-p", "dev:/dev/zvol/dsk/x$(reboot)")
                .get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.USAGE);
        assertThat(runAsync(out, "attach", address(), "../../etc/passwd").get(30, TimeUnit.SECONDS))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(audit.records()).isEmpty();
    }

    /** Ctrl-C pressed by the test. */
    private static final class PressableInterrupts implements InterruptSource {
        private volatile Runnable handler;

        @Override
        public synchronized void install(Runnable h) {
            handler = h;
            notifyAll();
        }

        @Override
        public void restore() {
            handler = null;
        }

        synchronized void press() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (handler == null && System.nanoTime() < deadline) {
                wait(1000);
            }
            handler.run();
        }
    }

    /** Output that a test can wait on: notifies on every write. */
    private static final class WatchedOutput extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            buffer.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            buffer.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return buffer.toString(UTF_8);
        }

        synchronized void awaitContains(String needle, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!text().contains(needle)) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("waiting for '%s' in:%n%s", needle, text()).isPositive();
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
