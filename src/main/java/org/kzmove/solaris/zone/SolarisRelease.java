package org.kzmove.solaris.zone;

import java.util.Optional;

/**
 * The Solaris release a host runs, read from {@code uname -v}: {@code 11.4.48.126.2} is 11.4 SRU 48.
 * Live storage migration of kernel zones ({@code zoneadm move} for solaris-kz) needs 11.4 SRU 48 or
 * later (Oracle's announcement, August 2022).
 */
public record SolarisRelease(int major, int minor, int sru, String text) {
    public static final int FIRST_SRU_WITH_KZ_MOVE = 48;

    /** Parses {@code 11.4.48.126.2}, {@code 11.4}, {@code 11.3}; empty for anything else. */
    public static Optional<SolarisRelease> parse(String unameV) {
        if (unameV == null) {
            return Optional.empty();
        }
        String t = unameV.strip();
        if (!t.matches("\\d{1,3}\\.\\d{1,3}(\\.\\d{1,5})*")) {
            return Optional.empty();
        }
        String[] parts = t.split("\\.");
        int sru = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return Optional.of(new SolarisRelease(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), sru, t));
    }

    public boolean supportsKernelZoneStorageMove() {
        return major > 11 || (major == 11 && (minor > 4 || (minor == 4 && sru >= FIRST_SRU_WITH_KZ_MOVE)));
    }

    /** "Solaris 11.4 SRU 48" style, for people. */
    public String describe() {
        return "Solaris " + major + "." + minor + (sru > 0 ? " SRU " + sru : "");
    }
}
