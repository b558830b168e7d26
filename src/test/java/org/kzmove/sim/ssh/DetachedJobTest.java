package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.nio.file.Path;

import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.process.Signal;
import org.kzmove.sim.ssh.SimHostFixture.Result;

/**
 * The console's way of running a move: started detached with nohup and pfexec, followed with
 * {@code tail +OFFSETc FILE} from later sessions, checked with {@code ps}, cancelled with
 * {@code pfexec kill -INT}: the exact command forms, end to end over SSH.
 */
class DetachedJobTest {
    private static final String START = "mkdir -p /var/tmp/kzmove/jobs; "
            + "nohup pfexec zoneadm -z kz1 move -v -p dev:dsk/c0t1d0 > /var/tmp/kzmove/jobs/J1.out 2>&1 < /dev/null & echo $!";

    @TempDir
    Path dir;
    SimHostFixture host;

    @BeforeEach
    void start() throws Exception {
        host = new SimHostFixture(dir);
        host.registry.register("/usr/sbin/zoneadm", DetachedJobTest::fakeMove);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    /**
     * A stand-in for the host model's zoneadm move: progress per simulated second, rollback on
     * SIGINT, which it catches even though a background job of {@code sh -c} starts with SIGINT
     * ignored (zoneadmSigint "catch").
     */
    private static int fakeMove(Invocation inv) {
        inv.catchSignal(Signal.INT);
        if (!inv.credentials().isEffectivelyRoot()) {
            inv.stderr().println("zoneadm: zone 'kz1': move operation failed: permission denied");
            return 1;
        }
        inv.stdout().println("Starting move of kz1 as uid " + inv.credentials().uid() + " euid "
                + inv.credentials().effectiveUid());
        try {
            for (int i = 1; ; i++) {
                inv.clock().sleep(Duration.ofSeconds(1));
                inv.stdout().println("progress " + i);
            }
        } catch (InterruptedException e) {
            Signal s = inv.signals().take().orElse(Signal.INT);
            inv.stdout().println("Rolling back");
            inv.stdout().println("zoneadm: zone kz1: 'move' terminated by signal " + s.sigName() + ".");
            return 1;
        }
    }

    @Test
    void detachedMoveSurvivesDisconnectAndIsFollowedAndCancelledFromLaterSessions() throws Exception {
        Result started = host.exec("kzadmin", START);
        assertThat(started.status()).isZero();
        int pid = Integer.parseInt(started.out().trim());
        // the starting session is closed; the job runs on
        Await.until("session closed", () -> host.server.connectionCount() == 0);
        assertThat(host.server.processes().find(pid)).isPresent();
        for (int i = 1; i <= 2; i++) {
            assertThat(host.clock.awaitSleepers(1, Duration.ofSeconds(10))).isTrue();
            host.clock.advance(Duration.ofSeconds(1));
            String line = "progress " + i;
            Await.until(line, () -> host.server.files().read("/var/tmp/kzmove/jobs/J1.out")
                    .map(b -> new String(b).contains(line)).orElse(false));
        }

        try (SSHClient later = host.connect("kzadmin")) {
            Result all = SimHostFixture.exec(later, "tail +1c /var/tmp/kzmove/jobs/J1.out");
            assertThat(all.out()).isEqualTo("Starting move of kz1 as uid 100 euid 0\nprogress 1\nprogress 2\n");
            int offset = all.out().length() + 1;

            Result ps = SimHostFixture.exec(later, "ps -o pid,args -p " + pid);
            assertThat(ps.out()).isEqualTo("  PID COMMAND\n " + pid + " zoneadm -z kz1 move -v -p dev:dsk/c0t1d0\n");

            Result kill = SimHostFixture.exec(later, "pfexec kill -INT " + pid);
            assertThat(kill.status()).isZero();
            assertThat(kill.err()).isEmpty();
            Await.until("move ended", () -> host.server.processes().find(pid).isEmpty());

            Result rest = SimHostFixture.exec(later, "tail +" + offset + "c /var/tmp/kzmove/jobs/J1.out");
            assertThat(rest.out()).isEqualTo("Rolling back\nzoneadm: zone kz1: 'move' terminated by signal SIGINT.\n");
            assertThat(SimHostFixture.exec(later, "ps -o pid,args -p " + pid).status()).isEqualTo(1);
        }
        assertThat(host.audit.texts()).contains(START, "pfexec kill -INT " + pid);
    }

    @Test
    void plainZoneadmOfTheAdminRunsWithoutPrivilegesAndIsRefusedByTheCommand() throws Exception {
        Result r = host.exec("kzadmin", "zoneadm -z kz1 move -p dev:dsk/c0t1d0");
        assertThat(r.err()).contains("permission denied");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void anotherUserMayNotSignalTheJob() throws Exception {
        int pid = Integer.parseInt(host.exec("kzadmin", START).out().trim());
        Result r = host.exec("operator1", "kill -INT " + pid);
        assertThat(r.err()).isEqualTo("sh: kill: (" + pid + ") - Not owner\n");
        assertThat(r.status()).isEqualTo(1);
        assertThat(host.server.processes().find(pid)).isPresent();
        assertThat(host.exec("root", "kill -TERM " + pid).status()).isZero();
        Await.until("move ended", () -> host.server.processes().find(pid).isEmpty());
        assertThat(new String(host.server.files().read("/var/tmp/kzmove/jobs/J1.out").orElseThrow()))
                .endsWith("terminated by signal SIGTERM.\n");
    }
}
