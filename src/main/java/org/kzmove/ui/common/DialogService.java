package org.kzmove.ui.common;

/**
 * Dialogs and notifications, the only way view models talk to the user outside their properties.
 * Tests pass a recording fake; the console passes {@link FxDialogService}.
 */
public interface DialogService {

    /** Tells the user something failed: a short title and one or two sentences of what to do. */
    void showError(String title, String message);
}
