package org.kzmove.sim.host.format;

import java.util.Locale;

/**
 * {@code zoneadm list} lines of Solaris 11.4 (solaris-formats.md §2). Kept apart so it can be
 * swapped for the shared formatter of {@code org.kzmove.solaris} later.
 */
public final class ZoneListFormat {
    /** The 11.2+ column layout; the header keeps its trailing spaces, as the real output does. */
    public static final String HEADER = line("ID", "NAME", "STATUS", "PATH", "BRAND", "IP");

    /** One zone as {@code list} sees it. */
    public record Row(Integer id, String name, String state, String zonepath, String uuid, String brand, String ipType,
                      String profile) {
    }

    private ZoneListFormat() {
    }

    private static String line(String id, String name, String state, String path, String brand, String ip) {
        return String.format(Locale.ROOT, "%4s %-16s %-11s %-28s %-10s %-6s", id, name, state, path, brand, ip);
    }

    /** {@code list -v}: kernel zones show {@code -} as their path. */
    public static String verbose(Row r) {
        String path = "solaris-kz".equals(r.brand()) ? "-" : r.zonepath();
        return line(r.id() == null ? "-" : r.id().toString(), r.name(), r.state(), path, r.brand(), r.ipType());
    }

    /** {@code list -p}: {@code id:name:state:zonepath:uuid:brand:ip-type:r/w:profile:} (11.2+ 10 fields). */
    public static String parsable(Row r) {
        return (r.id() == null ? "-" : r.id().toString()) + ":" + r.name() + ":" + r.state() + ":"
                + r.zonepath().replace(":", "\\:") + ":" + r.uuid() + ":" + r.brand() + ":" + r.ipType() + ":-:"
                + r.profile() + ":";
    }
}
