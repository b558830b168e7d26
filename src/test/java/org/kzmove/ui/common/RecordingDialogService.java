package org.kzmove.ui.common;

import java.util.ArrayList;
import java.util.List;

/** A dialog service that remembers what it was asked to show. */
public final class RecordingDialogService implements DialogService {
    public record Shown(String title, String message) {
    }

    private final List<Shown> errors = new ArrayList<>();

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(new Shown(title, message));
    }

    public synchronized List<Shown> errors() {
        return List.copyOf(errors);
    }
}
