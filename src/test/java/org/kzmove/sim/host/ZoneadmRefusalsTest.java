package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Moves refused before anything changes: wrong zone, wrong state, bad arguments, bad URIs, no privilege. */
class ZoneadmRefusalsTest {
    private static final String LUN6 = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";

    private final SimHarness sim = new SimHarness(Transcripts.testHost());

    @AfterEach
    void close() {
        sim.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nosuch  | zoneadm: zone 'nosuch': No such zone configured
            kzoff   | zoneadm: zone 'kzoff': move operation is invalid for installed zones.
            s11     | zoneadm: zone 's11': live storage migration (-p) is supported only for solaris-kz zones.
            global  | zoneadm: zone 'global': move operation is invalid for the global zone.
            """)
    void zonesThatCannotMoveAreRefused(String zone, String message) throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", zone, "move", "-p", LUN6);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(message + "\n");
        assertThat(sim.files.exists("/var/log/zones")).isFalse();
    }

    @Test
    void ordinaryUserGetsAPermissionError() throws Exception {
        SimHarness.Result r = sim.run(SimHarness.GUEST, "zoneadm", "-z", "lsm", "move", "-p", LUN6);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("zoneadm: zone 'lsm': insufficient privileges to perform this operation\n");
    }

    @Test
    void zoneManagementProfileThroughPfexecMayMove() throws Exception {
        assertThat(sim.run(SimHarness.ADMIN_PFEXEC, "zoneadm", "-z", "lsm", "move", "-p", LUN6).status()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -v
            -x force-zpool-attach
            -x id=4 -p iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006
            -p iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006 -x bogus
            -p iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006 -x id=x
            -p iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006 -q
            -p iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006 extra
            -p
            """)
    void badArgumentsAreUsageErrors(String args) throws Exception {
        String[] argv = ("zoneadm -z lsm move " + args).split(" ");
        SimHarness.Result r = sim.run(ROOT, argv);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).endsWith("usage:\tmove [-v] -p <URI> [-x id=<N>] [-p <URI> [-x id=<N>]]... [-x force-zpool-attach]\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            bogus:thing                                                     | ERROR: invalid storage URI: unsupported scheme 'bogus' (expected dev:, lu:, iscsi://, nfs:// or file://)
            iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0EFFFF   | ERROR: cannot open '/dev/dsk/c0t600144F0DBF8AF1900005FD25F0EFFFFd0': No such device
            ISCSI://MYSTORAGE:3260/LUNAME.NAA.600144F0DBF8AF1900005FD25E490003 | ERROR: already used by c1d1
            """)
    void badUrisAreRefusedUnderTheirCheck(String uri, String error) throws Exception {
        String before = sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out();

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-v", "-p", uri);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).endsWith("Verifying input URIs are not already used in zone 'lsm' configuration:\n  " + uri + "\n    "
                + error + "\n==== Completed:   ====\n");
        SimHarness.Result quiet = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6, "-p", uri);
        assertThat(quiet.out()).endsWith(".lsm.move\nVerifying input URIs are not already used in zone 'lsm' configuration:\n  "
                + uri + "\n    " + error + "\n");
        assertThat(r.err()).isEqualTo("zoneadm: zone 'lsm': move failed.\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out()).isEqualTo(before);
    }

    @Test
    void duplicateUrisAreRefused() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6, "-p", LUN6.toLowerCase());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).endsWith("Verifying there are no duplicates in the input URIs:\n  ERROR: '"
                + LUN6.toLowerCase() + "' is given more than once\n");
    }

    @Test
    void aSecondMoveOfTheSameZoneWaitsSilentlyForZoneadmsLockThenChecksTheChangedZone() throws Exception {
        SimHarness.Run first = sim.start(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);
        assertThat(sim.runTo(first, out -> out.contains("Waiting for disks to resilver."))).isTrue();
        SimHarness.Run second = sim.start(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6);
        org.kzmove.testsupport.Conditions.await("second zoneadm waiting for the zone's lock",
                () -> second.thread != null && second.thread.getState() == Thread.State.WAITING,
                java.time.Duration.ofSeconds(30));
        assertThat(second.out()).isEmpty();
        assertThat(second.status).isNotDone();

        assertThat(sim.finish(first).status()).isZero();
        SimHarness.Result r = sim.finish(second);

        // Solaris: F_SETLKW blocks; the second move then runs its checks against the zone as the first left it.
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("Verifying input URIs are not already used in zone 'lsm' configuration:")
                .contains("ERROR: already used by");
    }

    @Test
    void stateChangesTakeSimulatedTimeAndAreCheckedAgainstTheState() throws Exception {
        assertThat(sim.run(ROOT, "zoneadm", "-z", "kzoff", "shutdown").err())
                .isEqualTo("zoneadm: zone 'kzoff': shutdown operation is invalid for installed zones.\n");
        java.time.Instant before = sim.clock.now();
        assertThat(sim.run(ROOT, "zoneadm", "-z", "kzoff", "boot").status()).isZero();
        assertThat(sim.clock.now()).isAfter(before);
        assertThat(sim.run(ROOT, "zoneadm", "list").out()).contains("kzoff\n");
        assertThat(sim.run(ROOT, "zoneadm", "-z", "kzoff", "boot").err())
                .isEqualTo("zoneadm: zone 'kzoff': boot operation is invalid for running zones.\n");
        assertThat(sim.run(ROOT, "zoneadm", "-z", "kzoff", "shutdown").status()).isZero();
        assertThat(sim.run(ROOT, "zoneadm", "list", "-p").out()).doesNotContain("kzoff");
        assertThat(sim.run(ROOT, "zoneadm", "-z", "lsm", "halt").status()).isZero();
        assertThat(sim.run(ROOT, "zlogin", "lsm", "zpool", "status").err())
                .isEqualTo("zlogin: login allowed only to running zones (lsm is 'installed').\n");
    }

    @Test
    void anExplicitDeviceIdAlreadyInUseIsRefusedBeforeAnyChange() throws Exception {
        String before = sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out();

        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-p", LUN6, "-x", "id=1");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).endsWith("Adding new storage devices to zone 'lsm' persistent config:\n  ERROR: device id 1 is already in use\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "lsm", "export").out()).isEqualTo(before);
    }

    @Test
    void listOfOneZone() throws Exception {
        assertThat(sim.run(ROOT, "zoneadm", "-z", "kzoff", "list", "-p").out())
                .isEqualTo("-:kzoff:installed:/system/volatile/zones/kzoff/zonepath::solaris-kz:excl:-:solaris-kz:\n");
        assertThat(sim.run(ROOT, "zoneadm", "-z", "nosuch", "list").err()).isEqualTo("zoneadm: zone 'nosuch': No such zone configured\n");
        assertThat(sim.run(ROOT, "zoneadm", "list", "-pv").status()).isEqualTo(1);
    }

    @Test
    void groupedAndAttachedOptionsAreAcceptedAsGetoptDoes() throws Exception {
        SimHarness.Result r = sim.run(ROOT, "zoneadm", "-z", "lsm", "move", "-vp" + LUN6);

        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Verbose progress output to terminal enabled.\n");
    }
}
