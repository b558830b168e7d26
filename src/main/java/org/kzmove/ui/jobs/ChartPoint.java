package org.kzmove.ui.jobs;

/**
 * One point of the resilver chart, as plain numbers (the view turns them into chart series).
 *
 * @param elapsedSeconds    the resilver's elapsed time, in the host's seconds as kzmove measures them
 * @param rateMegabytes     zoneadm's resilver rate, MiB/s
 * @param zoneadmEtaSeconds zoneadm's "to go", null when it printed none
 * @param etaSeconds        kzmove's estimate, null while it has too few samples
 * @param etaLowSeconds     the estimate at the fast end of the rates seen
 * @param etaHighSeconds    ... at the slow end
 */
public record ChartPoint(double elapsedSeconds, double rateMegabytes, Long zoneadmEtaSeconds, Long etaSeconds,
        Long etaLowSeconds, Long etaHighSeconds) {
}
