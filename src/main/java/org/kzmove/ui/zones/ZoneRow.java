package org.kzmove.ui.zones;

import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.units.SolarisSize;

/**
 * One line of the zones table, as text ready to show ("-" where the host told nothing).
 *
 * @param disks          the disks of the persistent configuration, -1 when it could not be read
 * @param rootPoolSize   the guest's root pool size (running kernel zones only)
 * @param rootPoolHealth the guest's root pool state, e.g. ONLINE or DEGRADED
 */
public record ZoneRow(String name, String state, String brand, int disks, String rootPoolSize, String rootPoolHealth,
        String problems) {

    public static ZoneRow of(ZoneInventory z) {
        int disks = z.persistentConfig() == null ? -1 : z.persistentConfig().devices().size();
        String size = z.rootPoolUsage() == null ? "-" : SolarisSize.format(z.rootPoolUsage().sizeBytes());
        String health = z.rootPool() == null ? "-" : String.valueOf(z.rootPool().state());
        return new ZoneRow(z.zone().name(), z.zone().state().solarisName(), z.zone().brand().name(), disks, size, health,
                String.join("; ", z.problems()));
    }

    /** The disk count as shown: "-" when unknown. */
    public String disksText() {
        return disks < 0 ? "-" : Integer.toString(disks);
    }
}
