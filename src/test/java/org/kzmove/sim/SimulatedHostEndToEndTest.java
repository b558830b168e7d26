package org.kzmove.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.E2eHost.Collector;
import org.kzmove.sim.E2eHost.Result;
import org.kzmove.sim.host.Transcripts;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.zone.ZoneListParser;
import org.kzmove.solaris.zone.ZoneListing;

/**
 * The simulated host end to end through sshj (real known_hosts verifier, ssh-keygen key), as
 * kzmove's console reaches a Solaris host: the texts compared with the real transcripts, the
 * state compared through the host's own commands, the output read by kzmove's own parsers.
 */
class SimulatedHostEndToEndTest {
    static final String LUN2 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002";
    static final String LUN4 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004";
    static final String LUN6 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    static final String LU_FREE = "lu:luname.naa.5000CCA0CAFEF00D";
    static final String LSM_DISK = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003";

    @TempDir
    Path dir;
    E2eHost sim;

    @BeforeEach
    void start() throws Exception {
        sim = new E2eHost(dir, E2eHost.testScenario());
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
    }

    @Test
    void zoneListingsHaveTheSolarisFormatsAndKzmoveParsesThemCleanly() throws Exception {
        Result cv = sim.exec("kzadmin", "zoneadm list -cv");
        Result p = sim.exec("kzadmin", "zoneadm list -p");
        Result cp = sim.exec("kzadmin", "zoneadm list -cp");

        assertThat(cv.status()).isZero();
        // the header keeps its trailing spaces, as the real one does
        assertThat(cv.out().lines().findFirst().orElseThrow())
                .isEqualTo("  ID NAME             STATUS      PATH                         BRAND      IP    ");
        assertThat(cv.out()).contains("\n   0 global           running     /                            solaris    shared");
        for (String line : cp.out().lines().toList()) {
            String[] f = line.split("(?<!\\\\):", -1);
            assertThat(f).as(line).hasSize(10); // the 11.2+ layout: nine fields and an empty tenth
            assertThat(f[9]).isEmpty();
            if (f[5].equals("solaris-kz")) {
                assertThat(f[8]).as(line).isEqualTo("solaris-kz"); // as both Oracle fixtures show
            }
        }
        assertThat(cp.out().lines().filter(l -> l.startsWith("-:kzoff:installed:"))).singleElement()
                .satisfies(l -> assertThat(l.split(":")[5]).isEqualTo("solaris-kz"));
        // -p lists only running zones; -cp every configured one
        assertThat(p.out().lines().count()).isLessThan(cp.out().lines().count());
        for (Result r : List.of(cv, p, cp)) {
            ZoneListing listing = ZoneListParser.parse(r.out());
            assertThat(listing.unrecognizedLines()).as(r.out()).isEmpty();
            assertThat(listing.zones()).isNotEmpty();
        }
        assertThat(ZoneListParser.parse(cp.out()).zones()).extracting(z -> z.name().toString())
                .contains("global", "lsm", "mykz", "kzoff", "s11");
    }

