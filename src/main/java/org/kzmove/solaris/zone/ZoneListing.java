package org.kzmove.solaris.zone;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ZoneListParser} made of a {@code zoneadm list} output: the zones in the order
 * printed, and every line it could not read, kept verbatim so that nothing a host printed is lost.
 */
public record ZoneListing(List<ZoneListEntry> entries, List<String> unrecognizedLines) {

    public ZoneListing {
        entries = List.copyOf(entries);
        unrecognizedLines = List.copyOf(unrecognizedLines);
    }

    public static ZoneListing empty() {
        return new ZoneListing(List.of(), List.of());
    }

    public List<Zone> zones() {
        return entries.stream().map(ZoneListEntry::zone).toList();
    }

    public Optional<Zone> zone(String name) {
        return zones().stream().filter(z -> z.name().equals(name)).findFirst();
    }

    public int unrecognizedCount() {
        return unrecognizedLines.size();
    }

    public boolean isClean() {
        return unrecognizedLines.isEmpty();
    }
}
