package org.kzmove.solaris.move;

import java.util.ArrayList;
import java.util.List;

import org.kzmove.solaris.move.MoveEvent.Banner;
import org.kzmove.solaris.move.MoveEvent.CheckResult;
import org.kzmove.solaris.move.MoveEvent.CheckStarted;
import org.kzmove.solaris.move.MoveEvent.CheckSubject;
import org.kzmove.solaris.move.MoveEvent.CleanupResult;
import org.kzmove.solaris.move.MoveEvent.LogFileAnnounced;
import org.kzmove.solaris.move.MoveEvent.MoveSucceeded;
import org.kzmove.solaris.move.MoveEvent.OnlineWait;
import org.kzmove.solaris.move.MoveEvent.ResilverProgress;
import org.kzmove.solaris.move.MoveEvent.RollbackNotice;
import org.kzmove.solaris.move.MoveEvent.SectionStarted;
import org.kzmove.solaris.move.MoveEvent.SignalCaught;
import org.kzmove.solaris.move.MoveEvent.VerboseEnabled;
import org.kzmove.solaris.move.MoveEvent.ZoneadmError;

/**
 * The phase model on top of the events. Forward steps only move forward (a repeated or late
 * heading never takes the move back); once rolling back, only a clean-up result or a final
 * {@code move failed.} changes the phase; terminal phases stay, except that a clean-up result
 * after FAILED still counts (zoneadm printed it, so the rollback ran).
 */
final class MovePhaseTracker {
    private MovePhase current = MovePhase.NOT_STARTED;
    private final List<MovePhase> reached = new ArrayList<>();

    MovePhase current() {
        return current;
    }

    List<MovePhase> reached() {
        return List.copyOf(reached);
    }

    /** Applies one event; true when the phase changed. */
    boolean apply(MoveEvent event) {
        MovePhase next = next(event);
        if (next == null || next == current) {
            return false;
        }
        current = next;
        reached.add(next);
        return true;
    }

    private MovePhase next(MoveEvent event) {
        if (event instanceof VerboseEnabled || event instanceof LogFileAnnounced || event instanceof CheckStarted
                || event instanceof CheckSubject || event instanceof CheckResult
                || (event instanceof Banner b && b.starting())) {
            return forward(MovePhase.PRECHECKS);
        }
        if (event instanceof SectionStarted s) {
            return switch (s.section()) {
                case BOOTABLE_DISKS, NON_BOOTABLE_DISKS, ROOT_POOL_NAME, ROOT_POOL_DISKS, HIGHEST_BOOT_PRIORITY, CHECK ->
                        forward(MovePhase.PRECHECKS);
                case NEW_DEVICES, APPLY_ADDED_DEVICES -> forward(MovePhase.CONFIGURING);
                case ATTACH -> forward(MovePhase.ATTACHING);
                case RESILVER -> forward(MovePhase.RESILVERING);
                case VERIFY_ONLINE -> forward(MovePhase.VERIFYING_ONLINE);
                case DETACH_ORIGINAL -> forward(MovePhase.DETACHING);
                case REMOVE_ORIGINAL, APPLY_REMOVED_DEVICES -> forward(MovePhase.REMOVING);
                case ROLLBACK_DETACH_NEW, ROLLBACK_REMOVE_ADDED, ROLLBACK_REVERT_LIVE_CONFIG -> rollingBack();
                case NONE -> null;
            };
        }
        if (event instanceof ResilverProgress) {
            return forward(MovePhase.RESILVERING);
        }
        if (event instanceof OnlineWait) {
            return forward(MovePhase.VERIFYING_ONLINE);
        }
        if (event instanceof MoveSucceeded) {
            return current.isTerminal() ? null : MovePhase.SUCCEEDED;
        }
        if (event instanceof SignalCaught || event instanceof RollbackNotice) {
            return rollingBack();
        }
        if (event instanceof CleanupResult c) {
            if (current.isTerminal() && current != MovePhase.FAILED) {
                return null;
            }
            return c.success() ? MovePhase.ROLLED_BACK : MovePhase.ROLLBACK_FAILED;
        }
        if (event instanceof ZoneadmError e) {
            if (current.isTerminal()) {
                return null;
            }
            if (e.moveFailed() || current != MovePhase.ROLLING_BACK) {
                return MovePhase.FAILED;
            }
        }
        return null;
    }

    private MovePhase forward(MovePhase step) {
        if (current.isTerminal() || current == MovePhase.ROLLING_BACK) {
            return null;
        }
        return step.compareTo(current) > 0 ? step : null;
    }

    private MovePhase rollingBack() {
        return current.isTerminal() ? null : MovePhase.ROLLING_BACK;
    }
}
