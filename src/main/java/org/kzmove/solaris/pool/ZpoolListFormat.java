package org.kzmove.solaris.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kzmove.solaris.text.Lines;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Prints {@code zpool list} for the simulated host.
 *
 * <p>INVENTED: solaris-formats.md has no {@code zpool list} sample. The columns are those of Solaris
 * 11 ({@code NAME SIZE ALLOC FREE CAP DEDUP HEALTH ALTROOT}); the layout follows libzfs
 * zprop_print_one_property()/print_header() as used by {@code zpool list}: columns two spaces apart,
 * each as wide as its widest cell or its title, numbers right-aligned, NAME/HEALTH/ALTROOT left-aligned,
 * the last column not padded. That gives
 * <pre>
 * NAME    SIZE  ALLOC   FREE  CAP  DEDUP  HEALTH  ALTROOT
 * rpool  15.9G  5.76G  10.1G  36%  1.00x  ONLINE  -
 * </pre>
 * The parsable form ({@code zpool list -Hp}) is one TAB-separated line per pool with exact byte
 * counts, CAP without {@code %} and DEDUP without {@code x}, as OpenZFS prints it; whether
 * Solaris 11.4 has {@code -p} for {@code zpool list} is not verified. The console prefers it because
 * it loses no precision.
 */
public final class ZpoolListFormat {
    private static final String[] TITLES = {"NAME", "SIZE", "ALLOC", "FREE", "CAP", "DEDUP", "HEALTH", "ALTROOT"};
    private static final boolean[] RIGHT = {false, true, true, true, true, true, false, false};

    private ZpoolListFormat() {
    }

    /** {@code zpool list}: the header and one row per pool. */
    public static String table(List<PoolUsage> pools) {
        List<String[]> rows = new ArrayList<>();
        rows.add(TITLES);
        for (PoolUsage p : pools) {
            rows.add(new String[] {p.name(), SolarisSize.format(p.sizeBytes()), SolarisSize.format(p.allocatedBytes()),
                    SolarisSize.format(p.freeBytes()), p.capacityPercent() + "%",
                    String.format(Locale.ROOT, "%.2fx", p.dedupRatio()), health(p), altroot(p)});
        }
        int[] widths = new int[TITLES.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                boolean last = i == row.length - 1;
                sb.append(RIGHT[i] ? Lines.padLeft(row[i], widths[i]) : last ? row[i] : Lines.padRight(row[i], widths[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code zpool list -Hp}: no header, TAB-separated, exact bytes. */
    public static String parsable(List<PoolUsage> pools) {
        StringBuilder sb = new StringBuilder();
        for (PoolUsage p : pools) {
            sb.append(p.name()).append('\t').append(p.sizeBytes()).append('\t').append(p.allocatedBytes()).append('\t')
                    .append(p.freeBytes()).append('\t').append(p.capacityPercent()).append('\t')
                    .append(String.format(Locale.ROOT, "%.2f", p.dedupRatio())).append('\t').append(health(p))
                    .append('\t').append(altroot(p)).append('\n');
        }
        return sb.toString();
    }

    private static String health(PoolUsage p) {
        return p.health() == null ? "-" : p.health().name();
    }

    private static String altroot(PoolUsage p) {
        return p.altroot() == null ? "-" : p.altroot();
    }
}
