package org.kzmove.ui.wizard;

import java.util.Optional;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.kzmove.migration.MoveTarget;

/**
 * One target of a move as the user types it: a storage URI and an optional disk id. Its error is
 * set by {@link TargetsStepViewModel}, which alone sees the other rows and the zone's disks.
 */
public final class TargetRowViewModel {
    private final StringProperty uri = new SimpleStringProperty("");
    private final StringProperty diskId = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private MoveTarget target;

    TargetRowViewModel(String initialUri) {
        uri.set(initialUri);
    }

    public StringProperty uriProperty() {
        return uri;
    }

    /** The {@code -x id=N} to give the new disk; empty to let zoneadm choose. */
    public StringProperty diskIdProperty() {
        return diskId;
    }

    /** What is wrong with this row, or empty when it is a usable target. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The checked target, when the row is valid. */
    public Optional<MoveTarget> target() {
        return Optional.ofNullable(target);
    }

    void result(MoveTarget checked, String problem) {
        target = checked;
        error.set(problem);
    }
}
