package org.kzmove.sim.host;

import java.util.Locale;

import org.kzmove.sim.host.scenario.HostScenario.FaultSpec;

/**
 * Faults injected into the moves of one zone. Set from the scenario or, at run time, by tests and
 * by the console's rehearsal mode through {@link HostModel#faults(String)}. A move reads them as it
 * goes, so a fault set while a move runs takes effect at its next step.
 */
public final class ZoneFaults {
    /** The clean-up steps that can be made to fail. */
    public enum RollbackStep {
        DETACH, REMOVE, REVERT;

        static RollbackStep parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    private volatile Double targetFailsAtPercent;
    private volatile Double stallAtPercent;
    private volatile int stallSeconds;
    private volatile boolean neverLeavesDegraded;
    private volatile RollbackStep rollbackFailsAt;

    static ZoneFaults of(FaultSpec spec) {
        ZoneFaults f = new ZoneFaults();
        if (spec != null) {
            f.targetFailsAtPercent = spec.targetFailsAtPercent();
            f.stallAtPercent = spec.stallAtPercent();
            f.stallSeconds = spec.stallSeconds() == null ? 0 : spec.stallSeconds();
            f.neverLeavesDegraded = Boolean.TRUE.equals(spec.neverLeavesDegraded());
            f.rollbackFailsAt = spec.rollbackFailsAt() == null ? null : RollbackStep.parse(spec.rollbackFailsAt());
        }
        return f;
    }

    /** A new disk faults when the resilver reaches {@code percent}; null clears the fault. */
    public ZoneFaults targetFailsAtPercent(Double percent) {
        this.targetFailsAtPercent = percent;
        return this;
    }

    /** The resilver stops advancing at {@code percent} for {@code seconds} of simulated time. */
    public ZoneFaults stall(Double percent, int seconds) {
        this.stallAtPercent = percent;
        this.stallSeconds = seconds;
        return this;
    }

    /** New disks never leave DEGRADED, so the 120 s wait runs out. */
    public ZoneFaults neverLeavesDegraded(boolean value) {
        this.neverLeavesDegraded = value;
        return this;
    }

    /** The given clean-up step fails (null: clean-up works). */
    public ZoneFaults rollbackFailsAt(RollbackStep step) {
        this.rollbackFailsAt = step;
        return this;
    }

    public Double targetFailsAtPercent() {
        return targetFailsAtPercent;
    }

    public Double stallAtPercent() {
        return stallAtPercent;
    }

    public int stallSeconds() {
        return stallSeconds;
    }

    public boolean neverLeavesDegraded() {
        return neverLeavesDegraded;
    }

    public RollbackStep rollbackFailsAt() {
        return rollbackFailsAt;
    }
}
