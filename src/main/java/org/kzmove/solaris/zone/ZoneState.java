package org.kzmove.solaris.zone;

import java.util.Optional;

/** Every zone state Solaris 11.4 prints in {@code zoneadm list} (solaris-formats.md §6.3). */
public enum ZoneState {
    CONFIGURED("configured"),
    INCOMPLETE("incomplete"),
    UNAVAILABLE("unavailable"),
    INSTALLED("installed"),
    READY("ready"),
    MOUNTED("mounted"),
    RUNNING("running"),
    SHUTTING_DOWN("shutting_down"),
    DOWN("down");

    private final String solarisName;

    ZoneState(String solarisName) {
        this.solarisName = solarisName;
    }

    /** The word zoneadm prints, e.g. {@code shutting_down}. */
    public String solarisName() {
        return solarisName;
    }

    /** True for the states in which the zone has a zone id (zoneadm prints a number, not {@code -}). */
    public boolean hasZoneId() {
        return this == READY || this == RUNNING || this == SHUTTING_DOWN || this == DOWN || this == MOUNTED;
    }

    public static Optional<ZoneState> fromSolaris(String word) {
        for (ZoneState s : values()) {
            if (s.solarisName.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return solarisName;
    }
}
