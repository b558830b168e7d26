package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.ssh.SimHostFixture.Result;

/** Exec requests over real SSH (sshj) on 127.0.0.1: the sh subset and the tools. */
class SimServerExecTest {
    @TempDir
    Path dir;
    SimHostFixture host;
    SSHClient root;

    @BeforeEach
    void start() throws Exception {
        host = new SimHostFixture(dir);
        root = host.connect("root");
    }

    @AfterEach
    void stop() throws Exception {
        root.close();
        host.close();
    }

    private Result run(String command) throws Exception {
        return SimHostFixture.exec(root, command);
    }

    @Test
    void echoWithQuotesVariablesAndStatus() throws Exception {
        Result r = run("X='a  b'; echo \"$X\" $X 'single $X' \\$X; false; echo \"status=$?\"");
        assertThat(r.out()).isEqualTo("a  b a b single $X $X\nstatus=1\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void andOrListsShortCircuit() throws Exception {
        assertThat(run("true && echo yes || echo no").out()).isEqualTo("yes\n");
        assertThat(run("false && echo yes || echo no").out()).isEqualTo("no\n");
        assertThat(run("false; echo $?; true; echo $?").out()).isEqualTo("1\n0\n");
    }

    @Test
    void pipeIntoGrepHeadAndTail() throws Exception {
        run("mkdir -p /var/tmp/t && echo one > /var/tmp/t/f && echo two >> /var/tmp/t/f && echo three >> /var/tmp/t/f");
        assertThat(run("cat /var/tmp/t/f | grep t").out()).isEqualTo("two\nthree\n");
        assertThat(run("cat /var/tmp/t/f | head -1").out()).isEqualTo("one\n");
        assertThat(run("cat /var/tmp/t/f | tail -2 | head -n 1").out()).isEqualTo("two\n");
        assertThat(run("grep -c o /var/tmp/t/f").out()).isEqualTo("2\n");
        Result none = run("grep nothing /var/tmp/t/f");
        assertThat(none.status()).isEqualTo(1);
    }

    @Test
    void redirectionsOfStdoutAndStderr() throws Exception {
        run("cat /nonexistent > /tmp/out 2>&1");
        assertThat(run("cat /tmp/out").out()).isEqualTo("cat: cannot open /nonexistent: No such file or directory\n");
        Result quiet = run("cat /nonexistent 2>/dev/null; echo $?");
        assertThat(quiet.out()).isEqualTo("2\n");
        assertThat(quiet.err()).isEmpty();
        Result stdin = run("cat < /dev/null; echo done");
        assertThat(stdin.out()).isEqualTo("done\n");
        Result missingDir = run("echo x > /no/such/dir/file");
        assertThat(missingDir.err()).isEqualTo("sh: /no/such/dir/file: cannot create [No such file or directory]\n");
        assertThat(missingDir.status()).isEqualTo(1);
    }

    @Test
    void tailByteOffsetReadsFromThatByte() throws Exception {
        run("echo 0123456789 > /tmp/bytes");
        assertThat(run("tail +5c /tmp/bytes").out()).isEqualTo("456789\n");
        assertThat(run("tail +12c /tmp/bytes").out()).isEmpty();
        assertThat(run("tail -3c /tmp/bytes").out()).isEqualTo("89\n");
    }

    @Test
    void unknownCommandIsNotFoundWithStatus127() throws Exception {
        Result r = run("foo bar");
        assertThat(r.err()).isEqualTo("sh: foo: not found\n");
        assertThat(r.out()).isEmpty();
        assertThat(r.status()).isEqualTo(127);
        assertThat(run("/usr/local/bin/foo").err()).isEqualTo("sh: /usr/local/bin/foo: not found\n");
    }

    @Test
    void unsupportedSyntaxIsASyntaxError() throws Exception {
        Result r = run("echo $(hostname)");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("sh: syntax error");
        assertThat(run("echo a ;; echo b").status()).isEqualTo(2);
    }

    @Test
    void hostIdentityCommands() throws Exception {
        assertThat(run("hostname").out()).isEqualTo("kzhost1\n");
        assertThat(run("uname -a").out()).isEqualTo("SunOS kzhost1 5.11 11.4.48.126.2 i86pc i386 i86pc\n");
        assertThat(run("uname -v").out()).isEqualTo("11.4.48.126.2\n");
        assertThat(run("id").out()).isEqualTo("uid=0(root) gid=0(root)\n");
        assertThat(run("whoami").out()).isEqualTo("root\n");
        assertThat(run("date -u +%Y%m%dT%H%M%SZ").out()).isEqualTo("20261126T060000Z\n");
    }

    @Test
    void filesLiveInTheSimulatedTree() throws Exception {
        assertThat(run("mkdir -p /var/tmp/kzmove/jobs && ls /var/tmp/kzmove").out()).isEqualTo("jobs\n");
        assertThat(run("ls /var/log").out()).contains("zones");
        assertThat(run("mkdir /var/tmp/kzmove").err())
                .isEqualTo("mkdir: Failed to make directory \"/var/tmp/kzmove\"; File exists\n");
        assertThat(run("cd /var/tmp/kzmove && pwd && echo hi > rel && cat /var/tmp/kzmove/rel").out())
                .isEqualTo("/var/tmp/kzmove\nhi\n");
        assertThat(run("rm /var/tmp/kzmove/rel && ls /var/tmp/kzmove").out()).isEqualTo("jobs\n");
        assertThat(run("test -f /var/tmp/kzmove/rel || echo gone").out()).isEqualTo("gone\n");
        assertThat(run("[ -d /var/tmp/kzmove/jobs ] && echo dir").out()).isEqualTo("dir\n");
        assertThat(run("touch /x").status()).isEqualTo(127);
        assertThat(run("test -x /usr/bin/tail && echo installed").out()).isEqualTo("installed\n");
        assertThat(run("test -x /usr/sbin/nothing || echo missing").out()).isEqualTo("missing\n");
        assertThat(run("command -v tail; command -v nothing; echo $?").out()).isEqualTo("/usr/bin/tail\n1\n");
        assertThat(run("exec echo via-exec").out()).isEqualTo("via-exec\n");
    }

    @Test
    void shDashCRunsANestedShell() throws Exception {
        Result r = run("sh -c 'echo inner $0 $1; exit 4' zero one; echo outer $?");
        assertThat(r.out()).isEqualTo("inner zero one\nouter 4\n");
    }

    @Test
    void psListsProcessesAndPgrepFindsThem() throws Exception {
        Result ps = run("ps -o pid,args");
        assertThat(ps.out()).startsWith("  PID COMMAND\n").contains("ps -o pid,args");
        Result bg = run("sleep 100 & echo $!");
        String pid = bg.out().trim();
        assertThat(run("pgrep -f 'sleep 100'").out()).isEqualTo(pid + "\n");
        assertThat(run("ps -o pid=,args= -p " + pid).out()).isEqualTo(" " + pid + " sleep 100\n"); // Solaris pads the pid to 5
        assertThat(run("kill " + pid + "; echo $?").out()).isEqualTo("0\n");
        Await.until("sleep ended", () -> host.server.processes().find(Integer.parseInt(pid)).isEmpty());
        Result gone = run("ps -o pid,args -p " + pid);
        assertThat(gone.out()).isEqualTo("  PID COMMAND\n");
        assertThat(gone.status()).isEqualTo(1);
        Result kill = run("kill -INT " + pid);
        assertThat(kill.err()).isEqualTo("sh: kill: (" + pid + ") - No such process\n");
        assertThat(kill.status()).isEqualTo(1);
    }

    @Test
    void execWithoutPtyUsesLfLineEnds() throws Exception {
        assertThat(run("echo a; echo b").out()).isEqualTo("a\nb\n");
    }

    @Test
    void manyConcurrentSessionsRunIndependently() throws Exception {
        int n = 8;
        java.util.List<java.util.concurrent.CompletableFuture<Result>> results = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                String cmd = "X=" + i + "; echo session $X > /tmp/c" + i + "; cat /tmp/c" + i;
                results.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return host.exec(k % 2 == 0 ? "kzadmin" : "operator1", cmd);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, clients));
            }
            for (int i = 0; i < n; i++) {
                assertThat(results.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS).out()).isEqualTo("session " + i + "\n");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void tildeGlobAndVariablesExpand() throws Exception {
        run("echo a > /var/log/zones/zoneadm.20261126T060000Z.kz1.move; echo b > /var/log/zones/other.log");
        assertThat(run("ls /var/log/zones/*.move").out()).isEqualTo("/var/log/zones/zoneadm.20261126T060000Z.kz1.move\n");
        assertThat(run("echo /var/log/zones/*.none").out()).isEqualTo("/var/log/zones/*.none\n");
        assertThat(run("echo ~ ~/x '~'").out()).isEqualTo("/root /root/x ~\n");
        assertThat(run("export A=1; B=2 env | grep -E '^(A|B)='").out()).isEqualTo("A=1\nB=2\n");
        assertThat(run("echo $$").out().trim()).matches("[0-9]+");
        assertThat(run("echo \"$UNSET\"x").out()).isEqualTo("x\n");
        assertThat(run("printf hi").out()).isEmpty();
    }

    @Test
    void psDashEfListsEveryProcessWithOwnerAndParent() throws Exception {
        host.exec("kzadmin", "pfexec sleep 30 > /dev/null &");
        Result r = run("ps -ef");
        assertThat(r.out()).startsWith("     UID   PID  PPID   C    STIME TTY         TIME CMD\n")
                .contains(" sleep 30\n").contains("ps -ef\n");
        assertThat(run("wc -l < /dev/null; echo abc | wc -c").out()).isEqualTo("       0\n       4\n");
    }
}
