package org.kzmove.solaris.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.kzmove.solaris.text.Lines;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Reads {@code zpool list}, {@code zpool list -H} and {@code zpool list -Hp} output in the column
 * order of {@link ZpoolListFormat} (INVENTED layout, see there). A size may be an exact byte count or
 * a Solaris size ({@code 15.9G}); CAP may carry {@code %} and DEDUP {@code x} or not. Total: what
 * does not fit is kept in {@link ZpoolListing#unrecognizedLines()}.
 */
public final class ZpoolListParser {
    private ZpoolListParser() {
    }

    public static ZpoolListing parse(String text) {
        List<PoolUsage> pools = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        for (String raw : Lines.split(text)) {
            String line = Lines.stripTrailing(raw);
            if (line.isEmpty()) {
                continue;
            }
            // -H separates with one TAB; the table with runs of spaces: splitting on either reads both
            String[] f = line.strip().split(line.indexOf('\t') >= 0 ? "\t" : " +");
            if (f.length >= 2 && f[0].equals("NAME") && f[1].equals("SIZE")) {
                continue;
            }
            PoolUsage p = row(f);
            if (p == null) {
                unrecognized.add(raw);
            } else {
                pools.add(p);
            }
        }
        return new ZpoolListing(pools, unrecognized);
    }

    private static PoolUsage row(String[] f) {
        if (f.length < 7 || f.length > 8 || f[0].isEmpty()
                || f[0].chars().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD)) {
            return null;
        }
        OptionalLong size = bytes(f[1]);
        OptionalLong alloc = bytes(f[2]);
        OptionalLong free = bytes(f[3]);
        String cap = f[4].endsWith("%") ? f[4].substring(0, f[4].length() - 1) : f[4];
        String dedup = f[5].endsWith("x") ? f[5].substring(0, f[5].length() - 1) : f[5];
        if (size.isEmpty() || alloc.isEmpty() || free.isEmpty() || !cap.matches("\\d{1,3}")
                || !dedup.matches("\\d{1,6}(\\.\\d{1,6})?")) {
            return null;
        }
        VdevState health = VdevState.fromSolaris(f[6]).orElse(null);
        if (health == null && !f[6].equals("-")) {
            return null;
        }
        String altroot = f.length == 8 && !f[7].equals("-") ? f[7] : null;
        return new PoolUsage(f[0], size.getAsLong(), alloc.getAsLong(), free.getAsLong(), Integer.parseInt(cap),
                Double.parseDouble(dedup), health, altroot);
    }

    private static OptionalLong bytes(String text) {
        if (text.matches("\\d{1,18}")) {
            return OptionalLong.of(Long.parseLong(text));
        }
        return SolarisSize.parse(text);
    }
}
