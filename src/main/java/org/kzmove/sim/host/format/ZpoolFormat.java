package org.kzmove.sim.host.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * {@code zpool status} and {@code zpool list} inside a kernel zone guest (solaris-formats.md §4.1).
 * The vdev rows follow the Solaris source layout; the 11.4 {@code scan:} lines during a resilver
 * are INVENTED after the zoneadm progress line (§4.3).
 */
public final class ZpoolFormat {
    private static final DateTimeFormatter CTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A leaf disk. */
    public record Disk(String name, String state, boolean resilvering) {
    }

    /** What the pool's last or current resilver says: bytes examined ("scanned") and written ("resilvered"). */
    public record Scan(Instant started, long doneBytes, long resilveredBytes, long bytesPerSecond, String percent,
                       long etaSeconds, boolean inProgress, Instant completed, long totalBytes) {
    }

    /** A pool to print. */
    public record Pool(String name, String state, long sizeBytes, long allocatedBytes, List<Disk> disks, Scan scan) {
    }

    private ZpoolFormat() {
    }

    public static String status(Pool p) {
        StringBuilder sb = new StringBuilder();
        sb.append("  pool: ").append(p.name()).append('\n');
        sb.append(" state: ").append(p.state()).append('\n');
        boolean resilvering = p.scan() != null && p.scan().inProgress();
        if (resilvering) {
            sb.append("status: One or more devices is currently being resilvered.  The pool will\n");
            sb.append("\tcontinue to function, possibly in a degraded state.\n");
            sb.append("action: Wait for the resilver to complete.\n");
        } else if (!"ONLINE".equals(p.state())) {
            // Solaris source text for a degraded pool
            sb.append("status: One or more devices has experienced an unrecoverable error.  An\n");
            sb.append("\tattempt was made to correct the error.  Applications are unaffected.\n");
            sb.append("action: Determine if the device needs to be replaced, and clear the errors\n");
            sb.append("\tusing 'zpool clear' or replace the device with 'zpool replace'.\n");
        }
        sb.append(scanLines(p.scan()));
        sb.append("config:\n\n");
        boolean mirror = p.disks().size() > 1;
        int width = p.name().length();
        for (Disk d : p.disks()) {
            width = Math.max(width, d.name().length() + (mirror ? 4 : 2));
        }
        if (mirror) {
            width = Math.max(width, "mirror-0".length() + 2);
        }
        sb.append(String.format(Locale.ROOT, "\t%-" + width + "s  %-8s %5s %5s %5s%n", "NAME", "STATE", "READ", "WRITE", "CKSUM")
                .replace(System.lineSeparator(), "\n"));
        sb.append(row(0, p.name(), p.state(), width, false));
        int depth = 1;
        if (mirror) {
            sb.append(row(1, "mirror-0", p.state(), width, false));
            depth = 2;
        }
        for (Disk d : p.disks()) {
            sb.append(row(depth, d.name(), d.state(), width, d.resilvering() && resilvering));
        }
        sb.append("\nerrors: No known data errors\n");
        return sb.toString();
    }

    private static String row(int depth, String name, String state, int width, boolean resilvering) {
        String indent = " ".repeat(depth * 2);
        return "\t" + indent + String.format(Locale.ROOT, "%-" + (width - depth * 2) + "s  %-8s %5s %5s %5s", name, state,
                "0", "0", "0") + (resilvering ? "  (resilvering)" : "") + "\n";
    }

    private static String scanLines(Scan s) {
        if (s == null) {
            return "  scan: none requested\n";
        }
        if (s.inProgress()) {
            // INVENTED: 11.4 wording during a resilver is not known; modelled on the zoneadm progress line
            return "  scan: resilver in progress since " + CTIME.format(s.started()) + "\n"
                    + "    " + SolarisSize.format(s.doneBytes()) + " scanned\n"
                    + "    " + SolarisSize.format(s.resilveredBytes()) + " resilvered at " + SolarisSize.format(s.bytesPerSecond())
                    + "/s, " + s.percent() + "% done, " + SolarisDuration.format(s.etaSeconds()) + " to go\n";
        }
        long secs = Math.max(0, s.completed().getEpochSecond() - s.started().getEpochSecond());
        // 11.4 guide completion line: "resilvered 11.6G in 0h5m with 0 errors on <ctime>"
        // written in all: the whole pool once per new disk, in the proportion written so far
        long written = s.doneBytes() > 0 && s.resilveredBytes() > 0
                ? (long) ((double) s.resilveredBytes() * s.totalBytes() / s.doneBytes()) : s.totalBytes();
        return "  scan: resilvered " + SolarisSize.format(written) + " in " + (secs / 3600) + "h" + ((secs % 3600) / 60)
                + "m with 0 errors on " + CTIME.format(s.completed()) + "\n";
    }

    /** {@code zpool list} (INVENTED for 11.4: the Solaris 11 column set). */
    public static String list(List<Pool> pools) {
        int w = 4;
        for (Pool p : pools) {
            w = Math.max(w, p.name().length());
        }
        StringBuilder sb = new StringBuilder();
        String fmt = "%-" + w + "s  %5s  %5s  %5s  %3s  %5s  %-7s %s\n";
        sb.append(String.format(Locale.ROOT, fmt, "NAME", "SIZE", "ALLOC", "FREE", "CAP", "DEDUP", "HEALTH", "ALTROOT"));
        for (Pool p : pools) {
            long cap = p.sizeBytes() == 0 ? 0 : Math.round(100.0 * p.allocatedBytes() / p.sizeBytes());
            sb.append(String.format(Locale.ROOT, fmt, p.name(), SolarisSize.format(p.sizeBytes()),
                    SolarisSize.format(p.allocatedBytes()), SolarisSize.format(p.sizeBytes() - p.allocatedBytes()),
                    cap + "%", "1.00x", p.state(), "-"));
        }
        return sb.toString();
    }
}
