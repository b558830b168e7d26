package org.kzmove.sim.fs;

/**
 * Who touches a file, as the kernel sees it: effective uid, effective gid and the umask new files
 * are created with.
 *
 * @param uid   effective uid; 0 bypasses every permission check (as Solaris' superuser does)
 * @param gid   effective gid; the group of files this process creates
 * @param umask bits cleared from the mode of new files and directories (default 022)
 */
public record FileAccess(int uid, int gid, int umask) {
    public static final int DEFAULT_UMASK = 022;

    /** The host itself (zoneadm's logs, the simulator's own setup): root, group root, umask 022. */
    public static final FileAccess ROOT = new FileAccess(0, 0, DEFAULT_UMASK);

    public boolean isRoot() {
        return uid == 0;
    }
}