    @Test
    void singleDiskMoveByTheAdminWithPfexecReplacesTheDiskEverywhere() throws Exception {
        Result r = sim.execDriven("kzadmin", "pfexec zoneadm -z lsm move -v -p " + LUN6);

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(r.err()).isEmpty();
        MoveReport report = E2eHost.moveReport(r.out());
        assertThat(report.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(report.unrecognizedLines()).isZero();
        assertThat(report.phases()).contains(MovePhase.PRECHECKS, MovePhase.CONFIGURING, MovePhase.ATTACHING,
                MovePhase.RESILVERING, MovePhase.VERIFYING_ONLINE, MovePhase.DETACHING, MovePhase.REMOVING,
                MovePhase.SUCCEEDED);
        String device = "add device\nset storage=" + LUN6 + "\nset bootpri=0\nset id=2\nend\n";
        for (String export : List.of("export", "-r export")) {
            String text = sim.exec("kzadmin", "zonecfg -z lsm " + export).out();
            assertThat(text).as(export).contains(device).doesNotContain(LSM_DISK);
            assertThat(text.split("add device", -1)).as(export).hasSize(2);
        }
        assertThat(sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out())
                .containsPattern("\n\t  c1d2 +ONLINE +0 +0 +0\n").doesNotContain("c1d1");
    }

    @Test
    void mirrorMoveVerboseOutputIsTheRealTranscriptLineForLine() throws Exception {
        Result r = sim.execDriven("kzadmin",
                "pfexec zoneadm -z lsm move -v -x force-zpool-attach -p " + LUN2 + " -p " + LUN4);

        assertThat(r.status()).as(r.all()).isZero();
        assertThat(Transcripts.normalize(r.all()))
                .containsExactlyElementsOf(Transcripts.normalize(Transcripts.real("verbose-mirror.txt")));
        MoveReport report = E2eHost.moveReport(r.out());
        assertThat(report.outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        assertThat(report.unrecognizedLines()).isZero();
        assertThat(report.newDisks()).extracting(MoveReport.NewDisk::uri, MoveReport.NewDisk::deviceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LUN2, 2), org.assertj.core.groups.Tuple.tuple(LUN4, 3));
        String devices = "add device\nset storage=" + LUN2 + "\nset bootpri=0\nset id=2\nend\n"
                + "add device\nset storage=" + LUN4 + "\nset bootpri=0\nset id=3\nend\n";
        for (String export : List.of("export", "-r export")) {
            String text = sim.exec("root", "zonecfg -z lsm " + export).out();
            assertThat(text).as(export).contains(devices).doesNotContain(LSM_DISK);
            assertThat(text.split("add device", -1)).as(export).hasSize(3);
        }
        assertThat(sim.exec("root", "zlogin lsm zpool status").out())
                .contains("\t  mirror-0  ONLINE       0     0     0\n\t    c1d2    ONLINE       0     0     0\n"
                        + "\t    c1d3    ONLINE       0     0     0\n")
                .doesNotContain("c1d1");
    }

    @Test
    void defaultOutputIsTheFiveLinesOfTheRealDefaultTranscript() throws Exception {
        Result r = sim.execDriven("kzadmin", "pfexec zoneadm -z lsm move -p " + LUN6);

        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).hasSize(5);
        assertThat(Transcripts.normalize(r.all()))
                .isEqualTo(Transcripts.normalize(Transcripts.real("default-single-disk.txt")));
        assertThat(E2eHost.moveReport(r.out()).outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
    }

    @Test
    void ctrlCThroughAPtyMidResilverRollsBackToTheOriginalZone() throws Exception {
        String configBefore = sim.exec("kzadmin", "zonecfg -z lsm export").out();
        String liveBefore = sim.exec("kzadmin", "zonecfg -z lsm -r export").out();
        String poolBefore = sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out();

        try (SSHClient ssh = sim.connect("kzadmin"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Command cmd = s.exec("pfexec zoneadm -z lsm move -v -p " + LUN6);
            Collector out = new Collector(cmd.getInputStream());
            sim.driveToProgressLine("lsm", 3, () -> out.count(" resilvered at "));
            OutputStream in = cmd.getOutputStream();
            in.write(0x03);
            in.flush();
            // the ^C travels to the server on its own: time stands still until the move has seen it
            E2eHost.await("signal caught", () -> out.contains("Signal SIGINT caught."));
            sim.driveUntil("end of move", out::ended);
            cmd.join(30, TimeUnit.SECONDS);

            String text = E2eHost.fromPty(out.text());
            assertThat(cmd.getExitStatus()).isEqualTo(1);
            assertThat(text).contains("^CSignal SIGINT caught.\n");
            assertRealRollback(text, "lsm");
        }
        assertThat(sim.exec("kzadmin", "zonecfg -z lsm export").out()).isEqualTo(configBefore);
        assertThat(sim.exec("kzadmin", "zonecfg -z lsm -r export").out()).isEqualTo(liveBefore);
        assertThat(sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out()).isEqualTo(poolBefore);
    }

    @Test
    void signalRequestFromTheNonRootAdminRollsBackTheMove() throws Exception {
        String configBefore = sim.exec("kzadmin", "zonecfg -z lsm export").out();

        try (SSHClient ssh = sim.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("pfexec zoneadm -z lsm move -v -p " + LUN6);
            Collector out = new Collector(cmd.getInputStream());
            Collector err = new Collector(cmd.getErrorStream());
            sim.driveToProgressLine("lsm", 3, () -> out.count(" resilvered at "));
            cmd.signal(Signal.INT);
            E2eHost.await("signal caught", () -> out.contains("Signal SIGINT caught."));
            sim.driveUntil("end of move", () -> out.ended() && err.ended());
            cmd.join(30, TimeUnit.SECONDS);

            assertThat(cmd.getExitStatus()).isEqualTo(1);
            String text = out.text() + err.text();
            assertThat(text).contains("\nSignal SIGINT caught.\n");
            assertRealRollback(text, "lsm");
        }
        assertThat(sim.exec("kzadmin", "zonecfg -z lsm export").out()).isEqualTo(configBefore);
    }

    /** The rollback of the real SIGINT transcript, from the attach on, and kzmove reads it as rolled back. */
    static void assertRealRollback(String text, String zone) {
        assertThat(Transcripts.normalize(Transcripts.from(text, "Attaching new disks.")))
                .containsExactlyElementsOf(Transcripts.normalize(Transcripts.real("sigint-rollback.txt")));
        assertThat(text).contains("Clean-up successful.\n==== Completed:   ====\n")
                .endsWith("zoneadm: zone '" + zone + "': 'move' terminated by signal SIGINT.\n"
                        + "zoneadm: zone '" + zone + "': move failed.\n");
        MoveReport report = E2eHost.moveReport(text);
        assertThat(report.outcome()).isEqualTo(MoveOutcome.ROLLED_BACK);
        assertThat(report.signal()).isEqualTo("SIGINT");
    }

    @Test
    void usersWithoutZoneRightsAreRefusedAndNothingChanges() throws Exception {
        String configBefore = sim.exec("root", "zonecfg -z lsm export").out();

        Result plain = sim.exec("kzadmin", "zoneadm -z lsm move -p " + LUN6);
        Result guestPfexec = sim.exec("guest", "pfexec zoneadm -z lsm move -p " + LUN6);
        Result guestSudo = sim.exec("guest", "sudo -n zoneadm -z lsm move -p " + LUN6);

        assertThat(plain.status()).isEqualTo(1);
        assertThat(plain.err()).isEqualTo("zoneadm: zone 'lsm': insufficient privileges to perform this operation\n");
        assertThat(guestPfexec.status()).isEqualTo(1);
        assertThat(guestPfexec.err()).isEqualTo(plain.err());
        assertThat(guestSudo.status()).isEqualTo(1);
        assertThat(guestSudo.err()).isEqualTo("sudo: a password is required\n");
        for (Result r : List.of(plain, guestPfexec, guestSudo)) {
            assertThat(r.out()).isEmpty();
        }
        assertThat(sim.exec("root", "zonecfg -z lsm export").out()).isEqualTo(configBefore);
        assertThat(sim.host.server().files().list("/var/log/zones")).isEmpty();
    }

    @Test
    void detachedMoveSurvivesTheSessionAndKillIntRollsItBackInItsFile() throws Exception {
        Result started = sim.exec("kzadmin", "mkdir -p /var/tmp/kzmove/jobs; nohup pfexec zoneadm -z lsm move -v -p "
                + LUN6 + " > /var/tmp/kzmove/jobs/j1.out 2>&1 < /dev/null & echo $!");
        assertThat(started.status()).isZero();
        String pid = started.out().trim();
        assertThat(pid).matches("[0-9]+");
        // the starting session is closed; the move goes on
        sim.driveUntil("progress in the job file", () -> jobFile().contains(" resilvered at "));
        String head = sim.exec("kzadmin", "cat /var/tmp/kzmove/jobs/j1.out").out();
        assertThat(head).startsWith("Verbose progress output to terminal enabled.\n==== Starting:  ====\n");

        // a new session follows from the byte after what it has seen, then interrupts
        long seen = head.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        sim.driveUntil("more progress", () -> jobFile().length() > seen + 200);
        String rest = sim.exec("kzadmin", "tail +" + (seen + 1) + "c /var/tmp/kzmove/jobs/j1.out").out();
        assertThat(rest).isNotEmpty();
        assertThat(sim.exec("kzadmin", "pfexec kill -INT " + pid).status()).isZero();
        sim.driveUntil("move ended", sim::noProcesses);

        String file = jobFile();
        assertThat(file).startsWith(head);
        assertThat(file).contains("\nSignal SIGINT caught.\n");
        assertRealRollback(file, "lsm");
    }

    private String jobFile() {
        return sim.host.server().files().read("/var/tmp/kzmove/jobs/j1.out")
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
    }

    @Test
    void sessionCommandsNeverTouchTheRealMachineAndAreAllAudited() throws Exception {
        Path realDir = Path.of("/var/tmp/kzmove-sandbox-probe");
        Path realFile = Path.of("/tmp/kzmove-probe-file");
        assumeThat(Files.exists(realDir) || Files.exists(realFile)).as("probe paths free on this machine").isFalse();
        long etcEntries;
        try (var s = Files.list(Path.of("/etc"))) {
            etcEntries = s.count();
        }
        List<String> lines = List.of("mkdir -p /var/tmp/kzmove-sandbox-probe; echo x > /tmp/kzmove-probe-file",
                "rm -r /etc", "rm -f /tmp/kzmove-probe-file; echo y > /var/tmp/kzmove-sandbox-probe/f",
                "cat /tmp/kzmove-probe-file");

        for (String line : lines) {
            sim.exec("root", line);
        }

        assertThat(realDir).doesNotExist();
        assertThat(realFile).doesNotExist();
        assertThat(Path.of("/etc/passwd")).exists();
        try (var s = Files.list(Path.of("/etc"))) {
            assertThat(s.count()).isEqualTo(etcEntries);
        }
        // inside the simulated host the commands did what they say
        assertThat(sim.host.server().files().exists("/var/tmp/kzmove-sandbox-probe/f")).isTrue();
        assertThat(sim.audit.texts()).containsExactlyElementsOf(lines);
        assertThat(sim.audit.records()).allSatisfy(a -> assertThat(a.user()).isEqualTo("root"));
    }

    @Test
    void twoMovesOfDifferentZonesRunTogetherAndASecondMoveOfTheSameZoneWaitsForTheFirst() throws Exception {
        try (SSHClient ssh = sim.connect("kzadmin"); Session s1 = ssh.startSession(); Session s2 = ssh.startSession()) {
            Session.Command lsm = s1.exec("pfexec zoneadm -z lsm move -p " + LUN6);
            Collector lsmOut = new Collector(lsm.getInputStream());
            Session.Command mykz = s2.exec("pfexec zoneadm -z mykz move -p " + LU_FREE);
            Collector mykzOut = new Collector(mykz.getInputStream());
            sim.driveUntil("both resilvering", 2,
                    () -> lsmOut.contains("Waiting for disks to resilver.") && mykzOut.contains("Waiting for disks to resilver."));

            // zoneadm's per-zone lock blocks (F_SETLKW): a second move of lsm waits without a word.
            Session s3 = ssh.startSession();
            Session.Command again = s3.exec("pfexec zoneadm -z lsm move -p " + LUN6);
            Collector againOut = new Collector(again.getInputStream());
            Collector againErr = new Collector(again.getErrorStream());

            sim.driveUntil("both ended", () -> lsmOut.ended() && mykzOut.ended());
            assertThat(lsmOut.text()).as("the first move was not disturbed").endsWith(
                    "Live storage migration succeeded.\n");
            sim.driveUntil("the second move ended", () -> againOut.ended() && againErr.ended());
            again.join(30, TimeUnit.SECONDS);
            assertThat(again.getExitStatus()).isEqualTo(1);
            assertThat(againOut.text()).contains("ERROR: already used by");
            s3.close();
            lsm.join(30, TimeUnit.SECONDS);
            mykz.join(30, TimeUnit.SECONDS);
            assertThat(lsm.getExitStatus()).isZero();
            assertThat(mykz.getExitStatus()).isZero();
            assertThat(lsmOut.text()).endsWith("Live storage migration succeeded.\n");
            assertThat(mykzOut.text()).endsWith("Live storage migration succeeded.\n");
        }
        assertThat(sim.exec("root", "zonecfg -z lsm export").out()).contains(LUN6).doesNotContain(LUN2);
        assertThat(sim.exec("root", "zonecfg -z mykz export").out()).contains(LU_FREE);
    }
}
