package org.kzmove.solaris.zone;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One zone as {@code zoneadm list} reports it.
 *
 * @param id       the zone id while ready or running, {@code null} when zoneadm prints {@code -}
 * @param zonepath {@code -} for kernel zones in {@code list -v}; the volatile path in {@code list -p}
 * @param uuid     empty when Solaris prints none
 * @param ipType   {@code excl} or {@code shared}, empty when not known
 */
public record Zone(Integer id, String name, ZoneState state, String zonepath, String uuid, Brand brand, String ipType) {

    public Zone {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(brand, "brand");
        zonepath = zonepath == null ? "" : zonepath;
        uuid = uuid == null ? "" : uuid;
        ipType = ipType == null ? "" : ipType;
    }

    public OptionalInt zoneId() {
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public boolean isGlobal() {
        return "global".equals(name);
    }

    public boolean isKernelZone() {
        return brand.isKernelZone();
    }
}
