package org.kzmove.sim.command;

/**
 * Thrown by a simulated process's output stream when the SSH channel it writes to is gone: the
 * simulated SIGPIPE. A command that does not catch it dies, as a real one would.
 */
public final class BrokenPipeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenPipeException(String message) {
        super(message);
    }
}
