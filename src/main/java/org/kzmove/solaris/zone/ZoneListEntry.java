package org.kzmove.solaris.zone;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code zoneadm list} output: the {@link Zone} plus the parsable-only fields that the
 * zone model does not carry, kept so that a parsed listing formats back to the very same text.
 *
 * @param zone         the zone
 * @param parsable     true for a {@code list -p} line, false for a {@code list -v} row
 * @param readWrite    field 8 of {@code -p} ({@code -}, {@code R} or {@code W}); null for {@code -v}
 * @param field9       field 9 of {@code -p} exactly as printed: the file-mac-profile, {@code none}
 *                     for the global zone, or {@code solaris-kz} for kernel zones; null for {@code -v}
 * @param extraFields  fields after the ninth (11.2+ prints one empty tenth field); empty for {@code -v}
 */
public record ZoneListEntry(Zone zone, boolean parsable, String readWrite, String field9, List<String> extraFields) {

    public ZoneListEntry {
        Objects.requireNonNull(zone, "zone");
        extraFields = extraFields == null ? List.of() : List.copyOf(extraFields);
    }

    /** A {@code list -v} row: no parsable-only fields. */
    public static ZoneListEntry verbose(Zone zone) {
        return new ZoneListEntry(zone, false, null, null, List.of());
    }

    /**
     * The file-mac-profile, if the zone has one. Field 9 holds {@code solaris-kz} for kernel zones
     * in both Oracle fixtures (solaris-formats.md §2.1) and {@code none} for the global zone; neither
     * is a profile a site configured, so both read as "no profile".
     */
    public Optional<String> fileMacProfile() {
        if (field9 == null || field9.isEmpty() || "none".equals(field9)) {
            return Optional.empty();
        }
        if (zone.isKernelZone() && Brand.SOLARIS_KZ.name().equals(field9)) {
            return Optional.empty();
        }
        return Optional.of(field9);
    }

    /** True when the zone was booted read-only ({@code R} in field 8). */
    public boolean bootedReadOnly() {
        return "R".equals(readWrite);
    }
}
