package org.kzmove.sim.process;

import java.util.Optional;

/** The signals the simulated host delivers (the names sshd's signal request accepts, plus PIPE). */
public enum Signal {
    HUP(1), INT(2), QUIT(3), KILL(9), USR1(16), USR2(17), PIPE(13), TERM(15);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** The Solaris signal number (signal.h); used in exit statuses as 128+n. */
    public int number() {
        return number;
    }

    /** {@code SIGINT} and so on, as zoneadm prints it. */
    public String sigName() {
        return "SIG" + name();
    }

    /** Accepts {@code INT}, {@code SIGINT}, {@code int} or the number {@code 2}. */
    public static Optional<Signal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.toUpperCase(java.util.Locale.ROOT);
        if (t.startsWith("SIG")) {
            t = t.substring(3);
        }
        for (Signal s : values()) {
            if (s.name().equals(t) || Integer.toString(s.number).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
