package org.kzmove.ui.jobs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveSection;

/**
 * The steps of a move as the user sees them: zoneadm's forward phases, then, after a cancel or a
 * failure, the rollback steps in the order zoneadm prints their headings, and a last step that says
 * how it ended. Fed with the phases and rollback headings the output parser finds.
 */
final class PhaseStepper {
    private static final Map<MovePhase, String> FORWARD = forwardLabels();

    private final ObservableList<PhaseStep> steps = FXCollections.observableArrayList();
    private final Map<MovePhase, PhaseStep> forward = new EnumMap<>(MovePhase.class);
    private final List<PhaseStep> rollback = new ArrayList<>();
    private final PhaseStep last = new PhaseStep("Done");
    private PhaseStep active;

    PhaseStepper() {
        FORWARD.forEach((phase, label) -> {
            PhaseStep step = new PhaseStep(label);
            forward.put(phase, step);
            steps.add(step);
        });
        steps.add(last);
    }

    private static Map<MovePhase, String> forwardLabels() {
        Map<MovePhase, String> m = new EnumMap<>(MovePhase.class);
        m.put(MovePhase.PRECHECKS, "Pre-checks");
        m.put(MovePhase.CONFIGURING, "Configuring");
        m.put(MovePhase.ATTACHING, "Attaching");
        m.put(MovePhase.RESILVERING, "Resilvering");
        m.put(MovePhase.VERIFYING_ONLINE, "Verifying");
        m.put(MovePhase.DETACHING, "Detaching");
        m.put(MovePhase.REMOVING, "Removing");
        return m;
    }

    ObservableList<PhaseStep> steps() {
        return steps;
    }

    void enter(MovePhase phase) {
        if (phase.isForwardStep()) {
            // The default (non-verbose) output skips phases: every earlier step is done by now.
            forward.forEach((p, step) -> {
                if (p.compareTo(phase) < 0 && step.state() == StepState.PENDING || step.state() == StepState.ACTIVE) {
                    step.setState(StepState.DONE);
                }
            });
            activate(forward.get(phase));
            return;
        }
        switch (phase) {
            case SUCCEEDED -> {
                forward.values().forEach(s -> s.setState(StepState.DONE));
                last.setLabel("Done");
                last.setState(StepState.DONE);
                active = null;
            }
            case ROLLING_BACK -> {
                if (active != null && forward.containsValue(active)) {
                    active.setState(StepState.FAILED);
                    active = null;
                }
                last.setLabel("Rolled back");
            }
            case ROLLED_BACK -> {
                completeRollbackSteps();
                // Everything zoneadm had done is undone; the interrupted step stays marked as where it stopped.
                forward.values().stream().filter(s -> s.state() == StepState.DONE)
                        .forEach(s -> s.setState(StepState.ROLLED_BACK));
                last.setLabel("Rolled back");
                last.setState(StepState.DONE);
                active = null;
            }
            case ROLLBACK_FAILED -> {
                if (active != null) {
                    active.setState(StepState.FAILED);
                }
                last.setLabel("Clean-up failed");
                last.setState(StepState.FAILED);
                active = null;
            }
            case FAILED -> {
                if (active != null) {
                    active.setState(StepState.FAILED);
                }
                last.setLabel("Failed");
                last.setState(StepState.FAILED);
                active = null;
            }
            default -> {
                // NOT_STARTED: nothing to show yet.
            }
        }
    }

    /** A rollback heading: the step before it is done, this one is under way. */
    void rollbackStep(MoveSection section) {
        String label = switch (section) {
            case ROLLBACK_DETACH_NEW -> "Detaching new disks";
            case ROLLBACK_REMOVE_ADDED -> "Removing added devices";
            case ROLLBACK_REVERT_LIVE_CONFIG -> "Reverting live configuration";
            default -> null;
        };
        if (label == null) {
            return;
        }
        if (active != null && forward.containsValue(active)) {
            active.setState(StepState.FAILED);
        }
        completeRollbackSteps();
        PhaseStep step = new PhaseStep(label);
        rollback.add(step);
        steps.add(steps.size() - 1, step);
        activate(step);
    }

    private void completeRollbackSteps() {
        rollback.stream().filter(s -> s.state() == StepState.ACTIVE).forEach(s -> s.setState(StepState.DONE));
    }

    private void activate(PhaseStep step) {
        step.setState(StepState.ACTIVE);
        active = step;
    }
}
