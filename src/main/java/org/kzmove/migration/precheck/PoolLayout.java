package org.kzmove.migration.precheck;

import java.util.List;
import java.util.Optional;

import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.Vdev;
import org.kzmove.solaris.pool.VdevType;

/**
 * The vdev layouts {@code zoneadm move} handles ("Checking zpool 'rpool' vdev configuration"): a
 * root pool of one disk or of one mirror of disks. [INFERENCE] The real check's rules are not
 * published; a root pool cannot be raidz or striped anyway, and a replacing or spare vdev means
 * another operation is under way.
 */
final class PoolLayout {
    private PoolLayout() {
    }

    /** Why the layout is unsupported, or empty when it is fine. */
    static Optional<String> problem(Pool pool) {
        Vdev root = pool.root();
        if (root == null) {
            return Optional.of("no configuration tree in zpool status");
        }
        if (!pool.auxiliary().isEmpty()) {
            return Optional.of("log, cache or spare devices");
        }
        List<Vdev> top = root.type() == VdevType.LEAF ? List.of(root) : root.children();
        if (top.size() != 1) {
            return Optional.of(top.size() + " top-level vdevs (a striped pool)");
        }
        Vdev only = top.get(0);
        if (only.type() == VdevType.LEAF) {
            return Optional.empty();
        }
        if (only.type() != VdevType.MIRROR) {
            return Optional.of("a " + only.name() + " vdev");
        }
        for (Vdev child : only.children()) {
            if (child.type() != VdevType.LEAF) {
                return Optional.of("a " + child.name() + " vdev inside " + only.name());
            }
        }
        return Optional.empty();
    }
}
