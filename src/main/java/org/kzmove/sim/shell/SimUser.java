package org.kzmove.sim.shell;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.kzmove.sim.process.Credentials;

/**
 * A user of the simulated host, modelled on Solaris RBAC.
 *
 * @param name         login name
 * @param uid          user id (0 = root)
 * @param gid          primary group id
 * @param home         home directory in the simulated file tree
 * @param profiles     rights profiles, e.g. {@link Credentials#ZONE_MANAGEMENT}, used by pfexec
 * @param sudoer       whether {@code sudo -n} runs commands as root for this user (NOPASSWD)
 * @param passwordHash a {@link PasswordHash} string, or null: password logins only for users a
 *                     scenario explicitly gives a password
 */
public record SimUser(String name, int uid, int gid, String home, Set<String> profiles, boolean sudoer,
        String passwordHash) {

    public SimUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        profiles = Set.copyOf(profiles);
    }

    /** The superuser. (Real Solaris forbids root SSH logins by default; the simulator allows them.) */
    public static SimUser root() {
        return new SimUser("root", 0, 0, "/root", Set.of(), true, null);
    }

    /** An administrator whose "Zone Management" profile works through pfexec, and a sudoer. */
    public static SimUser zoneAdmin(String name, int uid) {
        return new SimUser(name, uid, 10, "/export/home/" + name, Set.of(Credentials.ZONE_MANAGEMENT), true, null);
    }

    /** An ordinary user: no profiles, not a sudoer. */
    public static SimUser ordinary(String name, int uid) {
        return new SimUser(name, uid, 10, "/export/home/" + name, Set.of(), false, null);
    }

    public SimUser withPassword(char[] password) {
        return new SimUser(name, uid, gid, home, profiles, sudoer, PasswordHash.hash(password));
    }

    public SimUser withPasswordHash(String hash) {
        return new SimUser(name, uid, gid, home, profiles, sudoer, hash);
    }

    public SimUser withProfiles(Set<String> newProfiles) {
        return new SimUser(name, uid, gid, home, newProfiles, sudoer, passwordHash);
    }

    public SimUser withSudoer(boolean isSudoer) {
        return new SimUser(name, uid, gid, home, profiles, isSudoer, passwordHash);
    }

    public Optional<String> password() {
        return Optional.ofNullable(passwordHash);
    }

    /** The credentials of a login shell of this user. */
    public Credentials loginCredentials() {
        return new Credentials(name, uid, uid, profiles, "");
    }

    @Override
    public String toString() {
        // never print the hash
        return "SimUser[" + name + ", uid=" + uid + "]";
    }
}
