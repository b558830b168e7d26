package org.kzmove.solaris.move;

import java.util.List;

/**
 * What a {@code zoneadm move} transcript or log says happened, summed up.
 *
 * @param zone              the zone, from the log file name, a heading, an error line or the command line; null if none
 * @param outcome           how the move ended, as far as the text shows
 * @param logFile           the log announced by {@code Progress being logged to ...}; null if not seen
 * @param verbose           whether the verbose output ({@code -v}) was seen
 * @param forceZpoolAttach  {@code -x force-zpool-attach} on the command line or reported by the skipped check
 * @param originalDisks     the zone's bootable (root pool) disks before the move, in order of appearance
 * @param newDisks          the disks the move adds, in order of appearance
 * @param phases            the phases reached, in order
 * @param resilver          resilver statistics; null when no progress line was seen
 * @param signal            the signal that stopped the move, e.g. {@code SIGINT}; null if none
 * @param errors            why the move failed: zoneadm error lines, failed checks and disk steps, clean-up failures
 * @param lines             input lines read
 * @param recognizedLines   lines that belong to the grammar (not blank, not unrecognized)
 * @param unrecognizedLines lines the grammar does not know
 */
public record MoveReport(String zone, MoveOutcome outcome, String logFile, boolean verbose, boolean forceZpoolAttach,
        List<OriginalDisk> originalDisks, List<NewDisk> newDisks, List<MovePhase> phases, ResilverStats resilver,
        String signal, List<String> errors, long lines, long recognizedLines, long unrecognizedLines) {

    public MoveReport {
        originalDisks = List.copyOf(originalDisks);
        newDisks = List.copyOf(newDisks);
        phases = List.copyOf(phases);
        errors = List.copyOf(errors);
    }

    /** A disk of the zone before the move; fields the text did not show are null. */
    public record OriginalDisk(String name, String uri, String device, Integer bootPriority) {
    }

    /**
     * A disk the move adds. {@code name} is null when only a URI was seen (the default output
     * never names the new disks); {@code uri} is null when only the name was seen (a fragment).
     */
    public record NewDisk(String name, String uri, String device, Integer bootPriority, Integer deviceId) {
    }

    /**
     * @param samples                progress lines seen
     * @param lastPercent            the percentage of the last line
     * @param resilveredBytes        the amount resilvered in the last line, in bytes
     * @param lastRateBytesPerSecond the rate of the last line, in bytes per second
     * @param lastEtaSeconds         the remaining time of the last line, in seconds; null if not a duration
     */
    public record ResilverStats(long samples, double lastPercent, long resilveredBytes, long lastRateBytesPerSecond,
            Long lastEtaSeconds) {
    }
}
