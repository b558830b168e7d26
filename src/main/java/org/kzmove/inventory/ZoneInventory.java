package org.kzmove.inventory;

import java.util.List;
import java.util.Optional;

import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.zone.Zone;

/**
 * What kzmove knows of one zone of a host. Any part that could not be read is null and the
 * reason is in {@link #problems()}: one zone's failure never hides the others.
 *
 * @param persistentConfig {@code zonecfg -z Z export}
 * @param liveConfig       {@code zonecfg -z Z -r export} (running kernel zones only)
 * @param rootPool         the guest's {@code zpool status rpool} (running kernel zones only)
 * @param rootPoolUsage    the guest's {@code zpool list} row for rpool
 */
public record ZoneInventory(Zone zone, ZoneConfig persistentConfig, ZoneConfig liveConfig, Pool rootPool,
        PoolUsage rootPoolUsage, List<String> problems) {

    public ZoneInventory {
        problems = List.copyOf(problems);
    }

    public Optional<Pool> pool() {
        return Optional.ofNullable(rootPool);
    }

    /** True when both configurations were read and their devices differ (zoneadm move refuses such a zone). */
    public boolean configurationsDiffer() {
        return persistentConfig != null && liveConfig != null
                && !persistentConfig.devices().equals(liveConfig.devices());
    }
}
