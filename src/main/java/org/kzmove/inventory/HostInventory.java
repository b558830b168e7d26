package org.kzmove.inventory;

import java.util.List;
import java.util.Optional;

import org.kzmove.solaris.zone.SolarisRelease;

/**
 * A host's zones as read in one inventory pass.
 *
 * @param release     null when {@code uname -v} printed something unexpected
 * @param roundTrips  SSH commands the pass took (constant: 2 whatever the number of zones)
 */
public record HostInventory(String host, SolarisRelease release, String unameText, List<ZoneInventory> zones,
        List<String> problems, int roundTrips) {

    public HostInventory {
        zones = List.copyOf(zones);
        problems = List.copyOf(problems);
    }

    public Optional<ZoneInventory> zone(String name) {
        return zones.stream().filter(z -> z.zone().name().equals(name)).findFirst();
    }

    /** Why this host cannot move kernel-zone storage, or empty when it can. */
    public Optional<String> moveUnsupportedReason() {
        if (release == null) {
            return Optional.of("cannot tell the Solaris release (uname -v printed '" + unameText + "')");
        }
        if (!release.supportsKernelZoneStorageMove()) {
            return Optional.of(release.describe() + " cannot move kernel-zone storage live; "
                    + "Solaris 11.4 SRU " + SolarisRelease.FIRST_SRU_WITH_KZ_MOVE + " or later is needed");
        }
        return Optional.empty();
    }
}
