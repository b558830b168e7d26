package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.remote.ssh.SshConnection;

/**
 * Two administrators of one host, each with their own login (and shell): the job directories under
 * the host's /var/tmp are per user, so one's never stands in the other's way, and a directory the
 * other one created where kzmove wants its own is refused before anything starts.
 */
class RealSshdTwoAdminsTest {
    static final String LSM_TARGET = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    static final String MYKZ_TARGET = "lu:luname.naa.5000CCA0CAFEF00D";

    @TempDir
    Path data;
    RealSshdHost host;
    RealSshdConsole first;
    RealSshdConsole second;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {first, second, host}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static User other(User user) {
        return user.equals(RealSshdHost.BASH) ? RealSshdHost.KSH : RealSshdHost.BASH;
    }

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void aSecondAdminMovesAnotherZoneWhileTheFirstOnesJobDirectoryExists(User user) throws Exception {
        host = RealSshdHost.start();
        first = new RealSshdConsole(host, user, data.resolve("first"));
        second = new RealSshdConsole(host, other(user), data.resolve("second"));

        MoveJob one = first.engine.start(RealSshdConsole.request("lsm", LSM_TARGET), MoveListener.NONE);
        assertThat(Path.of(first.host.jobFiles(user).dir())).isDirectory();
        MoveJob two = second.engine.start(RealSshdConsole.request("mykz", MYKZ_TARGET), MoveListener.NONE);
        host.advanceUntil("both moves' results", () -> one.result().isDone() && two.result().isDone());

        MoveResult r1 = one.result().get();
        MoveResult r2 = two.result().get();
        assertThat(r1.outcome()).as(one.output()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r2.outcome()).as(two.output()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(host.jobFiles(user).dir()).isNotEqualTo(host.jobFiles(other(user)).dir());
    }

    /** 755: kzmove could not write there; 777: it could, but the other admin could swap its files. */
    static Stream<Arguments> squats() {
        List<Arguments> all = new ArrayList<>();
        for (User u : RealSshdHost.users()) {
            all.add(Arguments.of(u, "755"));
            all.add(Arguments.of(u, "777"));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, created {1} by the other")
    @MethodSource("squats")
    void aJobDirectoryCreatedByTheOtherAdminIsRefusedBeforeAnythingStarts(User user, String mode) throws Exception {
        host = RealSshdHost.start();
        String mine = host.jobFiles(user).dir();
        try (SshConnection c = host.connect(other(user))) {
            CommandResult squat = c.run("mkdir -m " + mode + " " + mine);
            assertThat(squat.exitStatus()).as(squat.stderr()).isZero();
        }
        first = new RealSshdConsole(host, user, data.resolve("first"));

        assertThatThrownBy(() -> first.engine.start(RealSshdConsole.request("lsm", LSM_TARGET), MoveListener.NONE))
                .isInstanceOfSatisfying(RemoteException.class, e -> assertThat(e.getMessage()).contains(mine,
                        other(user).name()));

        assertThat(host.relay.calls()).noneMatch(call -> call.argv().contains("move"));
        assertThat(first.engine.active()).isEmpty();
        assertThat(first.store.all()).isEmpty();
        try (var files = Files.list(Path.of(mine))) {
            assertThat(files.toList()).isEmpty();
        }
        assertThat(List.of(first.audit.file())).allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain("zoneadm -z lsm move"));
    }
}
