package org.kzmove.sim.host;

import java.util.List;
import java.util.Objects;

/**
 * A login account of the simulated host, read by the SSH layer.
 *
 * @param passwordHash an opaque string the SSH layer interprets; null when the account has none
 */
public record HostUser(String name, int uid, List<String> profiles, boolean sudoer, String passwordHash) {
    public HostUser {
        Objects.requireNonNull(name, "name");
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
    }
}
