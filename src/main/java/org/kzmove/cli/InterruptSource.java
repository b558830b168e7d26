package org.kzmove.cli;

/**
 * Where Ctrl-C comes from. Production listens for SIGINT on the JVM; tests press it by hand.
 */
interface InterruptSource {

    /** Calls {@code handler} on every interrupt until {@link #restore()}. */
    void install(Runnable handler);

    void restore();

    /** SIGINT of the terminal (through the JDK's {@code sun.misc.Signal}, the only portable hook there is). */
    static InterruptSource sigint() {
        return new InterruptSource() {
            private sun.misc.SignalHandler previous;

            @Override
            public void install(Runnable handler) {
                try {
                    previous = sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> handler.run());
                } catch (IllegalArgumentException e) {
                    // No SIGINT on this platform/JVM: Ctrl-C then ends kzmove; the move goes on on the host.
                    previous = null;
                }
            }

            @Override
            public void restore() {
                if (previous != null) {
                    sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous);
                }
            }
        };
    }
}
