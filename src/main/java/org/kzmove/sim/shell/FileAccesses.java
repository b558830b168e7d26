package org.kzmove.sim.shell;

import org.kzmove.sim.process.Credentials;
import org.kzmove.sim.fs.FileAccess;

/** The file-system identity of a simulated process, from its credentials. */
final class FileAccesses {
    private FileAccesses() {
    }

    /**
     * Effective uid as given; effective gid 0 under {@code sudo} (which sets every id to root's)
     * and for root logins, otherwise the user's primary group: {@code pfexec} changes only the
     * uid, so a file a Zone Management user creates through pfexec is root's, group staff.
     * The umask is Solaris' default 022 (the shell has no {@code umask} builtin).
     */
    static FileAccess of(Credentials c, SimUsers users) {
        int gid = c.uid() == 0 ? 0 : users.byUid(c.uid()).map(SimUser::gid).orElse(10);
        return new FileAccess(c.effectiveUid(), gid, FileAccess.DEFAULT_UMASK);
    }
}
