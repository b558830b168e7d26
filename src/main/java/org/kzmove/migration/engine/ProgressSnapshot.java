package org.kzmove.migration.engine;

import java.time.Instant;

import org.kzmove.solaris.move.MovePhase;

/**
 * Where a move stands, for a progress bar: zoneadm's own figures and kzmove's estimate
 * ({@link org.kzmove.migration.EtaEstimator}). Time fields are seconds, null when not known yet.
 *
 * @param at                        when kzmove saw it, on its own clock
 * @param percent                   zoneadm's percentage (coarse steps)
 * @param resilveredBytes           zoneadm's bytes resilvered (written to the new disks: twice the pool's
 *                                  data on a two-disk target)
 * @param rateBytesPerSecond        zoneadm's rate (an average since the resilver began)
 * @param zoneadmEtaSeconds         zoneadm's "to go"
 * @param etaSeconds                kzmove's estimate
 * @param etaLowSeconds             the early end of kzmove's range
 * @param etaHighSeconds            ... the late end
 * @param canStillRestoreOriginals  whether a cancel now would still put the zone back on its original disks
 * @param donePercent               kzmove's figure of the work done, 0-100, fresh on every line (zoneadm's rate
 *                                  times the time since the resilver began, over the bytes to examine); null
 *                                  when the pool size is unknown. Progress bars use it: it moves with every
 *                                  line, where zoneadm's percentage stays put for many lines and looks like a stall
 * @param resilverSeconds           time since the resilver began, in the host's seconds as kzmove measures them;
 *                                  null before kzmove has an estimate
 */
public record ProgressSnapshot(Instant at, MovePhase phase, double percent, long resilveredBytes,
        long rateBytesPerSecond, Long zoneadmEtaSeconds, Long etaSeconds, Long etaLowSeconds, Long etaHighSeconds,
        boolean canStillRestoreOriginals, Double donePercent, Double resilverSeconds) {

    /** What a progress bar should show: kzmove's figure when known, else zoneadm's. */
    public double displayPercent() {
        return donePercent != null ? Math.max(donePercent, 0) : percent;
    }
}
