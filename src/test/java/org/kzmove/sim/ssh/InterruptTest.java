package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.ssh.SimHostFixture.Collector;

/**
 * Interrupts as a real Solaris host with OpenSSH 8.4 gives them (solaris-formats.md §8): Ctrl-C
 * through a pty, the SSH signal request (refused for root), SIGHUP when a pty session drops,
 * SIGPIPE at the next write when a session without pty drops.
 */
class InterruptTest {
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

    @Test
    void interactiveShellShowsPromptEditsLinesAndExitsOnCtrlD() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Shell shell = s.startShell();
            Collector out = new Collector(shell.getInputStream());
            OutputStream in = shell.getOutputStream();
            Await.until("prompt", () -> out.contains("kzadmin@kzhost1:~$ "));
            SimHostFixture.type(in, "echo abX\u007fc\r");
            Await.until("edited line ran", () -> out.contains("abc\r\n"));
            assertThat(out.text()).contains("echo abX\b \bc\r\n");
            Await.until("second prompt", () -> out.count("kzadmin@kzhost1:~$ ") == 2);
            SimHostFixture.type(in, "half typed\u0003");
            Await.until("^C and a new prompt", () -> out.contains("half typed^C\r\n") && out.count("$ ") == 3);
            SimHostFixture.type(in, "cd /var/tmp\r");
            Await.until("prompt shows directory", () -> out.contains("kzadmin@kzhost1:/var/tmp$ "));
            SimHostFixture.type(in, "\u0004");
            shell.join(10, TimeUnit.SECONDS);
            assertThat(((net.schmizz.sshj.connection.channel.direct.SessionChannel) shell).getExitStatus()).isZero();
        }
        assertThat(host.audit.texts()).containsExactly("echo abc", "cd /var/tmp");
    }

    @Test
    void rootPromptEndsWithHash() throws Exception {
        try (SSHClient ssh = host.connect("root"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Shell shell = s.startShell();
            Collector out = new Collector(shell.getInputStream());
            Await.until("prompt", () -> out.contains("root@kzhost1:~# "));
            SimHostFixture.type(shell.getOutputStream(), "exit 7\r");
            shell.join(10, TimeUnit.SECONDS);
            assertThat(((net.schmizz.sshj.connection.channel.direct.SessionChannel) shell).getExitStatus()).isEqualTo(7);
        }
    }

    @Test
    void ctrlCInAPtyShellInterruptsTheForegroundCommandWithSigint() throws Exception {
        try (SSHClient ssh = host.connect("root"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Shell shell = s.startShell();
            Collector out = new Collector(shell.getInputStream());
            OutputStream in = shell.getOutputStream();
            Await.until("prompt", () -> out.contains("root@kzhost1:~# "));
            SimHostFixture.type(in, "waiter; echo status=$?\r");
            Await.until("waiter running", () -> host.sawEventStartingWith("waiter started"));
            in.write(0x03);
            in.flush();
            Await.until("SIGINT reported", () -> out.contains("waiter got SIGINT\r\n"));
            assertThat(host.sawEvent("waiter got SIGINT")).isTrue();
            String text = out.text();
            assertThat(text).contains("^Cwaiter got SIGINT\r\n");
            Await.until("status and new prompt", () -> out.contains("status=3\r\n") && out.count("# ") >= 2);
        }
    }

    @Test
    void ctrlCInAnExecWithPtyInterruptsTheCommand() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Command cmd = s.exec("waiter");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            cmd.getOutputStream().write(0x03);
            cmd.getOutputStream().flush();
            cmd.join(10, TimeUnit.SECONDS);
            Await.until("all output", () -> out.contains("waiter got SIGINT\r\n"));
            assertThat(out.text()).contains("^Cwaiter got SIGINT\r\n");
            assertThat(cmd.getExitStatus()).isEqualTo(3);
        }
    }

    @Test
    void signalRequestInterruptsTheCommandOfANonRootLogin() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("pfexec waiter");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            cmd.signal(Signal.INT);
            cmd.join(10, TimeUnit.SECONDS);
            Await.until("SIGINT reported", () -> out.contains("waiter got SIGINT\n"));
            assertThat(cmd.getExitStatus()).isEqualTo(3);
        }
    }

    @Test
    void signalRequestIsRefusedForRootLogins() throws Exception {
        try (SSHClient ssh = host.connect("root"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("waiter");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            int pid = Integer.parseInt(out.text().trim().replaceAll(".*pid=", ""));
            cmd.signal(Signal.INT);
            // requests on one connection are handled in order: once this exec has run, the signal was seen
            SimHostFixture.Result ps = SimHostFixture.exec(ssh, "ps -o pid= -p " + pid);
            assertThat(ps.status()).isZero();
            assertThat(host.sawEventStartingWith("waiter got")).isFalse();
            assertThat(SimHostFixture.exec(ssh, "kill -INT " + pid).status()).isZero();
            cmd.join(10, TimeUnit.SECONDS);
            assertThat(cmd.getExitStatus()).isEqualTo(3);
        }
    }

    @Test
    void signalRequestCannotReachACommandStartedWithSudo() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("sudo -n waiter");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            int pid = Integer.parseInt(out.text().trim().replaceAll(".*pid=", ""));
            cmd.signal(Signal.INT);
            assertThat(SimHostFixture.exec(ssh, "ps -o pid= -p " + pid).status()).isZero();
            assertThat(host.sawEventStartingWith("waiter got")).isFalse();
            assertThat(SimHostFixture.exec(ssh, "sudo -n kill -INT " + pid).status()).isZero();
            cmd.join(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingAPtySessionSendsSighupToItsForegroundCommand() throws Exception {
        SSHClient ssh = host.connect("kzadmin");
        Session s = ssh.startSession();
        s.allocateDefaultPTY();
        Session.Shell shell = s.startShell();
        Collector out = new Collector(shell.getInputStream());
        Await.until("prompt", () -> out.contains("$ "));
        SimHostFixture.type(shell.getOutputStream(), "waiter\r");
        Await.until("waiter running", () -> host.sawEventStartingWith("waiter started"));
        ssh.close();
        Await.until("SIGHUP delivered", () -> host.sawEvent("waiter got SIGHUP"));
        Await.until("no process left of the session", () -> host.server.processes().list().isEmpty());
    }

    @Test
    void droppedConnectionsSendSighupToPtySessionsButNotToNohupJobs() throws Exception {
        SSHClient ssh = host.connect("kzadmin");
        Session s = ssh.startSession();
        s.allocateDefaultPTY();
        Session.Shell shell = s.startShell();
        Collector out = new Collector(shell.getInputStream());
        Await.until("prompt", () -> out.contains("$ "));
        SimHostFixture.type(shell.getOutputStream(), "nohup sleep 500 &\r");
        Await.until("nohup message", () -> out.contains("Sending output to nohup.out"));
        SimHostFixture.type(shell.getOutputStream(), "waiter\r");
        Await.until("waiter running", () -> host.sawEventStartingWith("waiter started"));
        host.server.dropAllConnections();
        Await.until("SIGHUP delivered", () -> host.sawEvent("waiter got SIGHUP"));
        Await.until("only the nohup job is left", () -> host.server.processes().list().size() == 1);
        assertThat(host.server.processes().list().get(0).args()).isEqualTo("sleep 500");
        ssh.close();
    }

    @Test
    void withoutPtyADroppedSessionKillsTheCommandAtItsNextWrite() throws Exception {
        SSHClient ssh = host.connect("kzadmin");
        Session s = ssh.startSession();
        Session.Command cmd = s.exec("ticker");
        Collector out = new Collector(cmd.getInputStream());
        Await.until("first tick", () -> out.contains("tick 0\n"));
        ssh.close();
        Await.until("connection gone", () -> host.server.connectionCount() == 0);
        // no signal: the command runs on until it writes
        assertThat(host.server.processes().list()).extracting(p -> p.args()).contains("ticker");
        assertThat(host.clock.awaitSleepers(1, Duration.ofSeconds(10))).isTrue();
        host.clock.advance(Duration.ofSeconds(1));
        Await.until("broken pipe", () -> host.sawEvent("ticker broken pipe"));
        Await.until("ticker gone", () -> host.server.processes().list().isEmpty());
        assertThat(host.events).noneMatch(e -> e.startsWith("ticker got"));
    }

    @Test
    void execWithoutPtyReadsStdinFromTheChannel() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("cat | grep b");
            cmd.getOutputStream().write("a\nb\nc\nbb\n".getBytes());
            cmd.getOutputStream().close();
            String out = IOUtils.readFully(cmd.getInputStream()).toString();
            cmd.join(10, TimeUnit.SECONDS);
            assertThat(out).isEqualTo("b\nbb\n");
        }
    }

    @Test
    void tailFollowPrintsAppendedOutputUntilInterrupted() throws Exception {
        host.server.files().write("/var/tmp/log", "first\n".getBytes());
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            Session.Command cmd = s.exec("tail -f /var/tmp/log");
            Collector out = new Collector(cmd.getInputStream());
            Await.until("existing content", () -> out.contains("first\n"));
            assertThat(host.clock.awaitSleepers(1, Duration.ofSeconds(10))).as("tail sleeps at end of file").isTrue();
            host.server.files().append("/var/tmp/log", "second\n".getBytes());
            host.clock.advance(Duration.ofSeconds(1));
            Await.until("appended content", () -> out.contains("first\nsecond\n"));
            cmd.signal(Signal.INT);
            cmd.join(10, TimeUnit.SECONDS);
            assertThat(cmd.getExitStatus()).isEqualTo(130);
        }
    }

    @Test
    void aNestedShellWaitsForItsJobToHandleCtrlCAndThenGoesOn() throws Exception {
        try (SSHClient ssh = host.connect("kzadmin"); Session s = ssh.startSession()) {
            s.allocateDefaultPTY();
            Session.Shell shell = s.startShell();
            Collector out = new Collector(shell.getInputStream());
            Await.until("prompt", () -> out.contains("$ "));
            SimHostFixture.type(shell.getOutputStream(), "sh -c 'waiter; echo after=$?'\r");
            Await.until("waiter running", () -> host.sawEventStartingWith("waiter started"));
            shell.getOutputStream().write(0x03);
            shell.getOutputStream().flush();
            Await.until("script went on", () -> out.contains("waiter got SIGINT\r\nafter=3\r\n"));
        }
    }

    @Test
    void terminatingABackgroundSubshellEndsItAtOnce() throws Exception {
        String pid = host.exec("kzadmin", "true && sleep 100 & echo $!").out().trim();
        Await.until("sleep started", () -> host.server.processes().list().size() == 2);
        assertThat(host.exec("kzadmin", "kill -TERM " + pid).status()).isZero();
        Await.until("subshell ended", () -> host.server.processes().find(Integer.parseInt(pid)).isEmpty());
        assertThat(host.server.processes().list()).extracting(p -> p.args()).containsExactly("sleep 100");
    }
}
