package org.kzmove.sim.host;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the simulated {@code zoneadm move} sets up its SIGINT handler (the scenario's
 * {@code zoneadmSigint}). A background job of a non-interactive shell starts with SIGINT ignored
 * (POSIX 2.11), so the choice decides whether {@code kill -INT} can cancel a move started as
 * {@code nohup pfexec zoneadm ... &} from an exec session. Which one the real zoneadm does is not
 * known from the reference material; the default keeps the simulator's earlier behaviour.
 */
public enum ZoneadmSigint {
    /** {@code signal(SIGINT, handler)} unconditionally: SIGINT and SIGTERM always roll the move back. */
    CATCH("catch"),
    /**
     * The C idiom {@code if (signal(SIGINT, SIG_IGN) != SIG_IGN) signal(SIGINT, handler);}: an
     * inherited ignore of SIGINT (and of SIGTERM, SIGHUP) is kept, so such a move cannot be cancelled.
     */
    KEEP_INHERITED_IGNORE("keep-inherited-ignore");

    private final String jsonName;

    ZoneadmSigint(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The value as written in a scenario. */
    public String jsonName() {
        return jsonName;
    }

    /** {@code catch} or {@code keep-inherited-ignore}; null means the default, {@link #CATCH}. */
    public static ZoneadmSigint parse(String text) {
        if (text == null) {
            return CATCH;
        }
        for (ZoneadmSigint v : values()) {
            if (v.jsonName.equals(text.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("zoneadmSigint: '" + text + "' is not one of "
                + Arrays.stream(values()).map(ZoneadmSigint::jsonName).collect(Collectors.joining(", ")));
    }
}
