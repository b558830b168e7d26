package org.kzmove.ui.jobs;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One labelled step of the phase stepper, e.g. "Resilvering", and its state. */
public final class PhaseStep {
    private final StringProperty label;
    private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PENDING);

    PhaseStep(String label) {
        this.label = new SimpleStringProperty(label);
    }

    public ReadOnlyStringProperty labelProperty() {
        return label;
    }

    public String label() {
        return label.get();
    }

    public ReadOnlyObjectProperty<StepState> stateProperty() {
        return state;
    }

    public StepState state() {
        return state.get();
    }

    void setState(StepState value) {
        state.set(value);
    }

    void setLabel(String value) {
        label.set(value);
    }

    @Override
    public String toString() {
        return label() + "=" + state();
    }
}
