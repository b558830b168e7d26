package org.kzmove.sim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kzmove.sim.host.SimHarness.ROOT;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output formats of the non-move commands against the reference samples. */
class CommandFormatsTest {
    private final SimHarness sim = new SimHarness(Transcripts.testHost());

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void zoneadmListVerboseUsesTheElevenFourColumns() throws Exception {
        String out = sim.run(ROOT, "zoneadm", "list", "-cv").out();

        assertThat(out).startsWith(
                "  ID NAME             STATUS      PATH                         BRAND      IP    \n"
                        + "   0 global           running     /                            solaris    shared\n"
                        + "   1 lsm              running     -                            solaris-kz excl  \n");
        assertThat(out).contains("   3 s11              running     /system/zones/s11            solaris    excl  \n");
        assertThat(out).endsWith("   - kzoff            installed   -                            solaris-kz excl  \n");
    }

    @Test
    void zoneadmListParsableHasTenFields() throws Exception {
        String out = sim.run(ROOT, "zoneadm", "list", "-ip").out();

        assertThat(out).startsWith("0:global:running:/::solaris:shared:-:none:\n"
                + "1:lsm:running:/system/volatile/zones/lsm/zonepath:29be88cb-e61a-4204-8d9b-f4a61bf0efdd:solaris-kz:excl:-:solaris-kz:\n");
        assertThat(out).contains("-:kzoff:installed:/system/volatile/zones/kzoff/zonepath::solaris-kz:excl:-:solaris-kz:\n");
        assertThat(sim.run(ROOT, "zoneadm", "list").out()).doesNotContain("kzoff");
    }

