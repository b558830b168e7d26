package org.kzmove.ui.jobs;

/** Where one step of the phase stepper stands; the view gives each a style class of the same name. */
public enum StepState {
    PENDING,
    ACTIVE,
    DONE,
    FAILED,
    /** A step whose changes zoneadm has undone (after a cancel or a failure). */
    ROLLED_BACK;

    /** The CSS style class of a step in this state, e.g. {@code step-rolled-back}. */
    public String styleClass() {
        return "step-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
