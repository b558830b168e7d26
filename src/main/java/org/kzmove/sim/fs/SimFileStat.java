package org.kzmove.sim.fs;

import java.time.Instant;

/**
 * What stat(2) tells of a simulated file.
 *
 * @param directory whether it is a directory (everything else is a regular file)
 * @param mode      permission bits with the sticky (01000), setgid (02000) and setuid (04000) bits
 * @param uid       owner
 * @param gid       group
 * @param size      bytes for a file; for a directory, entries + 2 (as ZFS reports it)
 * @param links     1 for a file; 2 + subdirectories for a directory
 * @param modified  last modification, simulated time
 */
public record SimFileStat(boolean directory, int mode, int uid, int gid, long size, int links, Instant modified) {
    public static final int STICKY = 01000;
    public static final int SETGID = 02000;
    public static final int SETUID = 04000;

    /** The ten characters of {@code ls -l}: type then rwx for owner, group, others (s/S, t/T included). */
    public String modeString() {
        StringBuilder sb = new StringBuilder(10);
        sb.append(directory ? 'd' : '-');
        sb.append(triplet(mode >> 6, (mode & SETUID) != 0, 's'));
        sb.append(triplet(mode >> 3, (mode & SETGID) != 0, 's'));
        sb.append(triplet(mode, (mode & STICKY) != 0, 't'));
        return sb.toString();
    }

    private static String triplet(int bits, boolean special, char specialChar) {
        char x = (bits & 1) != 0 ? (special ? specialChar : 'x') : (special ? Character.toUpperCase(specialChar) : '-');
        return "" + ((bits & 4) != 0 ? 'r' : '-') + ((bits & 2) != 0 ? 'w' : '-') + x;
    }
}
