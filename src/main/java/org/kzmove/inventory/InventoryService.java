package org.kzmove.inventory;

import java.util.ArrayList;
import java.util.List;

import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.SequenceOutput;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.config.ParsedZoneConfig;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.config.ZonecfgParser;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.pool.ZpoolListParser;
import org.kzmove.solaris.pool.ZpoolStatus;
import org.kzmove.solaris.pool.ZpoolStatusParser;
import org.kzmove.solaris.zone.SolarisRelease;
import org.kzmove.solaris.zone.Zone;
import org.kzmove.solaris.zone.ZoneListParser;
import org.kzmove.solaris.zone.ZoneListing;
import org.kzmove.solaris.zone.ZoneName;
import org.kzmove.solaris.zone.ZoneState;

/**
 * Reads a host's zones, their configurations and their guests' root pools in two SSH round trips
 * however many zones there are: one for the release and the zone list, one script for every
 * per-zone command. A zone whose commands fail carries its problem; the others are unaffected.
 */
public final class InventoryService {
    /** The kernel zone guest's root pool (verified name in the move transcripts). */
    static final String ROOT_POOL = "rpool";

    private final Privilege privilege;

    public InventoryService(Privilege privilege) {
        this.privilege = privilege;
    }

    public HostInventory load(String host, RemoteShell shell) throws RemoteException {
        String marker = RemoteScript.newMarker();
        List<RemoteCommand> first = List.of(
                Scripts.command(Program.UNAME, Privilege.NONE, "-v"),
                Scripts.command(Program.ZONEADM, Privilege.NONE, "list", "-cp"));
        CommandResult r1 = shell.run(Scripts.sequence(marker, first));
        List<SequenceOutput.Part> parts1 = SequenceOutput.split(r1.stdout(), marker);
        List<String> problems = new ArrayList<>();
        if (parts1.size() < 2) {
            throw new RemoteException(RemoteException.Reason.CONNECTION_LOST, host,
                    "The host's answer to the zone listing was cut short; try again.");
        }
        String unameText = parts1.get(0).output().strip();
        SolarisRelease release = SolarisRelease.parse(unameText).orElse(null);
        if (!parts1.get(1).succeeded()) {
            throw new RemoteException(RemoteException.Reason.COMMAND_FAILED, host,
                    "zoneadm list failed on " + host + ": " + Scripts.firstLine(parts1.get(1).output()));
        }
        ZoneListing listing = ZoneListParser.parse(parts1.get(1).output());
        if (listing.unrecognizedCount() > 0) {
            problems.add(listing.unrecognizedCount() + " line(s) of zoneadm list output were not understood");
        }

        List<Zone> kernelZones = new ArrayList<>();
        List<Zone> others = new ArrayList<>();
        for (Zone z : listing.zones()) {
            if (z.isGlobal()) {
                continue;
            }
            (z.isKernelZone() && ZoneName.isValid(z.name()) ? kernelZones : others).add(z);
        }

        List<RemoteCommand> perZone = new ArrayList<>();
        for (Zone z : kernelZones) {
            perZone.addAll(commandsFor(z));
        }
        List<SequenceOutput.Part> parts2 = List.of();
        int roundTrips = 1;
        if (!perZone.isEmpty()) {
            CommandResult r2 = shell.run(Scripts.sequence(marker, perZone));
            roundTrips++;
            parts2 = SequenceOutput.split(r2.stdout(), marker);
        }

        List<ZoneInventory> zones = new ArrayList<>();
        int index = 0;
        for (Zone z : kernelZones) {
            int count = commandsFor(z).size();
            List<SequenceOutput.Part> mine = index + count <= parts2.size() ? parts2.subList(index, index + count) : null;
            index += count;
            zones.add(mine == null ? missing(z) : readZone(z, mine));
        }
        for (Zone z : others) {
            zones.add(new ZoneInventory(z, null, null, null, null, List.of()));
        }
        zones.sort((a, b) -> a.zone().name().compareTo(b.zone().name()));
        return new HostInventory(host, release, unameText, zones, problems, roundTrips);
    }

    private List<RemoteCommand> commandsFor(Zone z) {
        List<RemoteCommand> cmds = new ArrayList<>();
        cmds.add(zoneCommand(Program.ZONECFG, z, "export"));
        if (z.state() == ZoneState.RUNNING) {
            cmds.add(zoneCommand(Program.ZONECFG, z, "-r", "export"));
            cmds.add(zlogin(z, "zpool", "status", ROOT_POOL));
            cmds.add(zlogin(z, "zpool", "list", ROOT_POOL));
        }
        return cmds;
    }

    private ZoneInventory readZone(Zone z, List<SequenceOutput.Part> parts) {
        List<String> problems = new ArrayList<>();
        ZoneConfig persistent = config(parts.get(0), "zonecfg export", problems);
        ZoneConfig live = null;
        Pool pool = null;
        PoolUsage usage = null;
        if (parts.size() > 1) {
            live = config(parts.get(1), "zonecfg -r export", problems);
            SequenceOutput.Part status = parts.get(2);
            if (status.succeeded()) {
                ZpoolStatus parsed = ZpoolStatusParser.parse(status.output());
                pool = parsed.pool(ROOT_POOL).orElse(null);
                if (pool == null) {
                    problems.add("zpool status printed no pool '" + ROOT_POOL + "'");
                }
            } else {
                problems.add("zpool status failed: " + Scripts.firstLine(status.output()));
            }
            SequenceOutput.Part list = parts.get(3);
            if (list.succeeded()) {
                usage = ZpoolListParser.parse(list.output()).pools().stream()
                        .filter(p -> p.name().equals(ROOT_POOL)).findFirst().orElse(null);
            } else {
                problems.add("zpool list failed: " + Scripts.firstLine(list.output()));
            }
        }
        return new ZoneInventory(z, persistent, live, pool, usage, problems);
    }

    private static ZoneConfig config(SequenceOutput.Part part, String what, List<String> problems) {
        if (!part.succeeded()) {
            problems.add(what + " failed: " + Scripts.firstLine(part.output()));
            return null;
        }
        ParsedZoneConfig parsed = ZonecfgParser.parse(part.output());
        if (!parsed.complete()) {
            problems.add(what + " output was cut short");
        }
        return parsed.config();
    }

    private static ZoneInventory missing(Zone z) {
        return new ZoneInventory(z, null, null, null, null,
                List.of("the host's answer ended before this zone's details (connection dropped?)"));
    }

    private RemoteCommand zoneCommand(Program program, Zone z, String... words) {
        try {
            RemoteCommand.Builder b = RemoteCommand.of(program, privilege).flag("-z").zone(z.name());
            for (String w : words) {
                b = w.startsWith("-") ? b.flag(w) : b.word(w);
            }
            return b.build();
        } catch (InvalidValueException e) {
            throw new IllegalStateException("zone names are validated before use", e);
        }
    }

    private RemoteCommand zlogin(Zone z, String... words) {
        try {
            RemoteCommand.Builder b = RemoteCommand.of(Program.ZLOGIN, privilege).zone(z.name());
            for (String w : words) {
                b = b.word(w);
            }
            return b.build();
        } catch (InvalidValueException e) {
            throw new IllegalStateException("zone names are validated before use", e);
        }
    }
}
