package org.kzmove.sim.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.sim.ssh.SimHostFixture.Result;

/**
 * The shell tools as strict as Solaris 11.4 over real SSH: the three tails, ps/ls/mkdir options,
 * and owners and modes enforced per user (kzadmin and kzadmin2 are two administrators).
 */
class SolarisToolsTest {
    private static final String SVR4_USAGE = "usage: tail [+/-[n][lbc][f]] [file]\n"
            + "       tail [+/-[n][l][r|f]] [file]\n";

    @TempDir
    Path dir;
    SimHostFixture host;

    @BeforeEach
    void start() throws Exception {
        host = new SimHostFixture(dir);
        host.server.files().write("/tmp/bytes", "123456789\n".getBytes(StandardCharsets.UTF_8));
        host.server.files().write("/tmp/lines", "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    @Test
    void svr4TailTakesTheGnuFollowFormAsAFileNamedPlusFive() throws Exception {
        Result r = host.exec("kzadmin", "tail -c +5 -f /tmp/bytes");
        assertThat(r.err()).isEqualTo("tail: cannot open input\n");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void svr4TailRefusesOptionLettersItDoesNotKnow() throws Exception {
        for (String cmd : new String[] {"tail -n 2 /tmp/lines", "tail -5x /tmp/lines", "tail -lc /tmp/lines",
            "tail -rf /tmp/lines", "tail -5cr /tmp/lines", "tail --lines=2 /tmp/lines"}) {
            Result r = host.exec("kzadmin", cmd);
            assertThat(r.err()).as(cmd).isEqualTo(SVR4_USAGE);
            assertThat(r.status()).as(cmd).isEqualTo(2);
        }
    }

    @Test
    void svr4TailReadsFromAByteOffsetExactly() throws Exception {
        assertThat(host.exec("kzadmin", "tail +5c /tmp/bytes").out()).isEqualTo("56789\n");
        assertThat(host.exec("kzadmin", "tail +1c /tmp/bytes").out()).isEqualTo("123456789\n");
        assertThat(host.exec("kzadmin", "tail +11c /tmp/bytes").out()).isEmpty();
        assertThat(host.exec("kzadmin", "tail -3c /tmp/bytes").out()).isEqualTo("89\n");
        assertThat(host.exec("kzadmin", "tail +2 /tmp/lines").out()).isEqualTo("two\nthree\n");
        assertThat(host.exec("kzadmin", "tail -1l /tmp/lines").out()).isEqualTo("three\n");
        assertThat(host.exec("kzadmin", "tail -r /tmp/lines").out()).isEqualTo("three\ntwo\none\n");
        assertThat(host.exec("kzadmin", "tail /tmp/lines").out()).isEqualTo("one\ntwo\nthree\n");
        // only argv[1] and argv[2] count: a third argument is ignored
        assertThat(host.exec("kzadmin", "tail +2c /tmp/bytes /no/such/file").out()).isEqualTo("23456789\n");
    }

    @Test
    void xpg4AndGnuTailsAcceptTheirOwnForms() throws Exception {
        assertThat(host.exec("kzadmin", "/usr/xpg4/bin/tail -c +5 /tmp/bytes").out()).isEqualTo("56789\n");
        assertThat(host.exec("kzadmin", "/usr/xpg4/bin/tail -n 1 /tmp/lines").out()).isEqualTo("three\n");
        assertThat(host.exec("kzadmin", "/usr/xpg4/bin/tail +2l /tmp/lines").out()).isEqualTo("two\nthree\n");
        Result bad = host.exec("kzadmin", "/usr/xpg4/bin/tail -x /tmp/lines");
        assertThat(bad.err()).isEqualTo("tail: illegal option -- x\n"
                + "usage: tail [-f|-r] [-c number | -n number] [file]\n"
                + "       tail [+/-[number][lbc][f]] [file]\n"
                + "       tail [+/-[number][l][r|f]] [file]\n");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(host.exec("kzadmin", "/usr/gnu/bin/tail -c +5 /tmp/bytes").out()).isEqualTo("56789\n");
        assertThat(host.exec("kzadmin", "command -v tail").out()).isEqualTo("/usr/bin/tail\n");
    }

    @Test
    void psRefusesUnknownOptionsWithSolarisUsage() throws Exception {
        Result r = host.exec("kzadmin", "ps -x");
        assertThat(r.err()).startsWith("ps: illegal option -- x\nusage: ps [ -aAdefHlcjLPyZ ] [ -o format ]");
        assertThat(r.status()).isEqualTo(1);
        assertThat(host.exec("kzadmin", "ps aux").status()).isEqualTo(1);
        Result combined = host.exec("kzadmin", "ps -eo pid=,args=");
        assertThat(combined.status()).isZero();
        assertThat(combined.out()).contains("ps -eo pid=,args=");
        assertThat(host.exec("kzadmin", "ps -opid= -u kzadmin2").out()).isEmpty();
    }

    @Test
    void mkdirModeAppliesToTheLastComponentAndLsShowsOwnerGroupAndMode() throws Exception {
        Result r = host.exec("kzadmin", "mkdir -p -m 700 /var/tmp/kzmove/jobs && ls -ld /var/tmp/kzmove/jobs /var/tmp/kzmove");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(
                "drwx------   2 kzadmin  staff          2 Nov 26 06:00 /var/tmp/kzmove/jobs\n"
                + "drwxr-xr-x   3 kzadmin  staff          3 Nov 26 06:00 /var/tmp/kzmove\n");
        assertThat(host.exec("root", "ls -ld /var/tmp /tmp").out()).isEqualTo(
                "drwxrwxrwt   3 root     root           3 Nov 26 06:00 /var/tmp\n"
                + "drwxrwxrwt   2 root     root           4 Nov 26 06:00 /tmp\n");
        assertThat(host.exec("kzadmin", "mkdir -m u=rwx,go= /var/tmp/sym && ls -ld /var/tmp/sym").out())
                .startsWith("drwx------ ");
    }

    @Test
    void lsAcceptsThe114LongOptionsButNotGnuOnes() throws Exception {
        assertThat(host.exec("kzadmin", "ls --color=never /tmp").out()).isEqualTo("bytes\nlines\n");
        Result r = host.exec("kzadmin", "ls --all /tmp");
        assertThat(r.err()).startsWith("ls: illegal option -- -\nusage: ls -");
        assertThat(r.status()).isEqualTo(2);
        assertThat(host.exec("kzadmin", "ls -Z /tmp").err()).startsWith("ls: illegal option -- Z\n");
    }

    @Test
    void aSecondAdminCannotWriteIntoOrRemoveFromTheFirstAdminsPrivateFiles() throws Exception {
        assertThat(host.exec("kzadmin", "mkdir -m 700 /var/tmp/mine && echo secret > /var/tmp/mine/f"
                + " && echo shared > /var/tmp/shared").status()).isZero();

        Result create = host.exec("kzadmin2", "echo x > /var/tmp/mine/g");
        assertThat(create.err()).isEqualTo("sh: /var/tmp/mine/g: cannot create [Permission denied]\n");
        assertThat(create.status()).isEqualTo(1);
        Result tail = host.exec("kzadmin2", "tail +1c /var/tmp/mine/f");
        assertThat(tail.err()).isEqualTo("tail: cannot open input\n");
        assertThat(tail.status()).isEqualTo(2);
        assertThat(host.exec("kzadmin2", "cat /var/tmp/mine/f").err())
                .isEqualTo("cat: cannot open /var/tmp/mine/f: Permission denied\n");
        // sticky /var/tmp: the shared file is readable (644) but only its owner or root removes it
        assertThat(host.exec("kzadmin2", "cat /var/tmp/shared").out()).isEqualTo("shared\n");
        assertThat(host.exec("kzadmin2", "echo more >> /var/tmp/shared").err())
                .isEqualTo("sh: /var/tmp/shared: cannot create [Permission denied]\n");
        assertThat(host.exec("kzadmin2", "rm /var/tmp/shared").status()).isEqualTo(2);
        assertThat(host.exec("kzadmin2", "mkdir /var/tmp/mine/sub").err())
                .isEqualTo("mkdir: Failed to make directory \"/var/tmp/mine/sub\"; Permission denied\n");
        // sudo sets every id to root's: root bypasses the modes
        assertThat(host.exec("kzadmin2", "sudo -n cat /var/tmp/mine/f").out()).isEqualTo("secret\n");
        assertThat(host.exec("root", "rm /var/tmp/shared").status()).isZero();
        assertThat(host.exec("kzadmin", "ls -l /var/tmp/mine").out())
                .isEqualTo("total 1\n-rw-r--r--   1 kzadmin  staff          7 Nov 26 06:00 f\n");
    }

    @Test
    void filesTheHostModelWritesAreRoots() throws Exception {
        host.server.files().mkdirs("/var/log/zones");
        host.server.files().write("/var/log/zones/zoneadm.log", "x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(host.exec("kzadmin", "ls -l /var/log/zones/zoneadm.log").out())
                .startsWith("-rw-r--r--   1 root     root ");
    }
}
