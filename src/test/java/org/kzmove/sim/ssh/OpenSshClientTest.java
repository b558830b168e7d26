package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.ssh.SimHostFixture.Collector;
import org.kzmove.sim.ssh.SimHostFixture.Result;

/**
 * The system's OpenSSH client against the simulator, with strict host key checking against a
 * known_hosts file written from the server's key: what an administrator's own ssh would see.
 */
class OpenSshClientTest {
    @TempDir
    Path dir;
    SimHostFixture host;

    @BeforeEach
    void start() throws Exception {
        host = new SimHostFixture(dir);
        host.registry.register("/usr/sbin/zoneadm", OpenSshClientTest::fakeMove);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private static int fakeMove(Invocation inv) throws InterruptedException {
        if (!inv.credentials().isEffectivelyRoot()) {
            inv.stderr().println("zoneadm: permission denied");
            return 1;
        }
        inv.stdout().println("moving");
        inv.clock().sleep(Duration.ofHours(1));
        inv.stdout().println("done");
        return 0;
    }

    @Test
    void execOfBuiltinsPipesAndRedirections() throws Exception {
        Result r = host.openSsh("kzadmin", "uname -v; echo one two | grep two > /tmp/x 2>&1; cat /tmp/x; whoami");
        assertThat(r.out()).isEqualTo("11.4.48.126.2\none two\nkzadmin\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void unknownCommandGivesNotFoundAndStatus127() throws Exception {
        Result r = host.openSsh("kzadmin", "foo");
        assertThat(r.err()).isEqualTo("sh: foo: not found\n");
        assertThat(r.status()).isEqualTo(127);
    }

    @Test
    void detachedJobReturnsAtOnceAndIsFollowedFromANewConnection() throws Exception {
        Result started = host.openSsh("kzadmin", "mkdir -p /var/tmp/kzmove/jobs; nohup pfexec zoneadm -z kz1 move -p "
                + "dev:dsk/c0t1d0 > /var/tmp/kzmove/jobs/J.out 2>&1 < /dev/null & echo $!");
        assertThat(started.status()).isZero();
        String pid = started.out().trim();
        assertThat(pid).matches("[0-9]+");
        assertThat(host.openSsh("kzadmin", "ps -o pid,args -p " + pid).out())
                .isEqualTo("  PID COMMAND\n " + pid + " zoneadm -z kz1 move -p dev:dsk/c0t1d0\n");
        assertThat(host.openSsh("kzadmin", "tail +1c /var/tmp/kzmove/jobs/J.out").out()).isEqualTo("moving\n");
        assertThat(host.clock.awaitSleepers(1, Duration.ofSeconds(10))).isTrue();
        host.clock.advance(Duration.ofHours(1));
        Await.until("job done", () -> host.server.processes().list().isEmpty());
        assertThat(host.openSsh("kzadmin", "tail +8c /var/tmp/kzmove/jobs/J.out").out()).isEqualTo("done\n");
    }

    @Test
    void ctrlCThroughAForcedPtyInterruptsTheCommand() throws Exception {
        List<String> cmd = host.sshCommand("kzadmin", "-tt");
        cmd.add("waiter; echo after=$?");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            Collector out = new Collector(p.getInputStream());
            Await.until("waiter running", () -> out.contains("waiter started"));
            OutputStream in = p.getOutputStream();
            in.write(0x03);
            in.flush();
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
            Await.until("output", () -> out.contains("after=3"));
            assertThat(out.text()).contains("^Cwaiter got SIGINT\r\nafter=3\r\n");
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroy();
        }
    }
}
