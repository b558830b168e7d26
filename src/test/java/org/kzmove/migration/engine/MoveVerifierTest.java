package org.kzmove.migration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kzmove.migration.job.JobRecord.Verification;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.config.ZonecfgParser;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.ScanStatus;
import org.kzmove.solaris.pool.Vdev;

/** What counts as "the zone is as the outcome promises". */
class MoveVerifierTest {
    static final String NEW = "iscsi://mystorage/luname.naa.600144F0DBF8AF1900005FD25F0E0006";
    static final String OLD = "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kz1/disk0";

    private static ZoneConfig config(String... devices) {
        StringBuilder sb = new StringBuilder("create -b\nset brand=solaris-kz\n");
        for (String d : devices) {
            String[] p = d.split(" ");
            sb.append("add device\nset storage=").append(p[0]).append("\nset id=").append(p[1]).append('\n');
            if (p.length > 2) {
                sb.append("set bootpri=").append(p[2]).append('\n');
            }
            sb.append("end\n");
        }
        return ZonecfgParser.parse(sb.toString()).config();
    }

    private static Pool pool(String... disks) {
        Vdev[] leaves = new Vdev[disks.length];
        for (int i = 0; i < disks.length; i++) {
            leaves[i] = Vdev.online(disks[i]);
        }
        return Pool.healthy("rpool", ScanStatus.none(), Vdev.online("rpool", leaves));
    }

    @Test
    void newDisksOnlyWithTheOriginalBootPriorityPass() {
        ZoneConfig c = config(NEW + " 1 0");
        Verification v = new MoveVerifier().verify(new ZoneStorage(c, c, pool("c1d1"), null, List.of()), List.of(NEW), 0,
                true);
        assertThat(v.ok()).as(v.problems().toString()).isTrue();
    }

    @Test
    void originalStillPresentAfterSuccessIsReported() {
        ZoneConfig c = config(OLD + " 0 0", NEW + " 1 0");
        Verification v = new MoveVerifier().verify(new ZoneStorage(c, c, pool("c1d0", "c1d1"), null, List.of()),
                List.of(NEW), 0, true);
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("persistent configuration"));
        assertThat(v.problems()).anyMatch(p -> p.contains("root pool disks"));
    }

    @Test
    void wrongBootPriorityIsReported() {
        ZoneConfig c = config(NEW + " 1 3");
        Verification v = new MoveVerifier().verify(new ZoneStorage(c, c, pool("c1d1"), null, List.of()), List.of(NEW), 0,
                true);
        assertThat(v.problems()).containsExactly("disk c1d1 has boot priority 3, expected 0");
    }

    @Test
    void liveConfigurationThatKeptTheNewDiskAfterRollbackIsReported() {
        ZoneConfig persistent = config(OLD + " 0 0");
        ZoneConfig live = config(OLD + " 0 0", NEW + " 1 0");
        Verification v = new MoveVerifier().verify(new ZoneStorage(persistent, live, pool("c1d0"), null, List.of()),
                List.of(OLD), null, false);
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.contains("live configuration"));
    }
}
