package org.kzmove.solaris.zone;

import java.util.List;
import org.kzmove.solaris.text.Lines;

/**
 * Prints {@code zoneadm list} output exactly as Solaris 11.4 does (solaris-formats.md §2), for the
 * simulated host. Every line ends with {@code \n}, as printf does.
 */
public final class ZoneListFormat {
    /** The verbose header, trailing spaces included: it is the row printf applied to the titles. */
    public static final String VERBOSE_HEADER = verboseLine("ID", "NAME", "STATUS", "PATH", "BRAND", "IP");

    private ZoneListFormat() {
    }

    /**
     * {@code zoneadm list -cv}: the header, then one row per zone with
     * {@code "%4s %-16s %-11s %-28s %-10s %-6s"}. Kernel zones show {@code -} as PATH whatever their
     * zonepath, because zoneadm shows none for them (verified in three transcripts).
     */
    public static String verbose(List<Zone> zones) {
        StringBuilder sb = new StringBuilder(VERBOSE_HEADER).append('\n');
        for (Zone z : zones) {
            sb.append(verboseRow(z)).append('\n');
        }
        return sb.toString();
    }

    public static String verboseRow(Zone z) {
        String path = z.isKernelZone() ? "-" : z.zonepath();
        return verboseLine(idText(z), z.name(), z.state().solarisName(), path, z.brand().name(), z.ipType());
    }

    /**
     * {@code zoneadm list -cp} of Solaris 11.4: ten fields, the tenth empty (hence the trailing
     * colon). Field 8 (r/w) is {@code -}; field 9 is {@code none} for the global zone,
     * {@code solaris-kz} for kernel zones, empty otherwise; a kernel zone without a zonepath gets
     * {@code /system/volatile/zones/<name>/zonepath} (both Oracle fixtures, §2.1).
     */
    public static String parsable(List<Zone> zones) {
        StringBuilder sb = new StringBuilder();
        for (Zone z : zones) {
            sb.append(parsableLine(defaultEntry(z))).append('\n');
        }
        return sb.toString();
    }

    /** Prints entries with the parsable-only fields they carry: a parsed listing comes back verbatim. */
    public static String parsableEntries(List<ZoneListEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (ZoneListEntry e : entries) {
            sb.append(parsableLine(e.parsable() ? e : defaultEntry(e.zone()))).append('\n');
        }
        return sb.toString();
    }

    /** The 11.4 parsable entry for a zone, with the field values described at {@link #parsable}. */
    public static ZoneListEntry defaultEntry(Zone z) {
        String zonepath = z.zonepath();
        if (z.isKernelZone() && (zonepath.isEmpty() || "-".equals(zonepath))) {
            zonepath = kernelZonePath(z.name());
        }
        Zone zone = new Zone(z.id(), z.name(), z.state(), zonepath, z.uuid(), z.brand(), z.ipType());
        String field9 = z.isGlobal() ? "none" : z.isKernelZone() ? Brand.SOLARIS_KZ.name() : "";
        return new ZoneListEntry(zone, true, "-", field9, List.of(""));
    }

    public static String kernelZonePath(String zoneName) {
        return "/system/volatile/zones/" + zoneName + "/zonepath";
    }

    static String parsableLine(ZoneListEntry e) {
        Zone z = e.zone();
        StringBuilder sb = new StringBuilder();
        sb.append(idText(z)).append(':').append(z.name()).append(':').append(z.state().solarisName()).append(':')
                .append(z.zonepath().replace(":", "\\:")).append(':')
                .append(z.uuid()).append(':').append(z.brand().name()).append(':').append(z.ipType()).append(':')
                .append(e.readWrite() == null ? "-" : e.readWrite()).append(':')
                .append(e.field9() == null ? "" : e.field9());
        for (String extra : e.extraFields()) {
            sb.append(':').append(extra);
        }
        return sb.toString();
    }

    private static String idText(Zone z) {
        return z.id() == null ? "-" : Integer.toString(z.id());
    }

    private static String verboseLine(String id, String name, String status, String path, String brand, String ip) {
        return Lines.padLeft(id, 4) + ' ' + Lines.padRight(name, 16) + ' ' + Lines.padRight(status, 11) + ' '
                + Lines.padRight(path, 28) + ' ' + Lines.padRight(brand, 10) + ' ' + Lines.padRight(ip, 6);
    }
}
