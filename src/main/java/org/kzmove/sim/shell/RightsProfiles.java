package org.kzmove.sim.shell;

import java.util.Map;
import java.util.Set;

/**
 * Which commands a rights profile runs with uid 0 under {@code pfexec}: the part of Solaris
 * prof_attr/exec_attr the simulator needs. A command not granted runs under pfexec with the user's
 * own privileges, as on Solaris (pfexec is not an error then; the command itself may refuse).
 */
public final class RightsProfiles {
    /** Grants every command, as "Primary Administrator" did on older releases. */
    public static final String PRIMARY_ADMINISTRATOR = "Primary Administrator";
    private static final String ANY = "*";

    private static final Map<String, Set<String>> GRANTS = Map.of(
            "Zone Management", Set.of("zoneadm", "zonecfg", "zlogin"),
            "ZFS File System Management", Set.of("zfs"),
            "ZFS Storage Management", Set.of("zpool"),
            PRIMARY_ADMINISTRATOR, Set.of(ANY));

    private RightsProfiles() {
    }

    /** Whether one of {@code profiles} grants {@code command} (base name or path) uid 0. */
    public static boolean grantsRoot(Set<String> profiles, String command) {
        String base = command.substring(command.lastIndexOf('/') + 1);
        for (String profile : profiles) {
            Set<String> commands = GRANTS.getOrDefault(profile, Set.of());
            if (commands.contains(ANY) || commands.contains(base)) {
                return true;
            }
        }
        return false;
    }
}
