package org.kzmove.solaris.pool;

/**
 * What a line of the config tree is, told from its name as zpool_vdev_name() builds it
 * ({@code <type>-<id>} for interior vdevs).
 */
public enum VdevType {
    /** A disk or file: no children. */
    LEAF,
    MIRROR,
    RAIDZ,
    /** {@code replacing-N}: the temporary vdev of a {@code zpool replace}. */
    REPLACING,
    /** {@code spare-N}: a hot spare standing in for a disk. */
    SPARE,
    /** The {@code logs}, {@code cache} or {@code spares} heading under the pool's tree. */
    SECTION,
    /** Has children but a name of no known interior type (the pool's own root line, for one). */
    OTHER
}
