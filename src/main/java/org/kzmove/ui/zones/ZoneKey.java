package org.kzmove.ui.zones;

import java.util.Objects;

/**
 * A zone of a listed host, as the console names it across views: the key of the zones table's
 * running-job labels ({@link ZonesViewModel#jobLabels()}).
 *
 * @param host the host's name as the hosts list shows it ({@code HostViewModel.nameProperty()})
 * @param zone the zone's name
 */
public record ZoneKey(String host, String zone) {

    public ZoneKey {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(zone, "zone");
    }
}
