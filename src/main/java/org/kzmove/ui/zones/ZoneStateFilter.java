package org.kzmove.ui.zones;

import java.util.ArrayList;
import java.util.List;

import org.kzmove.solaris.zone.ZoneState;

/**
 * A choice of the zones table's state filter: every state, or one state as zoneadm names it.
 *
 * @param state the one state shown; null for "All states"
 */
public record ZoneStateFilter(ZoneState state) {
    public static final ZoneStateFilter ALL = new ZoneStateFilter(null);

    /** "All states" first, then every Solaris zone state in zoneadm's order of life. */
    public static List<ZoneStateFilter> choices() {
        List<ZoneStateFilter> all = new ArrayList<>();
        all.add(ALL);
        for (ZoneState s : ZoneState.values()) {
            all.add(new ZoneStateFilter(s));
        }
        return List.copyOf(all);
    }

    public boolean accepts(ZoneRow row) {
        return state == null || row.zoneState() == state;
    }

    /** What the filter's drop-down shows. */
    public String label() {
        return state == null ? "All states" : state.solarisName();
    }

    @Override
    public String toString() {
        return label();
    }
}
