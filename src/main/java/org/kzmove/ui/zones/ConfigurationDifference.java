package org.kzmove.ui.zones;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.kzmove.solaris.zone.KzDevice;

/**
 * What differs between the devices of a zone's persistent and live configurations, in words: a
 * user who is told "they differ" needs to know which disk to look at.
 */
final class ConfigurationDifference {
    private ConfigurationDifference() {
    }

    /** One sentence per difference, empty when the devices agree. Devices are paired by id, else by storage. */
    static List<String> describe(List<KzDevice> persistent, List<KzDevice> live) {
        List<String> differences = new ArrayList<>();
        List<KzDevice> unmatchedLive = new ArrayList<>(live);
        for (KzDevice p : persistent) {
            Optional<KzDevice> partner = unmatchedLive.stream().filter(l -> samePlace(p, l)).findFirst();
            if (partner.isEmpty()) {
                differences.add(name(p) + " (" + p.storage() + ") is only in the persistent configuration");
                continue;
            }
            KzDevice l = partner.get();
            unmatchedLive.remove(l);
            if (!Objects.equals(p.storage(), l.storage())) {
                differences.add(name(p) + " is " + p.storage() + " in the persistent configuration but " + l.storage()
                        + " in the live one");
            }
            if (!Objects.equals(p.bootPriority(), l.bootPriority())) {
                differences.add(name(p) + " has " + bootpri(p) + " in the persistent configuration but " + bootpri(l)
                        + " in the live one");
            }
            if (!Objects.equals(p.match(), l.match())) {
                differences.add(name(p) + " has match=" + p.match() + " in the persistent configuration but match="
                        + l.match() + " in the live one");
            }
        }
        for (KzDevice l : unmatchedLive) {
            differences.add(name(l) + " (" + l.storage() + ") is only in the live configuration");
        }
        return differences;
    }

    private static boolean samePlace(KzDevice a, KzDevice b) {
        if (a.id() != null || b.id() != null) {
            return Objects.equals(a.id(), b.id());
        }
        return Objects.equals(a.storage(), b.storage());
    }

    private static String name(KzDevice d) {
        return d.diskName() == null ? "a device without id" : d.diskName();
    }

    private static String bootpri(KzDevice d) {
        return d.bootPriority() == null ? "no boot priority" : "bootpri=" + d.bootPriority();
    }
}
