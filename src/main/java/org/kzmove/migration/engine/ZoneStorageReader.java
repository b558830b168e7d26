package org.kzmove.migration.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.command.SequenceOutput;
import org.kzmove.remote.session.HostSession;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.config.ParsedZoneConfig;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.config.ZonecfgParser;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.pool.ZpoolListParser;
import org.kzmove.solaris.pool.ZpoolStatusParser;

/**
 * Reads one zone's disks in one round trip: {@code zonecfg -z Z export}, {@code zonecfg -z Z -r export},
 * {@code zlogin Z zpool status rpool}, {@code zlogin Z zpool list rpool}. Used before a move (the
 * originals, their boot priority, the bytes to copy) and after it (verification). The whole inventory
 * would read every zone; a move needs one.
 */
final class ZoneStorageReader {
    static final String ROOT_POOL = "rpool";
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Privilege privilege;

    ZoneStorageReader(Privilege privilege) {
        this.privilege = privilege;
    }

    ZoneStorage read(HostSession session, String zone) throws RemoteException {
        String marker = RemoteScript.newMarker();
        RemoteScript script;
        try {
            List<RemoteCommand> cmds = List.of(
                    RemoteCommand.of(Program.ZONECFG, privilege).flag("-z").zone(zone).word("export").build(),
                    RemoteCommand.of(Program.ZONECFG, privilege).flag("-z").zone(zone).flag("-r").word("export").build(),
                    RemoteCommand.of(Program.ZLOGIN, privilege).zone(zone).word("zpool").word("status").word(ROOT_POOL).build(),
                    RemoteCommand.of(Program.ZLOGIN, privilege).zone(zone).word("zpool").word("list").word(ROOT_POOL).build());
            script = RemoteScript.sequence(marker, cmds);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("zone names are validated with the move request", e);
        }
        List<SequenceOutput.Part> parts = SequenceOutput.split(session.query(script, TIMEOUT).stdout(), marker);
        List<String> problems = new ArrayList<>();
        if (parts.size() < 4) {
            throw new RemoteException(RemoteException.Reason.CONNECTION_LOST, session.target().display(),
                    "The host's answer about zone '" + zone + "' was cut short; try again.");
        }
        ZoneConfig persistent = config(parts.get(0), "zonecfg export", problems);
        ZoneConfig live = config(parts.get(1), "zonecfg -r export", problems);
        Pool pool = null;
        if (parts.get(2).succeeded()) {
            pool = ZpoolStatusParser.parse(parts.get(2).output()).pool(ROOT_POOL).orElse(null);
        }
        if (pool == null) {
            problems.add("zpool status " + ROOT_POOL + " in the zone: " + firstLine(parts.get(2).output()));
        }
        PoolUsage usage = parts.get(3).succeeded()
                ? ZpoolListParser.parse(parts.get(3).output()).pool(ROOT_POOL).orElse(null) : null;
        return new ZoneStorage(persistent, live, pool, usage, problems);
    }

    private static ZoneConfig config(SequenceOutput.Part part, String what, List<String> problems) {
        if (!part.succeeded()) {
            problems.add(what + " failed: " + firstLine(part.output()));
            return null;
        }
        ParsedZoneConfig parsed = ZonecfgParser.parse(part.output());
        return parsed.config();
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
