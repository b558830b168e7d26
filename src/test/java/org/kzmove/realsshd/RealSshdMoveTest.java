package org.kzmove.realsshd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kzmove.migration.engine.CancelResult;
import org.kzmove.migration.engine.FinalOutcome;
import org.kzmove.migration.engine.MoveJob;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.realsshd.RealSshdHost.SigintMode;
import org.kzmove.realsshd.RealSshdHost.User;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.testsupport.Conditions;

/**
 * Moves through kzmove's real engine against the real-sshd host, under bash and under ksh93: the
 * start, the following of the job file, the cancel and the re-attach all run through a real sshd, a
 * real login shell, real nohup/kill/ps and Solaris tail syntax. zoneadm keeps an inherited SIGINT
 * ignore ({@link SigintMode#KEEP_INHERITED_IGNORE}), so a cancel works only if kzmove started it
 * with SIGINT at its default.
 */
class RealSshdMoveTest {
    static final String ORIGINAL = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003";
    static final String FREE_20G = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    static final String RESILVERING = "Waiting for disks to resilver.";

    @TempDir
    Path data;
    RealSshdHost host;
    RealSshdConsole console;

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private void start(User user) throws Exception {
        host = RealSshdHost.start();
        host.zoneadmSigint(SigintMode.KEEP_INHERITED_IGNORE);
        console = new RealSshdConsole(host, user, data.resolve(user.name()));
    }

    private MoveResult driveToEnd(MoveJob job) throws Exception {
        host.advanceUntil("the move's verified result (phase " + job.phase() + ")", () -> job.result().isDone());
        return job.result().get();
    }

    /** zoneadm prints that it resilvers, and kzmove has read it; zoneadm sleeps on the held clock meanwhile. */
    private void untilResilvering(MoveJob job) {
        String file = host.jobFiles(console.user).outputFile(job.id());
        host.advanceUntil("zoneadm resilvering", () -> host.fileText(file).contains(RESILVERING));
        Conditions.await("kzmove sees the resilver", () -> job.phase() == MovePhase.RESILVERING, RealSshdHost.WAIT);
    }

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void moveSucceedsAndIsVerified(User user) throws Exception {
        start(user);

        MoveJob job = console.engine.start(RealSshdConsole.request("lsm", FREE_20G), MoveListener.NONE);
        MoveResult r = driveToEnd(job);

        assertThat(r.outcome()).as(job.output()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
        assertThat(r.verification().disks()).containsExactly(FREE_20G);
        assertThat(job.output()).contains("Live storage migration succeeded.");
        Path jobDir = Path.of(host.jobFiles(user).dir());
        PosixFileAttributes attrs = Files.readAttributes(jobDir, PosixFileAttributes.class);
        assertThat(attrs.owner().getName()).isEqualTo(user.name());
        assertThat(PosixFilePermissions.toString(attrs.permissions())).isEqualTo("rwx------");
        assertThat(host.fileText(host.jobFiles(user).outputFile(job.id()))).isEqualTo(job.output());
    }

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void cancelDuringTheResilverRollsBackEvenWhenZoneadmKeepsAnInheritedIgnore(User user) throws Exception {
        start(user);
        MoveJob job = console.engine.start(RealSshdConsole.request("lsm", FREE_20G), MoveListener.NONE);
        untilResilvering(job);

        CancelResult c = job.cancel();
        MoveResult r = driveToEnd(job);

        assertThat(c.status()).as(c.message()).isEqualTo(CancelResult.Status.SENT);
        assertThat(r.outcome()).as(job.output()).isEqualTo(FinalOutcome.CANCELLED_AND_ROLLED_BACK);
        assertThat(r.verification().ok()).as(r.verification().problems().toString()).isTrue();
        assertThat(r.verification().disks()).containsExactly(ORIGINAL);
        assertThat(job.output()).contains("Signal SIGINT caught.", "Clean-up successful.");
        assertThat(r.report().signal()).isEqualTo("SIGINT");
    }

    @ParameterizedTest
    @MethodSource("org.kzmove.realsshd.RealSshdHost#users")
    void killedMidMoveANewConsoleReattachesAndFollowsItToTheEnd(User user) throws Exception {
        start(user);
        MoveJob first = console.engine.start(RealSshdConsole.request("lsm", FREE_20G), MoveListener.NONE);
        untilResilvering(first);
        long pid = console.store.load(first.id()).orElseThrow().pid();

        console.kill();
        assertThat(ProcessHandle.of(pid)).as("zoneadm outlives kzmove and its connection")
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        List<MoveJob> found = console.restart().reattach(MoveListener.NONE);

        assertThat(found).extracting(MoveJob::id).containsExactly(first.id());
        MoveResult r = driveToEnd(found.get(0));
        assertThat(r.outcome()).as(found.get(0).output()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(r.verification().disks()).containsExactly(FREE_20G);
        assertThat(found.get(0).output()).startsWith(first.output()).contains("Live storage migration succeeded.");
    }
}
