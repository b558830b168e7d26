package org.kzmove.migration.engine;

import org.kzmove.solaris.move.MovePhase;

/**
 * Where a move stands, for a progress bar: zoneadm's own figures and kzmove's smoothed estimate.
 * Time fields are seconds, null when not known yet.
 *
 * @param percent                   zoneadm's percentage (coarse steps)
 * @param zoneadmEtaSeconds         zoneadm's "to go"
 * @param etaSeconds                kzmove's estimate from the pool's allocated bytes and a smoothed rate
 * @param etaLowSeconds             the estimate if the rate stays at the fast end of what was seen
 * @param etaHighSeconds            ... at the slow end
 * @param canStillRestoreOriginals  whether a cancel now would still put the zone back on its original disks
 * @param bytesPercent              resilvered bytes over the pool's allocated bytes, 0-100, never
 *                                  decreasing; null when the pool size is unknown. Progress bars use
 *                                  it: it moves with every line, where zoneadm's percentage stays put
 *                                  for many lines and looks like a stall
 */
public record ProgressSnapshot(MovePhase phase, double percent, long resilveredBytes, long rateBytesPerSecond,
        Long zoneadmEtaSeconds, Long etaSeconds, Long etaLowSeconds, Long etaHighSeconds,
        boolean canStillRestoreOriginals, Double bytesPercent) {

    /** What a progress bar should show: the byte-based figure when known, else zoneadm's. */
    public double displayPercent() {
        return bytesPercent != null ? Math.max(bytesPercent, 0) : percent;
    }
}
