package org.kzmove.sim.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The users of a simulated host (its /etc/passwd, user_attr and sudoers in one place). */
public final class SimUsers {
    private final Map<String, SimUser> byName = new LinkedHashMap<>();

    public SimUsers(Collection<SimUser> users) {
        for (SimUser u : users) {
            if (byName.put(u.name(), u) != null) {
                throw new IllegalArgumentException("duplicate user " + u.name());
            }
        }
    }

    /**
     * root, {@code kzadmin} (uid 100, "Zone Management", sudoer), {@code operator1} (uid 101, no
     * rights) and {@code kzadmin2} (uid 102, a second administrator like kzadmin, so that two
     * admins' files and processes can be told apart).
     */
    public static SimUsers defaults() {
        return new SimUsers(List.of(SimUser.root(), SimUser.zoneAdmin("kzadmin", 100), SimUser.ordinary("operator1", 101),
                SimUser.zoneAdmin("kzadmin2", 102)));
    }

    public synchronized Optional<SimUser> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public synchronized Optional<SimUser> byUid(int uid) {
        return byName.values().stream().filter(u -> u.uid() == uid).findFirst();
    }

    /** {@code name} for a known uid, the number otherwise (as ps prints unknown owners). */
    public String nameOf(int uid) {
        return byUid(uid).map(SimUser::name).orElse(Integer.toString(uid));
    }

    public synchronized List<SimUser> all() {
        return new ArrayList<>(byName.values());
    }

    public synchronized boolean anyHasPassword() {
        return byName.values().stream().anyMatch(u -> u.passwordHash() != null);
    }
}
