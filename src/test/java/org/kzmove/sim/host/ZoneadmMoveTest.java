package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kzmove.sim.process.Signal;

/** {@code zoneadm move} against the three real transcripts, line for line. */
class ZoneadmMoveTest {
    private static final String LUN2 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25DFC0002";
    private static final String LUN4 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E590004";
    private static final String LUN6 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    private static final String LSM_DISK = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25E490003";
    private static final String MYKZ_DISK1 = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1";

    private final SimHarness sim = new SimHarness(Transcripts.testHost());

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void defaultMoveOutputIsTheRealDefaultTranscript() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Transcripts.normalize(r.out())).isEqualTo(Transcripts.normalize(Transcripts.real("default-single-disk.txt")));
        assertThat(r.out()).startsWith("Progress being logged to /var/log/zones/zoneadm.20261126T080000Z.lsm.move\n");
    }

    @Test
    void verboseMirrorMoveMatchesTheRealTranscriptLineForLine() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-x", "force-zpool-attach",
                "-p", LUN2, "-p", LUN4);

        assertThat(r.status()).isZero();
        assertThat(Transcripts.normalize(r.all()))
                .containsExactlyElementsOf(Transcripts.normalize(Transcripts.real("verbose-mirror.txt")));
        // the countdown of the real run: three seconds DEGRADED
        assertThat(r.out()).contains("  c1d2:\n    still DEGRADED, 120 more seconds to wait.\n"
                + "    still DEGRADED, 119 more seconds to wait.\n    still DEGRADED, 118 more seconds to wait.\n    OK\n  c1d3:\n    OK\n");
        assertThat(r.out()).contains("  c1d1 (bootpri=0)\n", "    Device ID: 2\n", "    Device ID: 3\n",
                "    Mapped to: /dev/dsk/c0t600144F0DBF8AF1900005FD25E590004d0\n");
    }

    @Test
    void resilverLinesHaveTheRealShapeAndThePercentageAdvancesInSteps() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);

        List<String> progress = r.out().lines().filter(l -> l.contains(" resilvered at ")).toList();
        assertThat(progress).hasSizeGreaterThan(40);
        assertThat(progress).allMatch(l -> l.matches("  \\d+(\\.\\d+)?[KMG] resilvered at \\d+(\\.\\d+)?[KM]/s, \\d+\\.\\d\\d% done, (\\d+m\\d\\ds|\\d+s) to go"));
        List<String> percents = progress.stream().map(l -> l.replaceAll(".*, (\\S+)% done.*", "$1")).toList();
        assertThat(percents.get(0)).isEqualTo("0.00");
        assertThat(percents.stream().distinct().count()).isBetween(5L, (long) progress.size() / 3);
        List<Double> values = percents.stream().map(Double::parseDouble).toList();
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).isGreaterThanOrEqualTo(values.get(i - 1));
        }
    }

    /** As in the real transcripts: "to go" is the pool's allocated bytes not yet examined at the printed percentage, over the rate. */
    @Test
    void toGoFollowsThePrintedPercentageAsTheRealOneDoes() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-x", "force-zpool-attach",
                "-p", LUN2, "-p", LUN4);

        long allocated = org.kzmove.solaris.units.SolarisSize.parse("5.6G").orElseThrow();
        org.kzmove.solaris.move.MoveTranscript t = new org.kzmove.solaris.move.MoveTranscript();
        int lines = 0;
        for (String line : r.out().split("\n")) {
            for (org.kzmove.solaris.move.MoveEvent e : t.accept(line)) {
                if (e instanceof org.kzmove.solaris.move.MoveEvent.ResilverProgress p) {
                    double implied = allocated * (1 - p.percent() / 100) / p.rateBytesPerSecond();
                    // rounded down, from a rate printed with three digits
                    assertThat(p.etaSeconds() - implied).as(line).isBetween(-1.5, 0.5);
                    lines++;
                }
            }
        }
        assertThat(lines).isGreaterThan(40);
    }

    @Test
    void moveChangesPersistentAndLiveConfigurationAndThePool() throws Exception {
        sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-x", "force-zpool-attach", "-p", LUN2, "-p", LUN4);

        String export = sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out();
        assertThat(export).doesNotContain(LSM_DISK);
        assertThat(export).contains("add device\nset storage=" + LUN2 + "\nset bootpri=0\nset id=2\nend\n"
                + "add device\nset storage=" + LUN4 + "\nset bootpri=0\nset id=3\nend\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "-r", "info", "device").out()).isEqualTo(
                "device:\n\tmatch not specified\n\tstorage: " + LUN2 + "\n\tid: 2\n\tbootpri: 0\n"
                        + "device:\n\tmatch not specified\n\tstorage: " + LUN4 + "\n\tid: 3\n\tbootpri: 0\n");
        String status = sim.run(ROOT, "zlogin", "lsm", "zpool", "status").out();
        assertThat(status).contains("\t  mirror-0  ONLINE       0     0     0\n\t    c1d2    ONLINE       0     0     0\n"
                + "\t    c1d3    ONLINE       0     0     0\n");
        // 5.6G allocated, examined once and written to each of the two new disks
        assertThat(status).doesNotContain("c1d1").contains("  scan: resilvered 11.2G in 0h2m with 0 errors on ");
        // the old disk keeps the guest pool's label now
        assertThat(sim.host.storageItem(LSM_DISK).orElseThrow().inUseByPool()).isEqualTo("rpool");
    }

    @Test
    void verboseTextAlwaysGoesToTheLogFile() throws Exception {
        SimHarness.Result quiet = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);
        String log = new String(sim.files.read("/var/log/zones/zoneadm.20261126T080000Z.lsm.move").orElseThrow(),
                StandardCharsets.UTF_8);

        assertThat(quiet.out().lines().count()).isEqualTo(5);
        assertThat(log).startsWith("==== Starting:  ====\nProgress being logged to ");
        assertThat(log).contains("Verifying zone 'lsm' live/persistent configurations match:\n  OK\n",
                " resilvered at ", "Live storage migration succeeded.\n");
    }

    @Test
    void theLogHoldsExactlyTheVerboseTextOfARun() throws Exception {
        SimHarness.Result verbose = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);
        String log = new String(sim.files.read("/var/log/zones/zoneadm.20261126T080000Z.lsm.move").orElseThrow(),
                StandardCharsets.UTF_8);

        assertThat(log).isEqualTo(verbose.out().substring("Verbose progress output to terminal enabled.\n".length()));
    }

    @Test
    void sigintDuringResilverRollsBackWithTheRealText() throws Exception {
        assertThat(sim.run(ROOT, "zfs", "create", "-V", "16G", "rpool/VARSHARE/zones/mykz/disk1").status()).isZero();
        String exportBefore = sim.run(ROOT, "zonecfg", "-z", "mykz", "export").out();
        String liveBefore = sim.run(ROOT, "zonecfg", "-z", "mykz", "-r", "export").out();

        SimHarness.Result r = sim.runUntil(ROOT, out -> count(out, " resilvered at ") >= 10, Signal.INT,
                "zoneadm", "-z", "mykz", "move", "-v", "-p", MYKZ_DISK1);

        assertThat(r.status()).isEqualTo(1);
        assertThat(Transcripts.normalize(Transcripts.from(r.all(), "Attaching new disks.")))
                .containsExactlyElementsOf(Transcripts.normalize(Transcripts.real("sigint-rollback.txt")));
        assertThat(r.err()).isEqualTo("zoneadm: zone 'mykz': 'move' terminated by signal SIGINT.\n"
                + "zoneadm: zone 'mykz': move failed.\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "mykz", "export").out()).isEqualTo(exportBefore);
        assertThat(sim.run(ROOT, "zonecfg", "-z", "mykz", "-r", "export").out()).isEqualTo(liveBefore);
        assertThat(poolDisks("mykz")).containsExactly("c1d0:ONLINE");
        assertThat(sim.run(ROOT, "zlogin", "mykz", "zpool", "status", "-x").out()).isEqualTo("all pools are healthy\n");
    }

    @Test
    void sigtermAndSighupRollBackUnderTheirOwnNames() throws Exception {
        for (Signal s : List.of(Signal.TERM, Signal.HUP)) {
            SimHarness.Result r = sim.runUntil(ROOT, out -> count(out, " resilvered at ") >= 3, s,
                    "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).contains("Signal " + s.sigName() + " caught.\n", "Clean-up successful.\n");
            assertThat(r.err()).contains("'move' terminated by signal " + s.sigName() + ".");
            assertThat(poolDisks("lsm")).containsExactly("c1d1:ONLINE");
        }
    }

    @Test
    void defaultModeRollbackShowsTheSentencesOnly() throws Exception {
        SimHarness.Result r = sim.runUntil(ROOT, out -> out.contains("Waiting for disks to resilver."), Signal.INT,
                "zoneadm", "-z", "lsm", "move", "-p", LUN6);

        assertThat(r.out()).isEqualTo(
                "Progress being logged to /var/log/zones/zoneadm.20261126T080000Z.lsm.move\n"
                        + "Attaching new disks.\n"
                        + "Waiting for disks to resilver.\n"
                        + "Signal SIGINT caught.\n"
                        + "Please be patient while we properly clean up...\n"
                        + "!! Interrupting now may leave your zone in inconsistent state !!\n"
                        + "Detaching new disks that might have been already attached.\n"
                        + "Removing devices already added to the persistent zone config.\n"
                        + "Reverting live zone configuration to its original state.\n"
                        + "Clean-up successful.\n");
    }

    @Test
    void aSecondSignalDuringCleanUpIsIgnored() throws Exception {
        SimHarness.Run run = sim.start(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);
        assertThat(sim.runTo(run, out -> count(out, " resilvered at ") >= 2)).isTrue();
        sim.signal(run, Signal.INT);
        boolean second = sim.runTo(run, out -> out.contains("Detaching new disks"));
        sim.signal(run, Signal.INT);
        SimHarness.Result r = sim.finish(run);
        assertThat(second).isTrue();
        assertThat(r.out()).contains("Clean-up successful.\n");
        assertThat(count(r.out(), "Signal SIGINT caught.")).isEqualTo(1);
        assertThat(poolDisks("lsm")).containsExactly("c1d1:ONLINE");
    }

    @Test
    void aSignalAfterTheOriginalsAreDetachedCompletesTheMove() throws Exception {
        SimHarness.Result r = sim.runUntil(ROOT, out -> out.contains("Detaching original disks"), Signal.INT,
                "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Signal SIGINT caught.\n!! Original disks are already detached, the move can no longer"
                + " be rolled back and will complete !!\n");
        assertThat(r.out()).endsWith("Live storage migration succeeded.\n");
        assertThat(poolDisks("lsm")).containsExactly("c1d2:ONLINE");
    }

    @Test
    void sameSeedGivesByteIdenticalOutput() throws Exception {
        SimHarness.Result a = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);
        try (SimHarness other = new SimHarness(Transcripts.testHost())) {
            SimHarness.Result b = other.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", LUN6);
            assertThat(b.out()).isEqualTo(a.out());
        }
    }

    @Test
    void theAnnouncementsQuickTestWorksAsWritten() throws Exception {
        assertThat(sim.run(ROOT, "zfs", "create", "-V", "16G", "rpool/VARSHARE/zones/mykz/disk1").status()).isZero();
        assertThat(sim.run(ROOT, "zfs", "list", "-t", "volume").out()).contains("rpool/VARSHARE/zones/mykz/disk1 ");

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "mykz", "move", "-v", "-p", MYKZ_DISK1);

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("  c1d1:\n    URI: " + MYKZ_DISK1 + "\n    Mapped to: /dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk1\n"
                + "    Boot priority: 0\n    Device ID: 1\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "mykz", "info", "device").out())
                .isEqualTo("device:\n\tmatch not specified\n\tstorage: " + MYKZ_DISK1 + "\n\tid: 1\n\tbootpri: 0\n");
    }

    @Test
    void explicitDeviceIdsAreUsedAndOthersFollowTheMaximum() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-x", "force-zpool-attach",
                "-p", LUN2, "-x", "id=98", "-p", LUN4);

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("  c1d98:\n    URI: " + LUN2, "  c1d99:\n    URI: " + LUN4);
    }

    @Test
    void mirrorToSingleDiskKeepsDataDisksAndTakesTheHighestBootPriority() throws Exception {
        String target = "lu:luname.naa.5000CCA0CAFEF00D";
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "kzmirror", "move", "-v", "-p", target);

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Non-bootable disks zone 'kzmirror' configuration are:\n  c1d4:\n"
                + "    URI: dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzmirror/data\n");
        assertThat(r.out()).contains("Disks in the zone 'kzmirror' zpool 'rpool' are:\n  c1d0 (bootpri=1)\n  c1d1 (bootpri=2)\n"
                + "Highest boot disk priority in zpool 'rpool':\n  1\n");
        assertThat(r.out()).contains("  c1d5:\n    URI: " + target + "\n    Mapped to: /dev/dsk/c0t5000CCA0CAFEF00Dd0\n"
                + "    Boot priority: 1\n    Device ID: 5\n");
        assertThat(r.out()).contains("Detaching original disks from zone 'kzmirror' root zpool:\n  c1d0:\n    OK\n  c1d1:\n    OK\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "kzmirror", "export").out()).contains(
                "add device\nset storage=dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzmirror/data\nset id=4\nend\n"
                        + "add device\nset storage=" + target + "\nset bootpri=1\nset id=5\nend\n")
                .doesNotContain("disk0", "disk1");
        assertThat(poolDisks("kzmirror")).containsExactly("c1d5:ONLINE");
    }

    private List<String> poolDisks(String zone) {
        synchronized (sim.host.lock()) {
            return sim.host.zone(zone).orElseThrow().pool().disks().stream().map(d -> d.name() + ":" + d.state()).toList();
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
