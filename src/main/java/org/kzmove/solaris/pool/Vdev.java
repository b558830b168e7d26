package org.kzmove.solaris.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.kzmove.solaris.units.SolarisSize;

/**
 * One line of the {@code config:} tree of {@code zpool status} and the lines under it.
 *
 * @param state      null only for a section heading ({@code logs}, {@code cache}, {@code spares})
 * @param read       the READ column as printed ({@code 0}, {@code 1.2K}); null when the line has no
 *                   error columns (spares, headings)
 * @param annotation what follows the columns, without the two separating spaces:
 *                   {@code (resilvering)}, {@code was /dev/dsk/c1d1s0}, {@code cannot open}; null if none
 */
public record Vdev(String name, VdevState state, String read, String write, String cksum, String annotation,
        List<Vdev> children) {
    private static final Pattern MIRROR = Pattern.compile("mirror-\\d+");
    private static final Pattern RAIDZ = Pattern.compile("raidz[123]?-\\d+");
    private static final Pattern REPLACING = Pattern.compile("replacing-\\d+");
    private static final Pattern SPARE = Pattern.compile("spare-\\d+");

    public Vdev {
        Objects.requireNonNull(name, "name");
        children = List.copyOf(children);
    }

    /** A healthy vdev with zero errors. */
    public static Vdev online(String name, Vdev... children) {
        return new Vdev(name, VdevState.ONLINE, "0", "0", "0", null, List.of(children));
    }

    public static Vdev section(String name, Vdev... children) {
        return new Vdev(name, null, null, null, null, null, List.of(children));
    }

    public Vdev withChildren(List<Vdev> newChildren) {
        return new Vdev(name, state, read, write, cksum, annotation, newChildren);
    }

    public Vdev withAnnotation(String newAnnotation) {
        return new Vdev(name, state, read, write, cksum, newAnnotation, children);
    }

    public Vdev withState(VdevState newState) {
        return new Vdev(name, newState, read, write, cksum, annotation, children);
    }

    public VdevType type() {
        if (state == null) {
            return VdevType.SECTION;
        }
        if (MIRROR.matcher(name).matches()) {
            return VdevType.MIRROR;
        }
        if (RAIDZ.matcher(name).matches()) {
            return VdevType.RAIDZ;
        }
        if (REPLACING.matcher(name).matches()) {
            return VdevType.REPLACING;
        }
        if (SPARE.matcher(name).matches()) {
            return VdevType.SPARE;
        }
        return children.isEmpty() ? VdevType.LEAF : VdevType.OTHER;
    }

    public boolean isResilvering() {
        return "(resilvering)".equals(annotation);
    }

    /** The path after {@code was} in a {@code was /dev/...} annotation, or null. */
    public String wasPath() {
        return annotation != null && annotation.startsWith("was ") ? annotation.substring(4) : null;
    }

    public OptionalLong readErrors() {
        return count(read);
    }

    public OptionalLong writeErrors() {
        return count(write);
    }

    public OptionalLong checksumErrors() {
        return count(cksum);
    }

    /** This vdev and everything below it, depth first in printed order. */
    public List<Vdev> flatten() {
        List<Vdev> all = new ArrayList<>();
        walk(all::add);
        return all;
    }

    public void walk(Consumer<Vdev> visitor) {
        visitor.accept(this);
        for (Vdev c : children) {
            c.walk(visitor);
        }
    }

    /** Error counts go through zfs_nicenum(), so 1500 errors print as {@code 1.46K}. */
    private static OptionalLong count(String text) {
        return text == null ? OptionalLong.empty() : SolarisSize.parse(text);
    }
}
