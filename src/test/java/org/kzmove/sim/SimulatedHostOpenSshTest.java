package org.kzmove.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LSM_DISK;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LUN2;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LUN4;
import static org.kzmove.sim.SimulatedHostEndToEndTest.LUN6;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.E2eHost.Collector;
import org.kzmove.sim.E2eHost.Result;
import org.kzmove.sim.host.Transcripts;
import org.kzmove.solaris.move.MoveOutcome;
import org.kzmove.solaris.zone.ZoneListParser;

/**
 * The simulated host through the system's OpenSSH client with strict host key checking against
 * a known_hosts file and an ssh-keygen key: what an administrator's own ssh sees, byte for byte.
 */
class SimulatedHostOpenSshTest {
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
    void zoneListingsReachOpenSshUnchangedAndParseCleanly() throws Exception {
        Result cv = sim.openSsh("kzadmin", "zoneadm list -cv");
        Result cp = sim.openSsh("kzadmin", "zoneadm list -cp");

        assertThat(cv.status()).isZero();
        assertThat(cv.out()).startsWith("  ID NAME             STATUS      PATH                         BRAND      IP    \n");
        assertThat(cv.out()).isEqualTo(sim.exec("kzadmin", "zoneadm list -cv").out());
        assertThat(cp.out().lines()).allSatisfy(l -> assertThat(l.split("(?<!\\\\):", -1)).hasSize(10));
        assertThat(ZoneListParser.parse(cv.out()).unrecognizedLines()).isEmpty();
        assertThat(ZoneListParser.parse(cp.out()).unrecognizedLines()).isEmpty();
    }

    @Test
    void mirrorMoveThroughOpenSshIsTheRealTranscriptAndChangesTheZone() throws Exception {
        Result r = sim.openSshDriven("kzadmin",
                "pfexec zoneadm -z lsm move -v -x force-zpool-attach -p " + LUN2 + " -p " + LUN4);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Transcripts.normalize(r.all()))
                .containsExactlyElementsOf(Transcripts.normalize(Transcripts.real("verbose-mirror.txt")));
        assertThat(E2eHost.moveReport(r.out()).outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
        Result export = sim.openSsh("kzadmin", "zonecfg -z lsm export");
        assertThat(export.out()).contains("set storage=" + LUN2 + "\nset bootpri=0\nset id=2\n",
                "set storage=" + LUN4 + "\nset bootpri=0\nset id=3\n").doesNotContain(LSM_DISK);
    }

    @Test
    void defaultMoveThroughOpenSshHasTheFiveRealLines() throws Exception {
        Result r = sim.openSshDriven("kzadmin", "pfexec zoneadm -z lsm move -p " + LUN6);

        assertThat(r.status()).isZero();
        assertThat(Transcripts.normalize(r.all()))
                .isEqualTo(Transcripts.normalize(Transcripts.real("default-single-disk.txt")));
    }

    @Test
    void ctrlCThroughSshTtRollsBackWithTheRealTextAndExitStatus1() throws Exception {
        String before = sim.exec("kzadmin", "zonecfg -z lsm export").out();
        String poolBefore = sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out();
        List<String> cmd = sim.sshCommand("kzadmin", "-tt");
        cmd.add("pfexec zoneadm -z lsm move -v -p " + LUN6);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            Collector out = new Collector(p.getInputStream());
            sim.driveToProgressLine("lsm", 3, () -> out.count(" resilvered at "));
            OutputStream in = p.getOutputStream();
            in.write(0x03);
            in.flush();
            E2eHost.await("signal caught", () -> out.contains("Signal SIGINT caught."));
            sim.driveUntil("ssh ended", () -> !p.isAlive());
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            out.join();

            assertThat(p.exitValue()).isEqualTo(1);
            String text = E2eHost.fromPty(out.text());
            assertThat(text).contains("^CSignal SIGINT caught.\n");
            SimulatedHostEndToEndTest.assertRealRollback(text, "lsm");
        } finally {
            p.destroy();
        }
        assertThat(sim.exec("kzadmin", "zonecfg -z lsm export").out()).isEqualTo(before);
        assertThat(sim.exec("kzadmin", "pfexec zlogin lsm zpool status").out()).isEqualTo(poolBefore);
    }

    @Test
    void detachedMoveStartedFromOpenSshIsFollowedAndInterruptedFromLaterSessions() throws Exception {
        Result started = sim.openSsh("kzadmin", "mkdir -p /var/tmp/kzmove/jobs; nohup pfexec zoneadm -z lsm move -v -p "
                + LUN6 + " > /var/tmp/kzmove/jobs/j1.out 2>&1 < /dev/null & echo $!");
        String pid = started.out().trim();
        assertThat(pid).matches("[0-9]+");
        // the log and the job file receive the same lines: driving by the log stops where the file is
        sim.driveToProgressLine("lsm", 2, () -> count(sim.host.server().files().read("/var/tmp/kzmove/jobs/j1.out")
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse(""), " resilvered at "));
        Result head = sim.openSsh("kzadmin", "tail +1c /var/tmp/kzmove/jobs/j1.out");
        assertThat(head.out()).contains(" resilvered at ");

        assertThat(sim.openSsh("kzadmin", "pfexec kill -INT " + pid).status()).isZero();
        sim.driveUntil("move ended", sim::noProcesses);
        Result rest = sim.openSsh("kzadmin", "tail +" + (head.out().length() + 1) + "c /var/tmp/kzmove/jobs/j1.out");

        String whole = head.out() + rest.out();
        assertThat(rest.out()).contains("Signal SIGINT caught.\n");
        SimulatedHostEndToEndTest.assertRealRollback(whole, "lsm");
    }

    private static int count(String text, String s) {
        int n = 0;
        for (int i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void ordinaryUserIsRefusedThroughOpenSsh() throws Exception {
        Result pfexec = sim.openSsh("guest", "pfexec zoneadm -z lsm move -p " + LUN6);
        Result sudo = sim.openSsh("guest", "sudo -n zoneadm -z lsm move -p " + LUN6);

        assertThat(pfexec.status()).isEqualTo(1);
        assertThat(pfexec.err()).isEqualTo("zoneadm: zone 'lsm': insufficient privileges to perform this operation\n");
        assertThat(sudo.status()).isEqualTo(1);
        assertThat(sudo.err()).isEqualTo("sudo: a password is required\n");
    }
}
