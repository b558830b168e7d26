package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.ssh.SshConnection;
import org.kzmove.sim.shell.HostServices;

/**
 * The second test host itself, under both login shells: its PATH, the stand-ins' Solaris syntax,
 * pfexec keeping the pid, and what a real non-interactive shell does to a background job's SIGINT.
 */
class RealSshdStandInsTest {
    private static RealSshdHost host;

    @BeforeAll
    static void start() throws Exception {
        host = RealSshdHost.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
    }

    static List<User> users() {
        return RealSshdHost.users();
    }

    private static CommandResult run(User user, String line) throws Exception {
        try (SshConnection c = host.connect(user)) {
            return c.run(line);
        }
    }

    @ParameterizedTest
    @MethodSource("users")
    void loginShellIsTheUsersAndFindsTheStandInsFirstOnPath(User user) throws Exception {
        CommandResult r = run(user, "echo $0; command -v zoneadm; command -v tail; command -v pfexec; command -v nohup");

        String shell = user.shell().substring(user.shell().lastIndexOf('/') + 1);
        assertThat(r.stdout().lines().toList()).containsExactly(shell, host.bin + "/zoneadm", host.bin + "/tail",
                host.bin + "/pfexec", "/usr/bin/nohup");
    }

    @ParameterizedTest
    @MethodSource("users")
    void unameIsTheSimulatedSolarisOne(User user) throws Exception {
        CommandResult r = run(user, "uname -v; uname -s");

        assertThat(r.stdout()).isEqualTo(HostServices.SOLARIS_VERSION + "\nSunOS\n");
        assertThat(host.relay.calls()).anySatisfy(c -> assertThat(c.user()).isEqualTo(user.name()));
    }

    @ParameterizedTest
    @MethodSource("users")
    void pfexecExecsInPlaceSoThePidPrintedBeforeItIsTheCommands(User user) throws Exception {
        CommandResult r = run(user, "echo $$; exec pfexec /bin/sh -c 'echo $$ $KZRSH_VIA_PFEXEC'");

        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(lines.get(0) + " 1");
    }

    @ParameterizedTest
    @MethodSource("users")
    void solarisTailRefusesGnuOptionsAndTakesThePlusForm(User user) throws Exception {
        String file = host.varTmp + "/tail-" + user.name();
        CommandResult gnu = run(user, "printf 'abcdefgh\\nij\\n' > " + file + "; tail -c +5 -f " + file);
        CommandResult solaris = run(user, "tail +5c " + file);
        CommandResult bad = run(user, "tail -n 2 " + file);

        assertThat(gnu.exitStatus()).isEqualTo(2);
        assertThat(gnu.stderr()).isEqualTo("tail: cannot open input\n");
        assertThat(solaris.stdout()).isEqualTo("efgh\nij\n");
        assertThat(bad.exitStatus()).isEqualTo(2);
        assertThat(bad.stderr()).isEqualTo("usage: tail [+/-[n][lbc][f]] [file]\n       tail [+/-[n][l][r|f]] [file]\n");
    }

    @ParameterizedTest
    @MethodSource("users")
    void aBackgroundJobOfTheNonInteractiveLoginShellStartsWithSigintIgnored(User user) throws Exception {
        // POSIX: without job control, "cmd &" runs with SIGINT and SIGQUIT ignored; a foreground exec keeps the default.
        String probe = "python3 -c 'import signal; print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)'";
        String file = host.varTmp + "/sigint-" + user.name();
        CommandResult r = run(user, probe + " > " + file + " 2>&1 < /dev/null & wait; cat " + file + "; exec " + probe);

        assertThat(r.stdout()).isEqualTo("True\nFalse\n");
    }
}
