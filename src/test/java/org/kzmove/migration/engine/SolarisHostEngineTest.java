package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.session.HostSession;
import org.kzmove.sim.host.ZoneadmSigint;
import org.kzmove.solaris.move.MovePhase;

/**
 * The engine on a host as strict as Solaris (issue 9): two administrators, each with a job directory of
 * their own; a directory planted by someone else; a zoneadm that keeps an inherited SIGINT ignore; a job
 * file that cannot be read. Real SSH to the simulated host throughout.
 */
class SolarisHostEngineTest {
    static final String LUN_32G = "lu:luname.naa.5000CCA0CAFEF00D";

    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aSecondAdministratorMovesWithADirectoryOfTheirOwnThatTheFirstCannotRead() throws Exception {
        f = new EngineFixture(dir, false);
        MoveJob first = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE);
        assertThat(first.result().get(30, TimeUnit.SECONDS).outcome()).isEqualTo(FinalOutcome.SUCCEEDED);

        try (HostSession second = f.sessionAs("kzadmin2"); MoveEngine engine = f.engineOn(second)) {
            MoveJob job = engine.start(EngineFixture.request("lsm", LUN_32G), MoveListener.NONE);
            MoveResult r = job.result().get(30, TimeUnit.SECONDS);

            assertThat(r.outcome()).as(job.output()).isEqualTo(FinalOutcome.SUCCEEDED);
            assertThat(job.remoteFile()).startsWith("/var/tmp/kzmove-kzadmin2/");
            String dirs = f.session.run(RemoteScript.of(org.kzmove.remote.command.RemoteCommand
                    .of(org.kzmove.remote.command.Program.LS, org.kzmove.remote.command.Privilege.NONE).flag("-ld")
                    .path("/var/tmp/kzmove-kzadmin").path("/var/tmp/kzmove-kzadmin2").build()), EngineFixture.WAIT).stdout();
            assertThat(dirs).containsPattern("drwx------ +\\d+ kzadmin +\\S+ .* /var/tmp/kzmove-kzadmin\\n")
                    .containsPattern("drwx------ +\\d+ kzadmin2 +\\S+ .* /var/tmp/kzmove-kzadmin2\\n");
            var peek = second.run(RemoteScript.of(org.kzmove.remote.command.RemoteCommand
                    .of(org.kzmove.remote.command.Program.TAIL, org.kzmove.remote.command.Privilege.NONE).fromByte(1)
                    .path(first.remoteFile()).build()), EngineFixture.WAIT);
            assertThat(peek.exitStatus()).isEqualTo(2);
            assertThat(peek.stderr()).isEqualTo("tail: cannot open input\n");
        }
    }

    @Test
    void aJobDirectoryPlantedBySomeoneElseIsRefusedBeforeAnythingStarts() throws Exception {
        f = new EngineFixture(dir, false);
        try (HostSession other = f.sessionAs("kzadmin2")) {
            assertThat(other.run(RemoteScript.of(org.kzmove.remote.command.RemoteCommand
                    .of(org.kzmove.remote.command.Program.MKDIR, org.kzmove.remote.command.Privilege.NONE).flag("-p")
                    .path("/var/tmp/kzmove-kzadmin").build()), EngineFixture.WAIT).succeeded()).isTrue();
        }
        String before = export("mykz");

        assertThatThrownBy(() -> f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE))
                .isInstanceOf(RemoteException.class)
                .hasMessageContaining("/var/tmp/kzmove-kzadmin on the host belongs to kzadmin2, not to kzadmin")
                .hasMessageContaining("Nothing was started");

        assertThat(f.audit.file()).content().doesNotContain("zoneadm -z mykz move");
        assertThat(f.host.server().processes().list()).noneMatch(p -> p.args().contains("zoneadm"));
        assertThat(f.store.all()).isEmpty();
        assertThat(export("mykz")).isEqualTo(before).contains("disk0");
    }

    private String export(String zone) throws Exception {
        return f.session.run(RemoteScript.of(org.kzmove.remote.command.RemoteCommand
                .of(org.kzmove.remote.command.Program.ZONECFG, org.kzmove.remote.command.Privilege.PFEXEC).flag("-z")
                .zone(zone).word("export").build()), EngineFixture.WAIT).stdout();
    }

    @Test
    void cancelReachesAZoneadmThatKeepsAnInheritedSigintIgnore() throws Exception {
        f = new EngineFixture(dir, true);
        f.host.model().zoneadmSigint(ZoneadmSigint.KEEP_INHERITED_IGNORE);
        MoveJob job = f.engine.start(EngineFixture.request("kzmirror", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);

        assertThat(job.cancel().status()).isEqualTo(CancelResult.Status.SENT);
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).as(job.output()).isEqualTo(FinalOutcome.CANCELLED_AND_ROLLED_BACK);
        assertThat(r.verification().disks()).containsExactlyInAnyOrder(CancelTest.ORIGINAL_0, CancelTest.ORIGINAL_1);
        assertThat(r.report().signal()).isEqualTo("SIGINT");
    }

    @Test
    void aJobFileThatCannotBeReadIsSaidRetriedAndEndsWithoutAnOutcome() throws Exception {
        f = new EngineFixture(dir, true);
        List<String> troubles = new CopyOnWriteArrayList<>();
        List<Exception> lost = new CopyOnWriteArrayList<>();
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), new MoveListener() {
            @Override
            public void onFollowingTrouble(String reason) {
                troubles.add(reason);
            }

            @Override
            public void onFollowingLost(Exception cause) {
                lost.add(cause);
            }
        });
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);

        f.host.server().files().delete(job.remoteFile());

        assertThatThrownBy(() -> job.result().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("Cannot read the output of the move of zone 'mykz'")
                .hasMessageContaining("tail: cannot open input");
        assertThat(troubles).hasSize(MoveJob.MAX_TROUBLES - 1).allSatisfy(t -> assertThat(t)
                .contains("failed with exit status 2: tail: cannot open input").contains("trying again in"));
        assertThat(lost).hasSize(1);
        assertThat(f.store.load(job.id()).orElseThrow().finished()).as("no outcome concluded").isFalse();
        assertThat(job.phase()).isEqualTo(MovePhase.RESILVERING);
    }

    @Test
    void aGiantLineIsKeptInPartAndTheRecordStaysReadable() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob job = f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(job, p -> p == MovePhase.RESILVERING);

        byte[] giant = ("x".repeat(8 << 20) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        f.host.server().files().append(job.remoteFile(), giant);
        EngineFixture.await("engine caught up", () -> job.consumedBytes() == f.fileLength(job));
        MoveResult r = f.driveToEnd(job);

        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
        assertThat(job.output()).contains("[kzmove kept the first 64 KiB of this line of " + (8 << 20) + " bytes; all of it is in "
                + job.remoteFile() + " on the host]");
        assertThat(job.output().length()).isLessThan(1 << 20);
        assertThat(f.store.load(job.id()).orElseThrow().outcome()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aSecondMoveOfAZoneIsRefusedBeforeStartingWhetherKzmoveOrSomeoneElseRunsTheFirst() throws Exception {
        f = new EngineFixture(dir, true);
        MoveJob first = f.engine.start(EngineFixture.request("kzmirror", MoveEngineTest.LUN_20G), MoveListener.NONE);
        f.stepUntil(first, p -> p == MovePhase.RESILVERING);

        // Another kzmove of this user (a second console or CLI: its own session and engine, the same records).
        try (HostSession again = f.sessionAs("kzadmin"); MoveEngine other = f.engineOn(again)) {
            assertThatThrownBy(() -> other.start(EngineFixture.request("kzmirror", LUN_32G), MoveListener.NONE))
                    .isInstanceOf(ZoneBusyException.class)
                    .hasMessageContaining("A move of zone 'kzmirror'").hasMessageContaining("Nothing was started");
        }
        // A move started by hand by another administrator, which kzmove has no record of.
        org.kzmove.remote.ssh.SshTarget admin2 = new org.kzmove.remote.ssh.SshTarget("127.0.0.1", f.host.port(), "kzadmin2");
        try (org.kzmove.remote.ssh.SshConnection c = org.kzmove.remote.ssh.SshConnection.open(admin2,
                List.of(new org.kzmove.remote.ssh.SshAuth.InMemoryKey(f.clientKey)),
                new org.kzmove.remote.ssh.KnownHostsVerifier(List.of(), f.knownHosts,
                        org.kzmove.remote.ssh.HostKeyTrust.REFUSE), org.kzmove.remote.ssh.SshConnection.Timeouts.DEFAULT)) {
            assertThat(c.run("nohup pfexec zoneadm -z mykz move -v -p " + LUN_32G
                    + " > /var/tmp/by-hand.out 2>&1 < /dev/null &").exitStatus()).isZero();
        }
        assertThatThrownBy(() -> f.engine.start(EngineFixture.request("mykz", MoveEngineTest.LUN_20G), MoveListener.NONE))
                .isInstanceOf(ZoneBusyException.class)
                .hasMessageContaining("A move of zone 'mykz' is already running on").hasMessageContaining("zoneadm -z mykz move");
        assertThat(f.audit.file()).content().doesNotContain("zoneadm -z mykz move -v -p " + MoveEngineTest.LUN_20G);

        MoveResult r = f.driveToEnd(first);
        assertThat(r.outcome()).isEqualTo(FinalOutcome.SUCCEEDED);
    }
}
