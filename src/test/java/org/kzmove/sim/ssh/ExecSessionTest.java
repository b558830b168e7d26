package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.ssh.SimHostFixture.Collector;
import org.kzmove.sim.ssh.SimHostFixture.Result;

/**
 * {@code exec} in an exec session over real SSH, as kzmove's engine starts a move: the channel's
 * EOF comes as soon as no process holds its stdout and stderr, the exit-status only when the
 * exec'd program ends, and a channel closed or dropped meanwhile neither kills nor signals it.
 */
class ExecSessionTest {
    private static final String START = "mkdir -p /var/tmp/kzmove/jobs; echo $$; "
            + "exec nohup pfexec waiter -z kz1 move > /var/tmp/kzmove/jobs/J1.out 2>&1 < /dev/null";

    @TempDir
    Path dir;
    SimHostFixture host;

    @BeforeEach
    void start() throws Exception {
        host = new SimHostFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private Collector errors;

    /** Reads stdout and stderr to their EOF (bounded: a missing EOF fails instead of hanging); returns stdout. */
    private String readToEof(Session.Command cmd) {
        Collector out = new Collector(cmd.getInputStream());
        errors = new Collector(cmd.getErrorStream());
        Await.until("EOF on stdout and stderr", () -> out.ended() && errors.ended());
        return out.text();
    }

    @Test
    void execRedirectedAwayGivesEofAtOnceAndTheExitStatusWhenTheProgramEnds() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec(START);
            String out = readToEof(cmd);
            String err = errors.text();
            int pid = Integer.parseInt(out.trim());
            assertThat(out).isEqualTo(pid + "\n");
            assertThat(err).isEmpty();
            // EOF on both streams, yet the channel is open and no exit-status has come
            assertThat(cmd.isOpen()).isTrue();
            assertThat(cmd.getExitStatus()).isNull();
            Await.until("waiter running", () -> host.sawEvent("waiter started " + pid));

            Result ps = SimHostFixture.exec(ssh, "ps -o pid,args -p " + pid);
            assertThat(ps.out()).isEqualTo("  PID COMMAND\n " + pid + " waiter -z kz1 move\n");
            Result kill = SimHostFixture.exec(ssh, "pfexec kill -INT " + pid);
            assertThat(kill.status()).isZero();

            cmd.join(15, TimeUnit.SECONDS);
            assertThat(cmd.getExitStatus()).isEqualTo(3);
            assertThat(host.sawEvent("waiter got SIGINT")).isTrue();
            assertThat(host.server.files().read("/var/tmp/kzmove/jobs/J1.out").map(String::new))
                    .hasValue("waiter started pid=" + pid + "\nwaiter got SIGINT\n");
        }
    }

    @Test
    void withoutExecTheEofComesWithTheEndOfTheCommand() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("echo $$; waiter");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            assertThat(out.ended()).isFalse();
            String pid = out.text().replaceAll("(?s).*pid=(\\d+).*", "$1");
            assertThat(SimHostFixture.exec(ssh, "kill -TERM " + pid).status()).isZero();
            cmd.join(15, TimeUnit.SECONDS);
            out.join();
            assertThat(out.ended()).isTrue();
            assertThat(cmd.getExitStatus()).isEqualTo(3);
        }
    }

    @Test
    void aClosedChannelOrADroppedConnectionNeitherKillsNorSignalsTheExecdProgram() throws Exception {
        int first;
        try (SSHClient ssh = host.connect("kzadmin")) {
            Session s = ssh.startSession();
            Session.Command cmd = s.exec(START);
            first = Integer.parseInt(readToEof(cmd).trim());
            s.close();
            Await.until("channel closed", () -> !cmd.isOpen());
            // the second one is abandoned: its connection drops with the channel open
            Session.Command abandoned = ssh.startSession().exec(START.replace("J1", "J2"));
            readToEof(abandoned);
        }
        Await.until("connection gone", () -> host.server.connectionCount() == 0);
        Await.until("two waiters running", () -> host.events.stream().filter(e -> e.startsWith("waiter started")).count() == 2);
        assertThat(host.server.processes().list()).extracting(p -> p.args())
                .containsExactly("waiter -z kz1 move", "waiter -z kz1 move");
        assertThat(host.sawEventStartingWith("waiter got")).isFalse();

        for (var p : host.server.processes().list()) {
            assertThat(host.exec("kzadmin", "kill -TERM " + p.pid()).status()).isZero();
        }
        Await.until("both ended", () -> host.server.processes().list().isEmpty());
        assertThat(host.events).filteredOn(e -> e.startsWith("waiter got")).containsExactly(
                "waiter got SIGTERM", "waiter got SIGTERM");
        assertThat(host.server.files().read("/var/tmp/kzmove/jobs/J1.out").map(String::new))
                .hasValue("waiter started pid=" + first + "\nwaiter got SIGTERM\n");
    }

    @Test
    void ctrlCThroughAPtyReachesTheProgramTheLoginShellExecd() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Command cmd = s.exec("echo $$; exec waiter");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            String shellPid = out.text().substring(0, out.text().indexOf('\r'));
            assertThat(out.text()).contains("waiter started pid=" + shellPid + "\r\n");
            cmd.getOutputStream().write(0x03);
            cmd.getOutputStream().flush();
            cmd.join(10, TimeUnit.SECONDS);
            Await.until("SIGINT reported", () -> out.contains("^Cwaiter got SIGINT\r\n"));
            assertThat(cmd.getExitStatus()).isEqualTo(3);
        }
    }

    @Test
    void aBackgroundJobOfAnExecSessionIgnoresKillIntButNotKillTerm() throws Exception {
        int pid = Integer.parseInt(host.exec("kzadmin", "nohup pfexec waiter > /dev/null 2>&1 < /dev/null & echo $!")
                .out().trim());
        Await.until("waiter running", () -> host.sawEvent("waiter started " + pid));
        Result kill = host.exec("kzadmin", "pfexec kill -INT " + pid);
        assertThat(kill.status()).isZero();
        assertThat(kill.err()).isEmpty();
        assertThat(host.server.processes().find(pid)).isPresent();
        assertThat(host.sawEventStartingWith("waiter got")).isFalse();
        assertThat(host.exec("kzadmin", "pfexec kill -TERM " + pid).status()).isZero();
        Await.until("waiter ended", () -> host.server.processes().find(pid).isEmpty());
        assertThat(host.events).contains("waiter got SIGTERM");
    }
}
