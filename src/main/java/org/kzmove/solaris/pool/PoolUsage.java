package org.kzmove.solaris.pool;

import java.util.Objects;

/**
 * One row of {@code zpool list}: space of a pool.
 *
 * @param capacityPercent the CAP column (allocated / size, rounded down by zpool)
 * @param dedupRatio      the DEDUP column, e.g. 1.00
 * @param health          null when the column held an unknown word
 * @param altroot         null when zpool printed {@code -}
 */
public record PoolUsage(String name, long sizeBytes, long allocatedBytes, long freeBytes, int capacityPercent,
        double dedupRatio, VdevState health, String altroot) {

    public PoolUsage {
        Objects.requireNonNull(name, "name");
    }

    /** A pool with the CAP column computed as zpool does: integer percent, rounded down. */
    public static PoolUsage of(String name, long size, long allocated, VdevState health) {
        int cap = size == 0 ? 0 : (int) (allocated * 100 / size);
        return new PoolUsage(name, size, allocated, size - allocated, cap, 1.0, health, null);
    }
}
