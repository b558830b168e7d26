package org.kzmove.migration;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.zone.ZoneName;

/**
 * What the administrator asked for: move {@code zone}'s root pool onto {@code targets} (two or
 * more make a mirror), optionally forcing the attach of disks that carry old pool labels.
 */
public record MoveRequest(String zone, List<MoveTarget> targets, boolean forceZpoolAttach) {

    public MoveRequest {
        targets = List.copyOf(targets);
    }

    /** Checks everything that can be checked without the host. Throws on the first problem. */
    public MoveRequest validated() throws InvalidValueException {
        ZoneName.validate(zone);
        if (targets.isEmpty()) {
            throw new InvalidValueException("target list", "", "needs at least one storage URI (-p)");
        }
        Set<String> seen = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (MoveTarget t : targets) {
            t.validated();
            if (!seen.add(t.uri().normalized())) {
                throw new InvalidValueException("storage URI", t.uri().text(), "is given twice (as "
                        + t.uri().normalized() + ")");
            }
            if (t.diskId() != null && !ids.add(t.diskId())) {
                throw new InvalidValueException("disk id", t.diskId().toString(), "is given to two targets");
            }
        }
        return this;
    }

    /** The exact {@code zoneadm ... move -v ...} command, elevated as the host profile says. */
    public RemoteCommand command(Privilege privilege, boolean verbose) throws InvalidValueException {
        validated();
        RemoteCommand.Builder b = RemoteCommand.of(Program.ZONEADM, privilege).flag("-z").zone(zone).word("move");
        if (verbose) {
            b.flag("-v");
        }
        for (MoveTarget t : targets) {
            b.flag("-p").storageUri(t.uri());
            if (t.diskId() != null) {
                b.flag("-x").word("id=" + t.diskId());
            }
        }
        if (forceZpoolAttach) {
            b.flag("-x").word("force-zpool-attach");
        }
        return b.build();
    }

    /** The command as an administrator would type it on the host (for display and copying). */
    public String displayCommand(boolean verbose) throws InvalidValueException {
        return command(Privilege.NONE, verbose).toShellLine();
    }
}
