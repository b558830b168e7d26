package org.kzmove.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.E2eHost.Collector;
import org.kzmove.sim.E2eHost.Result;
import org.kzmove.sim.host.ZoneadmSigint;
import org.kzmove.solaris.move.MoveOutcome;

/**
 * The real simulated zoneadm with {@code zoneadmSigint: keep-inherited-ignore}, over SSH: started
 * as a background job of the exec session's {@code sh -c} it inherits SIGINT ignored and keeps
 * it, so {@code kill -INT} cannot cancel it; started with {@code echo $$; exec ...} it runs in the
 * foreground in the shell's own process and SIGINT rolls it back. (The default, {@code catch}, is
 * covered by SimulatedHostEndToEndTest's detached move.)
 */
class SimulatedHostSignalsEndToEndTest {
    static final String LUN6 = SimulatedHostEndToEndTest.LUN6;
    static final String MOVE = "nohup pfexec zoneadm -z lsm move -v -p " + LUN6;

    @TempDir
    Path dir;
    E2eHost sim;

    @BeforeEach
    void start() throws Exception {
        sim = new E2eHost(dir, E2eHost.testScenario());
        sim.host.model().zoneadmSigint(ZoneadmSigint.KEEP_INHERITED_IGNORE);
    }

    @AfterEach
    void stop() throws Exception {
        sim.close();
    }

    private String jobFile(String job) {
        return sim.host.server().files().read("/var/tmp/kzmove/jobs/" + job + ".out")
                .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    @Test
    void aBackgroundMoveKeepsItsInheritedSigintIgnoreAndCompletesDespiteKillInt() throws Exception {
        Result started = sim.exec("kzadmin", "mkdir -p /var/tmp/kzmove/jobs; " + MOVE
                + " > /var/tmp/kzmove/jobs/bg.out 2>&1 < /dev/null & echo $!");
        String pid = started.out().trim();
        sim.driveUntil("progress in the job file", () -> jobFile("bg").contains(" resilvered at "));

        Result kill = sim.exec("kzadmin", "pfexec kill -INT " + pid);
        assertThat(kill.status()).isZero();
        assertThat(kill.err()).isEmpty();
        sim.driveUntil("move ended", sim::noProcesses);

        String file = jobFile("bg");
        assertThat(file).doesNotContain("SIGINT").endsWith("Live storage migration succeeded.\n");
        assertThat(E2eHost.moveReport(file).outcome()).isEqualTo(MoveOutcome.SUCCEEDED);
    }

    @Test
    void aMoveStartedWithExecHasTheShellsPidAndIsRolledBackByKillInt() throws Exception {
        try (SSHClient ssh = sim.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("mkdir -p /var/tmp/kzmove/jobs; echo $$; exec " + MOVE
                    + " > /var/tmp/kzmove/jobs/fg.out 2>&1 < /dev/null");
            Collector out = new Collector(cmd.getInputStream());
            Collector err = new Collector(cmd.getErrorStream());
            E2eHost.await("EOF on stdout and stderr", () -> out.ended() && err.ended());
            String pid = out.text().trim();
            assertThat(pid).matches("[0-9]+");
            assertThat(err.text()).isEmpty();
            assertThat(cmd.isOpen()).isTrue();
            assertThat(cmd.getExitStatus()).isNull();

            assertThat(sim.exec("kzadmin", "ps -o pid,args -p " + pid).out())
                    .isEqualTo("  PID COMMAND\n " + pid + " zoneadm -z lsm move -v -p " + LUN6 + "\n");
            sim.driveUntil("progress in the job file", () -> jobFile("fg").contains(" resilvered at "));
            Result kill = sim.exec("kzadmin", "pfexec kill -INT " + pid);
            assertThat(kill.status()).isZero();
            sim.driveUntil("exit-status of the exec channel", () -> cmd.getExitStatus() != null);
            assertThat(cmd.getExitStatus()).isEqualTo(1);
        }
        String file = jobFile("fg");
        assertThat(file).contains("\nSignal SIGINT caught.\n");
        SimulatedHostEndToEndTest.assertRealRollback(file, "lsm");
    }
}
