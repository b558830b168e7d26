package org.kzmove.solaris.pool;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ZpoolStatusParser} made of {@code zpool status} or {@code zpool status -x} output.
 *
 * @param pools             the pools printed in full
 * @param healthyPoolNames  pools reported by {@code -x} as {@code pool '<name>' is healthy}
 * @param allPoolsHealthy   {@code -x} printed {@code all pools are healthy}
 * @param noPoolsAvailable  zpool printed {@code no pools available}
 */
public record ZpoolStatus(List<Pool> pools, List<String> healthyPoolNames, boolean allPoolsHealthy,
        boolean noPoolsAvailable, List<String> unrecognizedLines) {

    public ZpoolStatus {
        pools = List.copyOf(pools);
        healthyPoolNames = List.copyOf(healthyPoolNames);
        unrecognizedLines = List.copyOf(unrecognizedLines);
    }

    public Optional<Pool> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public int unrecognizedCount() {
        return unrecognizedLines.size();
    }

    public boolean isClean() {
        return unrecognizedLines.isEmpty();
    }
}
