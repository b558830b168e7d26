package org.kzmove.sim.fs;

/** A file operation the simulated host refuses; the message reads like the Solaris errno text. */
public final class SimFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public SimFileException(String message) {
        super(message);
    }
}
