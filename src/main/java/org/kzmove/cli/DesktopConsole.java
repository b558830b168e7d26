package org.kzmove.cli;

import org.kzmove.app.ConsoleLauncher;
import org.tinylog.Logger;

/** What {@code kzmove} without a subcommand does: opens the desktop console, or says in one line why not. */
@FunctionalInterface
interface DesktopConsole {

    /** Returns the exit status once the console closed (or could not open). */
    int open(CliIo io);

    /** The JavaFX console; a failure to start JavaFX (no display, no GTK) becomes one line and status 1. */
    DesktopConsole JAVAFX = io -> {
        try {
            ConsoleLauncher.main(new String[0]);
            return ExitCodes.OK;
        } catch (RuntimeException | LinkageError e) {
            Logger.debug(e, "JavaFX could not start");
            io.err().println("kzmove: cannot open the desktop console: " + reason(e)
                    + "; the command-line tools work: kzmove --help");
            return ExitCodes.ERROR;
        }
    };

    /** The deepest cause's message, named for people when it is the usual one. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (message.contains("DISPLAY")) {
            return "no display (" + message + ")";
        }
        if (root instanceof LinkageError || message.contains("GTK")) {
            return "JavaFX cannot run here (" + message + ")";
        }
        return message;
    }
}
