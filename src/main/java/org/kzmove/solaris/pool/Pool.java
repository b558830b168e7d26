package org.kzmove.solaris.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pool of {@code zpool status}.
 *
 * @param state     the {@code state:} word; null when it was missing or not a known state
 * @param status    the {@code status:} text, continuation lines joined with {@code \n} (their TAB
 *                  removed); null when the pool has no problem, as zpool prints none then
 * @param action    likewise for {@code action:}
 * @param see       the {@code see:} URL, or null
 * @param scan      the {@code scan:} status, or null when there was no {@code scan:} line
 * @param root      the pool's line of the config tree with everything under it; null when there was
 *                  no tree ({@code config: The configuration cannot be determined.} or output cut off)
 * @param auxiliary the lines at the pool's level after its tree: {@code logs}, {@code cache},
 *                  {@code spares} headings with their devices
 * @param errors    the {@code errors:} text (e.g. {@code No known data errors}); null if none printed
 */
public record Pool(String name, VdevState state, String status, String action, String see, ScanStatus scan,
        Vdev root, List<Vdev> auxiliary, String errors) {

    public static final String NO_KNOWN_DATA_ERRORS = "No known data errors";
    /** zpool_main.c, ZPOOL_STATUS_RESILVERING, verbatim (with the two spaces after the period). */
    public static final String RESILVERING_STATUS =
            "One or more devices is currently being resilvered.  The pool will\n"
                    + "continue to function, possibly in a degraded state.";
    public static final String RESILVERING_ACTION = "Wait for the resilver to complete.";

    public Pool {
        Objects.requireNonNull(name, "name");
        auxiliary = auxiliary == null ? List.of() : List.copyOf(auxiliary);
    }

    /** A healthy pool: ONLINE, no status, no errors. */
    public static Pool healthy(String name, ScanStatus scan, Vdev root) {
        return new Pool(name, VdevState.ONLINE, null, null, null, scan, root, List.of(), NO_KNOWN_DATA_ERRORS);
    }

    /** What {@code zpool status -x} leaves out: ONLINE and nothing to report. */
    public boolean isHealthy() {
        return state == VdevState.ONLINE && status == null;
    }

    /** Every vdev of the tree and the auxiliary sections, depth first. */
    public List<Vdev> allVdevs() {
        List<Vdev> all = new ArrayList<>();
        if (root != null) {
            all.addAll(root.flatten());
        }
        auxiliary.forEach(v -> all.addAll(v.flatten()));
        return all;
    }

    /** The leaf (disk) vdevs of the pool's own tree, in printed order. */
    public List<Vdev> leaves() {
        return root == null ? List.of() : root.flatten().stream().filter(v -> v.type() == VdevType.LEAF).toList();
    }

    public Optional<Vdev> vdev(String vdevName) {
        return allVdevs().stream().filter(v -> v.name().equals(vdevName)).findFirst();
    }
}
