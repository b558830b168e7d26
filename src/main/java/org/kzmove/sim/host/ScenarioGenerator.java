package org.kzmove.sim.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.kzmove.sim.host.scenario.HostScenario;
import org.kzmove.sim.host.scenario.HostScenario.DeviceSpec;
import org.kzmove.sim.host.scenario.HostScenario.PoolSpec;
import org.kzmove.sim.host.scenario.HostScenario.StorageSpec;
import org.kzmove.sim.host.scenario.HostScenario.UserSpec;
import org.kzmove.sim.host.scenario.HostScenario.ZoneSpec;

/**
 * Builds a large host for scale work ({@code --zones N}): mostly running kernel zones with one to
 * three disks of mixed URI types, pools from a few GB to a few hundred GB, and two free LUNs per
 * zone as move targets. The same arguments always give the same scenario.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {
    }

    public static HostScenario generate(int zoneCount, long seed) {
        if (zoneCount < 0 || zoneCount > 100_000) {
            throw new IllegalArgumentException("zone count must be within 0..100000, got " + zoneCount);
        }
        SplittableRandom r = new SplittableRandom(seed);
        List<ZoneSpec> zones = new ArrayList<>();
        List<StorageSpec> storage = new ArrayList<>();
        int width = Math.max(3, Integer.toString(zoneCount).length());
        for (int i = 1; i <= zoneCount; i++) {
            String name = String.format(Locale.ROOT, "kz%0" + width + "d", i);
            int roll = r.nextInt(100);
            String state = roll < 80 ? "running" : roll < 95 ? "installed" : "configured";
            long poolGiB = new long[] {4, 8, 16, 16, 20, 32, 50, 64, 100, 200, 300}[r.nextInt(11)];
            long allocMiB = poolGiB * 1024 * (15 + r.nextInt(55)) / 100;
            int disks = 1 + (r.nextInt(10) < 7 ? 0 : r.nextInt(10) < 7 ? 1 : 2);
            List<DeviceSpec> devices = new ArrayList<>();
            List<Integer> poolDisks = new ArrayList<>();
            for (int d = 0; d < disks; d++) {
                devices.add(new DeviceSpec(d, uri(r, name, d), d < 2 ? 0 : null));
                if (d < 2) {
                    poolDisks.add(d);
                }
            }
            zones.add(new ZoneSpec(name, "solaris-kz", state, uuid(r), true, String.format("0x%08x", r.nextInt() & 0x7fffffff),
                    new String[] {"2G", "4G", "8G", "16G"}[r.nextInt(4)], 2 + 2 * r.nextInt(4), devices, null,
                    new PoolSpec("rpool", poolGiB + "G", allocMiB + "M", null, poolDisks), null, null));
            for (int f = 0; f < 2; f++) {
                storage.add(new StorageSpec(iscsi(r), (poolGiB + 16L * r.nextInt(3)) + "G", null, null, null));
            }
        }
        return new HostScenario("sim-host-" + zoneCount, seed, defaultUsers(), null, storage, zones, List.of("rpool"), null, null);
    }

    /** root, an administrator with "Zone Management" who may also sudo, and an ordinary user. */
    public static List<UserSpec> defaultUsers() {
        return List.of(
                new UserSpec("root", 0, List.of(), false, null),
                new UserSpec("kzadmin", 101, List.of("Zone Management"), true, null),
                new UserSpec("guest", 102, List.of(), false, null));
    }

    private static String uri(SplittableRandom r, String zone, int disk) {
        return switch (r.nextInt(3)) {
            case 0 -> "dev:/dev/zvol/dsk/rpool/VARSHARE/zones/" + zone + "/disk" + disk;
            case 1 -> iscsi(r);
            default -> String.format(Locale.ROOT, "lu:luname.naa.5000CCA0%08X", r.nextInt() & 0xffffffffL);
        };
    }

    private static String iscsi(SplittableRandom r) {
        return String.format(Locale.ROOT, "iscsi://zfssa01/luname.naa.600144F0%08X%08X%08X",
                r.nextInt() & 0xffffffffL, r.nextInt() & 0xffffffffL, r.nextInt() & 0xffffffffL);
    }

    private static String uuid(SplittableRandom r) {
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-%04x-%012x", r.nextInt() & 0xffffffffL, r.nextInt(0x10000),
                r.nextInt(0x1000), 0x8000 | r.nextInt(0x4000), r.nextLong() & 0xffffffffffffL);
    }
}
