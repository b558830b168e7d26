package org.kzmove.sim.fs;

/** A file operation the simulated host refuses; the message reads like the Solaris errno text. */
public final class SimFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed, with the text Solaris' strerror(3C) gives for that errno. */
    public enum Reason {
        NO_SUCH_FILE("No such file or directory"),
        PERMISSION_DENIED("Permission denied"),
        IS_A_DIRECTORY("Is a directory"),
        NOT_A_DIRECTORY("Not a directory"),
        FILE_EXISTS("File exists"),
        DIRECTORY_NOT_EMPTY("Directory not empty"),
        DEVICE_BUSY("Device busy");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** The strerror text, e.g. "Permission denied". */
        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public SimFileException(Reason reason, String path) {
        super(path + ": " + reason.text());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
