package org.kzmove.ui.zones;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.Vdev;

/**
 * One line of a root pool's vdev tree as the zone detail shows it: plain data, so that the view
 * model stays free of controls and the view makes the tree items.
 *
 * @param name     the vdev's name: the pool, {@code mirror-0}, {@code c1d0}, or a section heading
 * @param state    its state, e.g. ONLINE or DEGRADED; "" for a section heading ({@code logs}, {@code spares})
 * @param note     errors and zpool's annotation, e.g. "2 checksum errors · (resilvering)"; "" if none
 * @param children the lines under it
 */
public record PoolNode(String name, String state, String note, List<PoolNode> children) {

    public PoolNode {
        children = List.copyOf(children);
    }

    /** The tree of {@code pool}: its root vdev, with the logs, cache and spares sections under it. */
    public static PoolNode of(Pool pool) {
        List<PoolNode> children = new ArrayList<>();
        if (pool.root() != null) {
            pool.root().children().forEach(v -> children.add(of(v)));
        }
        pool.auxiliary().forEach(v -> children.add(of(v)));
        Vdev root = pool.root();
        String state = pool.state() == null ? (root == null ? "-" : String.valueOf(root.state())) : pool.state().toString();
        return new PoolNode(pool.name(), state, root == null ? "" : note(root), children);
    }

    static PoolNode of(Vdev vdev) {
        return new PoolNode(vdev.name(), vdev.state() == null ? "" : vdev.state().toString(), note(vdev),
                vdev.children().stream().map(PoolNode::of).toList());
    }

    /** "c1d0  ONLINE  (resilvering)": what a tree line shows. */
    public String label() {
        StringBuilder b = new StringBuilder(name);
        if (!state.isEmpty()) {
            b.append("  ").append(state);
        }
        if (!note.isEmpty()) {
            b.append("  ").append(note);
        }
        return b.toString();
    }

    /** The names of this node and everything under it, depth first (for tests and searching). */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        children.forEach(c -> all.addAll(c.names()));
        return all;
    }

    private static String note(Vdev v) {
        List<String> parts = new ArrayList<>();
        errors(v.readErrors(), "read", parts);
        errors(v.writeErrors(), "write", parts);
        errors(v.checksumErrors(), "checksum", parts);
        if (v.annotation() != null) {
            parts.add(v.annotation());
        }
        return String.join(" · ", parts);
    }

    private static void errors(OptionalLong count, String kind, List<String> parts) {
        if (count.isPresent() && count.getAsLong() > 0) {
            parts.add(count.getAsLong() + " " + kind + (count.getAsLong() == 1 ? " error" : " errors"));
        }
    }
}
