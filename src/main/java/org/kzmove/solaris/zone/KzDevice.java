package org.kzmove.solaris.zone;

import java.util.OptionalInt;

/**
 * A {@code device} resource of a solaris-kz zone configuration.
 *
 * @param id           the device id; the guest sees the disk as {@code c1d<id>}; null when not specified
 * @param storage      the storage URI exactly as configured (may hold {@code %{...}} template tokens)
 * @param bootPriority the {@code bootpri} property; null for a non-bootable device
 * @param match        the legacy {@code match} property; null when not specified
 */
public record KzDevice(Integer id, String storage, Integer bootPriority, String match) {

    /** The guest's name for this disk, {@code c1d<id>}, or null when the id is not specified. */
    public String diskName() {
        return id == null ? null : diskName(id);
    }

    public static String diskName(int id) {
        return "c1d" + id;
    }

    public boolean isBootable() {
        return bootPriority != null;
    }

    public OptionalInt bootPri() {
        return bootPriority == null ? OptionalInt.empty() : OptionalInt.of(bootPriority);
    }
}