    @Test
    void zonecfgInfoUsesTabsAndShowsEveryDevice() throws Exception {
        String out = sim.run(ROOT, "zonecfg", "-z", "kzdrift", "-r", "info").out();

        assertThat(out).startsWith("zonename: kzdrift\nbrand: solaris-kz\nautoboot: true\nautoshutdown: shutdown\nbootargs:\n");
        assertThat(out).contains("device:\n\tmatch not specified\n\tstorage: dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzdrift/scratch\n"
                + "\tid: 5\n\tbootpri not specified\n");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "kzdrift", "info").out()).doesNotContain("scratch");
        assertThat(sim.run(ROOT, "zonecfg", "-z", "kzoff", "-r", "info").status()).isEqualTo(1);
    }

    @Test
    void zpoolStatusInTheGuestNamesDisksByDeviceId() throws Exception {
        assertThat(sim.run(ROOT, "zlogin", "lsm", "zpool", "status").out()).isEqualTo(
                "  pool: rpool\n"
                        + " state: ONLINE\n"
                        + "  scan: none requested\n"
                        + "config:\n\n"
                        + "\tNAME    STATE     READ WRITE CKSUM\n"
                        + "\trpool   ONLINE       0     0     0\n"
                        + "\t  c1d1  ONLINE       0     0     0\n\n"
                        + "errors: No known data errors\n");
        assertThat(sim.run(ROOT, "zlogin", "lsm", "zpool", "status", "-x", "rpool").out()).isEqualTo("pool 'rpool' is healthy\n");
        assertThat(sim.run(ROOT, "zlogin", "kzsick", "zpool", "status", "-x").out()).contains(" state: DEGRADED\n");
        assertThat(sim.run(ROOT, "zlogin", "lsm", "zpool", "list").out())
                .isEqualTo("NAME    SIZE  ALLOC   FREE  CAP  DEDUP  HEALTH  ALTROOT\nrpool    16G   5.6G  10.4G  35%  1.00x  ONLINE  -\n");
        assertThat(sim.run(SimHarness.GUEST, "zlogin", "lsm", "zpool", "status").status()).isEqualTo(1);
    }

    @Test
    void zpoolStatusShowsAResilverInProgress() throws Exception {
        SimHarness.Run run = sim.start(ROOT, "zoneadm", "-z", "lsm", "move", "-p",
                "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006");
        assertThat(sim.runTo(run, out -> sim.files.read("/var/log/zones/zoneadm.20261126T080000Z.lsm.move").map(String::new)
                .orElse("").contains(" resilvered at "))).isTrue();
        String status = sim.run(ROOT, "zlogin", "lsm", "zpool", "status").out();
        assertThat(status).contains("status: One or more devices is currently being resilvered.  The pool will\n",
                "  scan: resilver in progress since Thu Nov 26 08:00:03 2026\n",
                "\t  mirror-0  ONLINE       0     0     0\n",
                "\t    c1d2    ONLINE       0     0     0  (resilvering)\n");
        assertThat(status).containsPattern("\n    \\S+ resilvered at \\S+/s, 0\\.00% done, \\S+ to go\n");
        assertThat(sim.finish(run).status()).isZero();
    }

    @Test
    void suriadmParsePrintsTheDocumentedTable() throws Exception {
        assertThat(sim.run(ROOT, "suriadm", "parse", "iscsi://target/luname.naa.600144F035FF8500000050C884E50001").out())
                .isEqualTo("PROPERTY    VALUE\nuri-type    iscsi\nhostname    target\nport        -\n"
                        + "luname      naa.600144F035FF8500000050C884E50001\n");
        assertThat(sim.run(ROOT, "suriadm", "parse", "dev:/dev/dsk/c4t1d0").out())
                .isEqualTo("PROPERTY    VALUE\nuri-type    dev\npath        /dev/dsk/c4t1d0\n");
        assertThat(sim.run(ROOT, "suriadm", "lookup-uri", "/dev/dsk/c4t1d0").out()).isEqualTo("dev:dsk/c4t1d0\n");
        assertThat(sim.run(ROOT, "suriadm", "lookup-uri", "-t", "iscsi", "/dev/dsk/c0t600144F0DBF8AF1900005FD25F0E0006d0").out())
                .isEqualTo("iscsi://mystorage/luname.naa.600144f0dbf8af1900005fd25f0e0006\n");
        assertThat(sim.run(ROOT, "suriadm", "lookup-mapping", "-H", "-o", "mapped-dev", "lu:luname.naa.5000CCA0CAFEF00D").out())
                .isEqualTo("/dev/dsk/c0t5000CCA0CAFEF00Dd0\n");
        assertThat(sim.run(ROOT, "suriadm", "lookup-mapping", "lu:luname.naa.5000CCA0CAFE0000").status()).isEqualTo(1);
    }

    @Test
    void zfsVolumesCanBeCreatedListedAndDestroyed() throws Exception {
        assertThat(sim.run(ROOT, "zfs", "create", "-V", "16G", "rpool/VARSHARE/zones/mykz/disk9").status()).isZero();
        assertThat(sim.run(ROOT, "zfs", "create", "-V", "16G", "rpool/VARSHARE/zones/mykz/disk9").err())
                .isEqualTo("cannot create 'rpool/VARSHARE/zones/mykz/disk9': dataset already exists\n");
        assertThat(sim.run(ROOT, "zfs", "create", "-V", "1G", "tank/x").err()).isEqualTo("cannot create 'tank/x': no such pool 'tank'\n");
        assertThat(sim.run(SimHarness.GUEST, "zfs", "create", "-V", "1G", "rpool/x").status()).isEqualTo(1);
        assertThat(sim.run(ROOT, "zfs", "list", "-t", "volume").out()).contains("rpool/VARSHARE/zones/mykz/disk9 ");
        assertThat(sim.run(ROOT, "zfs", "destroy", "rpool/VARSHARE/zones/mykz/disk0").err())
                .isEqualTo("cannot destroy 'rpool/VARSHARE/zones/mykz/disk0': dataset is busy\n");
        assertThat(sim.run(ROOT, "zfs", "destroy", "rpool/VARSHARE/zones/mykz/disk9").status()).isZero();
        assertThat(sim.host.storageItem("dev:/dev/zvol/dsk/rpool/VARSHARE/zones/mykz/disk9")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kz1/disk0           | dev:zvol/dsk/rpool/VARSHARE/zones/kz1/disk0 | /dev/zvol/dsk/rpool/VARSHARE/zones/kz1/disk0
            dev:///dev/dsk/c0t0d0s0                                    | dev:dsk/c0t0d0s0                            | /dev/dsk/c0t0d0s0
            dev:dsk/c4t1d0                                             | dev:dsk/c4t1d0                              | /dev/dsk/c4t1d0
            iscsi://Target:3260/luname.naa.600144F035FF8500000050C884E50001 | iscsi://target/luname.naa.600144f035ff8500000050c884e50001 | /dev/dsk/c0t600144F035FF8500000050C884E50001d0
            iscsi://[::1]:3261/luname.eui.0021280001CF80F6             | iscsi://[::1]:3261/luname.eui.0021280001cf80f6 | /dev/dsk/c0t0021280001CF80F6d0
            lu:luname.naa.5000c5000288fa25                             | lu:luname.naa.5000c5000288fa25              | /dev/dsk/c0t5000C5000288FA25d0
            lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | lu:initiator.naa.2100001d38089fb0,target.naa.2100001d38089fb0,luname.naa.5000c5000288fa25 | /dev/dsk/c0t5000C5000288FA25d0
            """)
    void urisAreNormalisedAndMapped(String uri, String normal, String device) throws Exception {
        org.kzmove.solaris.storage.StorageUri p = org.kzmove.solaris.storage.StorageUris.parse(uri);
        assertThat(p.normalized()).isEqualTo(normal);
        assertThat(HostDevices.mappedDevice(p)).isEqualTo(device);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            foo:bar
            dev:
            dev:/dev/dsk/c0t0d0 s0
            lu:luname.xyz.1234
            iscsi://host/luname.naa.XYZ
            nfs://host/export/file
            nodelimiter
            """)
    void invalidUrisAreRefused(String uri) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.kzmove.solaris.storage.StorageUris.parse(uri))
                .isInstanceOf(org.kzmove.solaris.storage.InvalidStorageUriException.class);
    }
}
