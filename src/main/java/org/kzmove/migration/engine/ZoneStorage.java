package org.kzmove.migration.engine;

import java.util.List;

import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;

/** A zone's disks as read from the host: both configurations and the guest's root pool; null parts were unreadable. */
record ZoneStorage(ZoneConfig persistent, ZoneConfig live, Pool pool, PoolUsage usage, List<String> problems) {
    ZoneStorage {
        problems = List.copyOf(problems);
    }
}
