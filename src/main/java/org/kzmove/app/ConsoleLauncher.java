package org.kzmove.app;

import javafx.application.Application;

/**
 * Starts the desktop console. A plain class on purpose: the JVM refuses to start a class that
 * extends {@code Application} from the class path ("JavaFX runtime components are missing").
 */
public final class ConsoleLauncher {
    private ConsoleLauncher() {
    }

    /** Opens the main window and returns when it was closed. JavaFX failures propagate as thrown. */
    public static void main(String[] args) {
        Application.launch(KzmoveApplication.class, args);
        try {
            KzmoveApplication.awaitSettingsSaved(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
