package org.kzmove.solaris.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Builds {@code zoneadm move} output in the exact shape of the real transcripts (verbose mirror,
 * SIGINT rollback, default), for any zone, disks and number of resilver progress lines. Used by
 * the variant tests and by the replay benchmark. Original disks are {@code c1d1..c1dK}; new disks
 * continue from {@code c1d(K+1)} (zoneadm's max+1 rule).
 */
public final class MoveTranscriptGenerator {
    /** The total the generated resilver progresses to. */
    public static final long RESILVER_TOTAL = 16L << 30;

    private MoveTranscriptGenerator() {
    }

    /** {@code iscsi://<host>/luname.naa.<32 hex digits>} for disk number {@code n}. */
    public static String iscsiUri(String host, int n) {
        return "iscsi://" + host + "/luname.naa." + lun(n);
    }

    public static String lun(int n) {
        return String.format(Locale.ROOT, "600144F0DBF8AF19%016X", 0x5FD25E490000L + n);
    }

    /** Where Solaris maps an iSCSI LU URI: {@code /dev/dsk/c0t<LUN>d0}; null for other URIs. */
    public static String device(String uri) {
        int at = uri.indexOf("luname.naa.");
        return at < 0 ? null : "/dev/dsk/c0t" + uri.substring(at + "luname.naa.".length()) + "d0";
    }

    public static String logFile(String zone) {
        return "/var/log/zones/zoneadm.20240305T101500Z." + zone + ".move";
    }

    /** The i-th (0-based) of n progress lines. */
    public static String progressLine(int i, int n) {
        long done = RESILVER_TOTAL / (n + 1) * (i + 1);
        long rate = (30L << 20) + (i % 13) * (1L << 20);
        double percent = 100.0 * (i + 1) / (n + 1);
        long eta = (RESILVER_TOTAL - done) / rate;
        return "  " + SolarisSize.format(done) + " resilvered at " + SolarisSize.format(rate) + "/s, "
                + String.format(Locale.ROOT, "%.2f", percent) + "% done, " + SolarisDuration.format(eta) + " to go";
    }

    public static List<String> verboseSuccess(String zone, List<String> originalUris, List<String> newUris,
            int progressLines, boolean force) {
        List<String> out = new ArrayList<>();
        verbose(zone, originalUris, newUris, progressLines, force, -1, out::add);
        return out;
    }

    /** Verbose output interrupted by SIGINT after {@code interruptAfter} progress lines, rolled back. */
    public static List<String> verboseInterrupted(String zone, List<String> originalUris, List<String> newUris,
            int progressLines, int interruptAfter) {
        List<String> out = new ArrayList<>();
        verbose(zone, originalUris, newUris, progressLines, false, interruptAfter, out::add);
        return out;
    }

    public static List<String> defaultSuccess(String zone, List<String> newUris) {
        List<String> out = new ArrayList<>();
        out.add("root# zoneadm -z " + zone + " move \\");
        for (int i = 0; i < newUris.size(); i++) {
            out.add("    -p " + newUris.get(i) + (i < newUris.size() - 1 ? " \\" : ""));
        }
        out.add("Progress being logged to " + logFile(zone));
        out.add("Attaching new disks.");
        out.add("Waiting for disks to resilver.");
        out.add("Removing original disks from zone '" + zone + "' configuration.");
        out.add("Live storage migration succeeded.");
        return out;
    }

    /** Streams verbose output to {@code sink}; {@code interruptAfter < 0} means the move succeeds. */
    public static void verbose(String zone, List<String> originalUris, List<String> newUris, int progressLines,
            boolean force, int interruptAfter, Consumer<String> sink) {
        int k = originalUris.size();
        sink.accept("root# zoneadm -z " + zone + " move -v" + (force ? " -x force-zpool-attach" : "") + " \\");
        for (int i = 0; i < newUris.size(); i++) {
            sink.accept("    -p " + newUris.get(i) + (i < newUris.size() - 1 ? " \\" : ""));
        }
        sink.accept("Verbose progress output to terminal enabled.");
        sink.accept("==== Starting:  ====");
        sink.accept("Progress being logged to " + logFile(zone));
        sink.accept("Verifying zone '" + zone + "' live/persistent configurations match:");
        sink.accept("  OK");
        sink.accept("Bootable disks in zone '" + zone + "' configuration are:");
        for (int i = 0; i < k; i++) {
            sink.accept("  c1d" + (i + 1) + ":");
            sink.accept("    URI: " + originalUris.get(i));
            sink.accept("    Mapped to: " + device(originalUris.get(i)));
        }
        sink.accept("Non-bootable disks zone '" + zone + "' configuration are:");
        sink.accept("  <none-present>");
        sink.accept("Verifying input URIs are not already used in zone '" + zone + "' configuration:");
        for (String uri : newUris) {
            sink.accept("  " + uri);
            sink.accept("    OK");
        }
        sink.accept("Verifying there are no duplicates in the input URIs:");
        sink.accept("  OK");
        sink.accept("Verifying the input disks are not part of another zpool:");
        sink.accept(force ? "  Skipping check: '-x force-zpool-attach' is set" : "  OK");
        sink.accept("Root zpool name in zone '" + zone + "' is:");
        sink.accept("  rpool");
        sink.accept("Checking zpool 'rpool' health:");
        sink.accept("  ONLINE");
        sink.accept("Checking zpool 'rpool' vdev configuration:");
        sink.accept("  OK");
        sink.accept("Disks in the zone '" + zone + "' zpool 'rpool' are:");
        for (int i = 0; i < k; i++) {
            sink.accept("  c1d" + (i + 1) + " (bootpri=0)");
        }
        sink.accept("Highest boot disk priority in zpool 'rpool':");
        sink.accept("  0");
        sink.accept("Adding new storage devices to zone '" + zone + "' persistent config:");
        for (int i = 0; i < newUris.size(); i++) {
            sink.accept("  c1d" + (k + 1 + i) + ":");
            sink.accept("    URI: " + newUris.get(i));
            sink.accept("    Mapped to: " + device(newUris.get(i)));
            sink.accept("    Boot priority: 0");
            sink.accept("    Device ID: " + (k + 1 + i));
        }
        sink.accept("Will apply the configuration changes now:");
        for (String uri : newUris) {
            sink.accept("  Checking: Adding device storage=" + uri);
        }
        sink.accept("  Applying the changes");
        sink.accept("Attaching new disks.");
        for (int i = 0; i < newUris.size(); i++) {
            sink.accept("  c1d" + (k + 1 + i) + ":");
            sink.accept("    OK");
        }
        sink.accept("Waiting for disks to resilver.");
        int shown = interruptAfter < 0 ? progressLines : Math.min(interruptAfter, progressLines);
        for (int i = 0; i < shown; i++) {
            sink.accept(progressLine(i, progressLines));
        }
        if (interruptAfter >= 0) {
            sink.accept("^CSignal SIGINT caught.");
            sink.accept("Please be patient while we properly clean up...");
            sink.accept("!! Interrupting now may leave your zone in inconsistent state !!");
            sink.accept("Detaching new disks that might have been already attached.");
            for (int i = 0; i < newUris.size(); i++) {
                sink.accept("  c1d" + (k + 1 + i) + ":");
                sink.accept("    OK");
            }
            sink.accept("Removing devices already added to the persistent zone config.");
            for (int i = 0; i < newUris.size(); i++) {
                sink.accept("  c1d" + (k + 1 + i) + ":");
                sink.accept("    OK");
            }
            sink.accept("Reverting live zone configuration to its original state.");
            for (String uri : newUris) {
                sink.accept("  Checking: Removing device storage=" + uri);
            }
            sink.accept("  Applying the changes");
            sink.accept("Clean-up successful.");
            sink.accept("==== Completed:   ====");
            sink.accept("zoneadm: zone '" + zone + "': 'move' terminated by signal SIGINT.");
            sink.accept("zoneadm: zone '" + zone + "': move failed.");
            return;
        }
        sink.accept("Verifying all attached disks in root zpool are online:");
        for (int i = 0; i < newUris.size(); i++) {
            sink.accept("  c1d" + (k + 1 + i) + ":");
            if (i == 0) {
                for (int s = 120; s > 117; s--) {
                    sink.accept("    still DEGRADED, " + s + " more seconds to wait.");
                }
            }
            sink.accept("    OK");
        }
        sink.accept("Detaching original disks from zone '" + zone + "' root zpool:");
        for (int i = 0; i < k; i++) {
            sink.accept("  c1d" + (i + 1) + ":");
            sink.accept("    OK");
        }
        sink.accept("Removing original disks from zone '" + zone + "' configuration.");
        for (int i = 0; i < k; i++) {
            sink.accept("  c1d" + (i + 1) + ":");
            sink.accept("    OK");
        }
        sink.accept("Will apply the configuration with removed original disks now:");
        for (String uri : originalUris) {
            sink.accept("  Checking: Removing device storage=" + uri);
        }
        sink.accept("  Applying the changes");
        sink.accept("Live storage migration succeeded.");
    }
}
