package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.realsshd.RealSshdHost.SigintMode;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.ssh.SshConnection;

/**
 * The zoneadm stand-in's signal dispositions are real: started in the background by a
 * non-interactive shell (as {@code nohup pfexec zoneadm ... &} does), it inherits SIGINT ignored,
 * and in {@link SigintMode#KEEP_INHERITED_IGNORE} a {@code kill -INT} then never reaches the move.
 */
class RealSshdSignalsTest {
    static final String TARGET = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (User u : RealSshdHost.users()) {
            all.add(Arguments.of(u, SigintMode.CATCH, "kill -INT", "Signal SIGINT caught."));
            // the INT is dropped by the kernel (ignored); only the TERM after it gets through
            all.add(Arguments.of(u, SigintMode.KEEP_INHERITED_IGNORE, "kill -INT $pid; kill -TERM",
                    "Signal SIGTERM caught."));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aBackgroundZoneadmSeesSigintOnlyIfItCatchesWhatItInherited(User user, SigintMode mode, String kill,
            String caught) throws Exception {
        try (RealSshdHost host = RealSshdHost.start(); SshConnection c = host.connect(user)) {
            host.zoneadmSigint(mode);
            String file = host.varTmp + "/bg-" + user.name() + ".out";
            String pid = c.run("nohup pfexec zoneadm -z mykz move -v -p " + TARGET + " > " + file
                    + " 2>&1 < /dev/null & echo $!").stdout().strip();
            host.advanceUntil("zoneadm resilvering", () -> host.fileText(file).contains("Waiting for disks to resilver."));

            CommandResult k = c.run("pid=" + pid + "; " + kill + " $pid");
            host.advanceUntil("zoneadm's end", () -> host.fileText(file).contains("move failed."));

            assertThat(k.exitStatus()).as(k.stderr()).isZero();
            assertThat(host.fileText(file)).contains(caught, "Clean-up successful.").containsOnlyOnce("Signal SIG");
        }
    }
}
