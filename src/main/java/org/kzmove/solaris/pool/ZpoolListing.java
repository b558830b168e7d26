package org.kzmove.solaris.pool;

import java.util.List;
import java.util.Optional;

/** What {@link ZpoolListParser} made of {@code zpool list} output. */
public record ZpoolListing(List<PoolUsage> pools, List<String> unrecognizedLines) {

    public ZpoolListing {
        pools = List.copyOf(pools);
        unrecognizedLines = List.copyOf(unrecognizedLines);
    }

    public Optional<PoolUsage> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public int unrecognizedCount() {
        return unrecognizedLines.size();
    }
}
