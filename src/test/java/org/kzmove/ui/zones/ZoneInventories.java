package org.kzmove.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.config.ParsedZoneConfig;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.config.ZonecfgParser;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.pool.VdevState;
import org.kzmove.solaris.pool.ZpoolStatus;
import org.kzmove.solaris.pool.ZpoolStatusParser;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.SolarisRelease;
import org.kzmove.solaris.zone.Zone;
import org.kzmove.solaris.zone.ZoneState;

/**
 * Hand-made zone inventories for the zones views' tests, read from Solaris text with the real
 * parsers (zonecfg export, zpool status) the way the inventory reads a host.
 */
final class ZoneInventories {
    static final String DB01_BOOT0 = "iscsi://zfssa01/luname.naa.600144F03A37DFE702393E0FA6C8BBC2";
    static final String DB01_BOOT1 = "iscsi://zfssa01/luname.naa.600144F0A299E490BBED2CF3DFC8DF07";
    static final String DB01_DATA = "lu:luname.naa.5000CCA01E6F0464";
    static final String WEB01_DISK = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk0";
    static final String WEB01_LIVE_ONLY = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/web01/disk1";
    static final String TEST01_DISK = "lu:luname.naa.5000CCA01D29F2AF";

    private ZoneInventories() {
    }

    /** A host with db01, web01 (configurations differ), test01 (installed) and infra01 (a solaris zone). */
    static HostInventory host() {
        return new HostInventory("sol-kzhost01", SolarisRelease.parse("11.4.48.126.2").orElseThrow(), "11.4.48.126.2",
                List.of(db01(), web01Mismatched(), test01Installed(), infra01NotKernelZone()), List.of(), 4);
    }

    /**
     * Running; two bootable iSCSI disks in a mirror (c1d1 listed first, with the higher id), one
     * data disk; the pool resilvering c1d1.
     */
    static ZoneInventory db01() {
        ZoneConfig config = config("""
                create -b
                set brand=solaris-kz
                set autoboot=true
                add device
                set storage=%s
                set bootpri=0
                set id=1
                end
                add device
                set storage=%s
                set id=2
                end
                add device
                set storage=%s
                set bootpri=0
                set id=0
                end
                """.formatted(DB01_BOOT1, DB01_DATA, DB01_BOOT0));
        // Solaris 11.0 scan layout (solaris-formats.md §4.2): the 11.4 one is invented.
        Pool pool = pool("""
                  pool: rpool
                 state: DEGRADED
                status: One or more devices is currently being resilvered.  The pool will
                \tcontinue to function, possibly in a degraded state.
                action: Wait for the resilver to complete.
                  scan: resilver in progress since Sun May  7 02:28:22 2017
                    1.30G scanned out of 5.38G at 38.4M/s, 1h6m to go
                    1.29G resilvered, 24.16% done
                config:

                \tNAME        STATE     READ WRITE CKSUM
                \trpool       DEGRADED     0     0     0
                \t  mirror-0  DEGRADED     0     0     0
                \t    c1d0    ONLINE       0     0     0
                \t    c1d1    DEGRADED     0     0     3  (resilvering)

                errors: No known data errors
                """);
        return new ZoneInventory(zone(5, "db01", ZoneState.RUNNING, Brand.SOLARIS_KZ), config, config, pool,
                PoolUsage.of("rpool", size("200G"), size("131G"), VdevState.DEGRADED), List.of());
    }

    /** Running, one zvol disk; the live configuration has a second disk the persistent one lacks. */
    static ZoneInventory web01Mismatched() {
        String persistent = """
                create -b
                set brand=solaris-kz
                add device
                set storage=%s
                set bootpri=0
                set id=0
                end
                """.formatted(WEB01_DISK);
        String live = persistent + """
                add device
                set storage=%s
                set id=1
                end
                """.formatted(WEB01_LIVE_ONLY);
        Pool pool = pool("""
                  pool: rpool
                 state: ONLINE
                  scan: none requested
                config:

                \tNAME    STATE     READ WRITE CKSUM
                \trpool   ONLINE       0     0     0
                \t  c1d0  ONLINE       0     0     0

                errors: No known data errors
                """);
        return new ZoneInventory(zone(7, "web01", ZoneState.RUNNING, Brand.SOLARIS_KZ), config(persistent), config(live),
                pool, PoolUsage.of("rpool", size("16G"), size("5.6G"), VdevState.ONLINE), List.of());
    }

    /** Installed: the persistent configuration is read, the guest's pool is not. */
    static ZoneInventory test01Installed() {
        ZoneConfig config = config("""
                create -b
                set brand=solaris-kz
                add device
                set storage=%s
                set bootpri=0
                set id=0
                end
                """.formatted(TEST01_DISK));
        return new ZoneInventory(zone(null, "test01", ZoneState.INSTALLED, Brand.SOLARIS_KZ), config, null, null, null,
                List.of());
    }

    /** A running solaris (not kernel) zone: no devices, no pool of its own. */
    static ZoneInventory infra01NotKernelZone() {
        ZoneConfig config = config("""
                create -b
                set brand=solaris
                set zonepath=/system/zones/infra01
                """);
        return new ZoneInventory(zone(3, "infra01", ZoneState.RUNNING, Brand.SOLARIS), config, config, null, null,
                List.of());
    }

    /** Running, but its pool could not be read (zlogin failed). */
    static ZoneInventory poolUnreadable() {
        ZoneConfig config = config("""
                create -b
                set brand=solaris-kz
                add device
                set storage=%s
                set bootpri=0
                set id=0
                end
                """.formatted(WEB01_DISK));
        return new ZoneInventory(zone(9, "web02", ZoneState.RUNNING, Brand.SOLARIS_KZ), config, config, null, null,
                List.of("zlogin web02 zpool status failed: zone is not responding"));
    }

    static ZoneConfig config(String export) {
        ParsedZoneConfig parsed = ZonecfgParser.parse(export);
        assertThat(parsed.unrecognizedLines()).as("the test's zonecfg export is clean").isEmpty();
        return parsed.config();
    }

    private static Pool pool(String status) {
        ZpoolStatus parsed = ZpoolStatusParser.parse(status);
        assertThat(parsed.isClean()).as("the test's zpool status is clean").isTrue();
        return parsed.pools().get(0);
    }

    private static Zone zone(Integer id, String name, ZoneState state, Brand brand) {
        return new Zone(id, name, state, "/system/zones/" + name, "uuid-" + name, brand, "excl");
    }

    private static long size(String text) {
        return SolarisSize.parse(text).orElseThrow();
    }
}
