package org.kzmove.sim.process;

import java.util.Objects;
import java.util.Set;

/**
 * Who runs a simulated command, modelled on Solaris RBAC.
 *
 * @param user          login name
 * @param uid           real uid (stays the user's under pfexec, as on Solaris)
 * @param effectiveUid  0 when the command runs as root: a root login, {@code sudo -n} for a
 *                      sudoer, or {@code pfexec} of a command that one of the user's rights
 *                      profiles grants with uid=0 (e.g. "Zone Management" for zoneadm/zonecfg)
 * @param profiles      the user's rights profiles, e.g. "Zone Management"
 * @param via           how the command was elevated: "", "pfexec" or "sudo"
 */
public record Credentials(String user, int uid, int effectiveUid, Set<String> profiles, String via) {
    public static final String ZONE_MANAGEMENT = "Zone Management";

    public Credentials {
        Objects.requireNonNull(user, "user");
        profiles = Set.copyOf(profiles);
        via = via == null ? "" : via;
    }

    public boolean isEffectivelyRoot() {
        return effectiveUid == 0;
    }
}
