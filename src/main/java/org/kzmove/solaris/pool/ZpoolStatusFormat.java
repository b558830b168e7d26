package org.kzmove.solaris.pool;

import java.util.List;
import java.util.Locale;
import org.kzmove.solaris.text.Lines;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Prints {@code zpool status} and {@code zpool status -x} as Solaris does (solaris-formats.md §4.1,
 * from Solaris 11 {@code zpool_main.c}: status_callback(), print_status_config(), print_scan_status()),
 * for the simulated host.
 *
 * <p>INVENTED: the in-progress scan lines of Solaris 11.4. No public 11.4 {@code zpool status} taken
 * during a resilver was found (§4.3). Oracle's 11.4 {@code zoneadm move} prints
 * {@code 455M resilvered at 39M/s, 5.58% done, 1m35s to go}: compact ETA, the rate on the
 * "resilvered" clause. The most likely explanation is that zoneadm echoes zpool's own line, so
 * {@link ScanStatus.Style#SOLARIS_11_4_INVENTED} prints
 * <pre>
 *   scan: resilver in progress since &lt;ctime&gt;
 *     &lt;X&gt; scanned out of &lt;Y&gt; at &lt;R&gt;/s, &lt;ETA&gt; to go
 *     &lt;Z&gt; resilvered at &lt;R&gt;/s, &lt;P&gt;% done, &lt;ETA&gt; to go
 * </pre>
 * with sizes as zoneadm prints them ({@link SolarisSize#format}) and the ETA as
 * {@link SolarisDuration#format}; the second line is then exactly zoneadm's progress line. The
 * parser reads this and the 11.0 layout alike.
 */
public final class ZpoolStatusFormat {
    public static final String NO_POOLS = "no pools available";
    public static final String ALL_HEALTHY = "all pools are healthy";
    public static final String CANNOT_DETERMINE = "The configuration cannot be determined.";

    private ZpoolStatusFormat() {
    }

    /** {@code zpool status [pool ...]}: every pool in full, a blank line between pools. */
    public static String status(List<Pool> pools) {
        if (pools.isEmpty()) {
            return NO_POOLS + "\n";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pools.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(pool(pools.get(i)));
        }
        return sb.toString();
    }

    /**
     * {@code zpool status -x [pool ...]}: only the pools with a problem. With no pool named, healthy
     * pools are skipped silently and {@code all pools are healthy} ends an otherwise empty output; a
     * named healthy pool gets {@code pool '<name>' is healthy} (zpool_do_status(), status_callback()).
     *
     * @param poolsNamed whether pool names were given on the command line
     */
    public static String statusExplain(List<Pool> pools, boolean poolsNamed) {
        if (pools.isEmpty() && !poolsNamed) {
            return NO_POOLS + "\n";
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Pool p : pools) {
            if (p.isHealthy()) {
                if (poolsNamed) {
                    sb.append("pool '").append(p.name()).append("' is healthy\n");
                    first = false;
                }
                continue;
            }
            if (!first) {
                sb.append('\n');
            }
            first = false;
            sb.append(pool(p));
        }
        if (first && !poolsNamed) {
            sb.append(ALL_HEALTHY).append('\n');
        }
        return sb.toString();
    }

    /** One pool: the header lines, {@code config:} with the tree, {@code errors:}. */
    public static String pool(Pool p) {
        StringBuilder sb = new StringBuilder();
        sb.append("  pool: ").append(p.name()).append('\n');
        if (p.state() != null) {
            sb.append(" state: ").append(p.state().name()).append('\n');
        }
        if (p.status() != null) {
            sb.append("status: ").append(continued(p.status())).append('\n');
        }
        if (p.action() != null) {
            sb.append("action: ").append(continued(p.action())).append('\n');
        }
        if (p.see() != null) {
            sb.append("   see: ").append(p.see()).append('\n');
        }
        if (p.scan() != null) {
            sb.append("  scan: ").append(scan(p.scan()));
        }
        if (p.root() == null) {
            sb.append("config: ").append(CANNOT_DETERMINE).append('\n');
        } else {
            sb.append("config:\n\n").append(configTable(p));
        }
        if (p.errors() != null) {
            sb.append("\nerrors: ").append(p.errors()).append('\n');
        }
        return sb.toString();
    }

    /** Continuation lines of status: and action: start with a TAB. */
    private static String continued(String text) {
        return text.replace("\n", "\n\t");
    }

    /**
     * The NAME column is as wide as the widest {@code name + 2 * depth} in the tree, with no minimum:
     * Solaris 11's status_callback() has none (zpool iostat and OpenZFS have 10).
     */
    public static int nameWidth(Pool p) {
        int width = 0;
        if (p.root() != null) {
            width = width(p.root(), 0);
        }
        for (Vdev section : p.auxiliary()) {
            if (section.state() != null) {
                width = Math.max(width, width(section, 0));
            }
            for (Vdev c : section.children()) {
                width = Math.max(width, width(c, 2));
            }
        }
        return width;
    }

    private static int width(Vdev v, int depth) {
        int w = v.name().length() + depth;
        for (Vdev c : v.children()) {
            w = Math.max(w, width(c, depth + 2));
        }
        return w;
    }

    /** The NAME/STATE/READ/WRITE/CKSUM header and the tree, each line starting with a TAB. */
    public static String configTable(Pool p) {
        int width = nameWidth(p);
        StringBuilder sb = new StringBuilder();
        sb.append('\t').append(Lines.padRight("NAME", width)).append("  ").append(Lines.padRight("STATE", 8))
                .append(' ').append(Lines.padLeft("READ", 5)).append(' ').append(Lines.padLeft("WRITE", 5))
                .append(' ').append(Lines.padLeft("CKSUM", 5)).append('\n');
        if (p.root() != null) {
            vdevLines(sb, p.root(), 0, width);
        }
        for (Vdev section : p.auxiliary()) {
            if (section.state() == null) {
                sb.append('\t').append(section.name()).append('\n');
                for (Vdev c : section.children()) {
                    vdevLines(sb, c, 2, width);
                }
            } else {
                vdevLines(sb, section, 0, width);
            }
        }
        return sb.toString();
    }

    private static void vdevLines(StringBuilder sb, Vdev v, int depth, int width) {
        sb.append('\t').append(" ".repeat(depth)).append(Lines.padRight(v.name(), width - depth)).append("  ")
                .append(Lines.padRight(v.state() == null ? "" : v.state().name(), 8));
        if (v.read() != null) {
            sb.append(' ').append(Lines.padLeft(v.read(), 5)).append(' ').append(Lines.padLeft(nz(v.write()), 5))
                    .append(' ').append(Lines.padLeft(nz(v.cksum()), 5));
        }
        if (v.annotation() != null) {
            sb.append("  ").append(v.annotation());
        }
        sb.append('\n');
        for (Vdev c : v.children()) {
            vdevLines(sb, c, depth + 2, width);
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    /** The text after {@code "  scan: "}, with its continuation lines, each ending in a newline. */
    public static String scan(ScanStatus s) {
        return switch (s.kind()) {
            case NONE -> "none requested\n";
            case RESILVER_IN_PROGRESS -> "resilver in progress since " + s.timeText() + "\n" + progress(s, "resilvered");
            case SCRUB_IN_PROGRESS -> "scrub in progress since " + s.timeText() + "\n" + progress(s, "repaired");
            case RESILVERED -> "resilvered " + size(s.processedBytes()) + " in " + hoursMinutes(s.durationSeconds())
                    + " with " + nl(s.errors()) + " errors on " + s.timeText() + "\n";
            case SCRUBBED -> "scrub repaired " + size(s.processedBytes()) + " in " + hoursMinutes(s.durationSeconds())
                    + " with " + nl(s.errors()) + " errors on " + s.timeText() + "\n";
            case RESILVER_CANCELED -> "resilver canceled on " + s.timeText() + "\n";
            case SCRUB_CANCELED -> "scrub canceled on " + s.timeText() + "\n";
            case UNKNOWN -> s.lines().isEmpty() ? "\n" : String.join("\n", s.lines()) + "\n";
        };
    }

    private static String progress(ScanStatus s, String verb) {
        boolean classic = s.style() == ScanStatus.Style.SOLARIS_11_0;
        StringBuilder sb = new StringBuilder();
        if (s.scannedBytes() != null && s.totalBytes() != null && s.rateBytesPerSecond() != null) {
            sb.append("    ").append(size(s.scannedBytes(), classic)).append(" scanned out of ")
                    .append(size(s.totalBytes(), classic)).append(" at ").append(size(s.rateBytesPerSecond(), classic))
                    .append("/s, ");
            sb.append(s.etaSeconds() == null ? "(scan is slow, no estimated time)"
                    : eta(s.etaSeconds(), classic) + " to go").append('\n');
        }
        if (s.processedBytes() != null) {
            sb.append("    ").append(size(s.processedBytes(), classic)).append(' ').append(verb);
            if (!classic && s.rateBytesPerSecond() != null) {
                sb.append(" at ").append(size(s.rateBytesPerSecond(), false)).append("/s");
            }
            if (s.percentDone() != null) {
                sb.append(", ").append(String.format(Locale.ROOT, "%.2f", s.percentDone())).append("% done");
            }
            if (!classic && s.etaSeconds() != null) {
                sb.append(", ").append(SolarisDuration.format(s.etaSeconds())).append(" to go");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String size(Long bytes) {
        return bytes == null ? "0" : SolarisSize.format(bytes);
    }

    private static String size(long bytes, boolean classic) {
        return classic ? SolarisSize.nicenum(bytes) : SolarisSize.format(bytes);
    }

    private static String eta(long seconds, boolean classic) {
        return classic ? hoursMinutes(seconds) : SolarisDuration.format(seconds);
    }

    /** {@code %lluh%um}, as the 11.0 source prints both the ETA and the time a scan took. */
    private static String hoursMinutes(Long seconds) {
        long minutes = seconds == null ? 0 : seconds / 60;
        return (minutes / 60) + "h" + (minutes % 60) + "m";
    }

    private static String nl(Long n) {
        return n == null ? "0" : n.toString();
    }
}
