package org.kzmove.sim.host;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.kzmove.sim.command.Invocation;

/** Parses {@code zoneadm -z z move ...} arguments and runs the move. */
final class MoveArguments {
    private MoveArguments() {
    }

    static int run(HostModel host, Invocation inv, String zoneName, List<String> args) throws InterruptedException {
        PrintStream err = inv.stderr();
        String prefix = "zoneadm: zone '" + zoneName + "': ";
        List<MoveOperation.Target> targets = new ArrayList<>();
        boolean verbose = false;
        boolean force = false;
        boolean afterP = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            boolean wasAfterP = afterP;
            afterP = false;
            // getopt(3C) "vp:x:": flags may be grouped (-vp URI), values attached (-pURI)
            while (a.startsWith("-v") && a.length() > 2) {
                verbose = true;
                a = "-" + a.substring(2);
            }
            if (a.equals("-v")) {
                verbose = true;
                continue;
            }
            String opt;
            String value;
            if ((a.equals("-p") || a.equals("-x")) && i + 1 < args.size()) {
                opt = a;
                value = args.get(++i);
            } else if ((a.startsWith("-p") || a.startsWith("-x")) && a.length() > 2) {
                opt = a.substring(0, 2);
                value = a.substring(2);
            } else if (a.startsWith("-")) {
                // INVENTED wording after getopt(3C)
                err.println(prefix + "invalid option '" + a + "' or missing argument");
                return usage(err);
            } else {
                err.println(prefix + "unexpected argument '" + a + "'"); // INVENTED
                return usage(err);
            }
            if (opt.equals("-p")) {
                targets.add(new MoveOperation.Target(value, null));
                afterP = true;
            } else if (value.equals("force-zpool-attach")) {
                force = true;
            } else if (value.startsWith("id=")) {
                int id;
                try {
                    id = Integer.parseInt(value.substring(3));
                } catch (NumberFormatException e) {
                    id = -1;
                }
                if (id < 0) {
                    err.println(prefix + "invalid device id '" + value.substring(3) + "'"); // INVENTED
                    return usage(err);
                }
                if (!wasAfterP) {
                    err.println(prefix + "'-x id=<N>' must follow a '-p <URI>' option"); // INVENTED
                    return usage(err);
                }
                MoveOperation.Target last = targets.remove(targets.size() - 1);
                targets.add(new MoveOperation.Target(last.uri(), id));
            } else {
                err.println(prefix + "invalid extended option '" + value + "'"); // INVENTED
                return usage(err);
            }
        }
        if (targets.isEmpty()) {
            err.println(prefix + "at least one '-p <URI>' option is required"); // INVENTED
            return usage(err);
        }
        SimZone zone = ZoneadmCommand.checkedZone(host, inv, zoneName, "move", true);
        if (zone == null) {
            return ZoneadmCommand.Z_ERR;
        }
        try {
            return new MoveOperation(host, zone, inv, targets, force, verbose).run();
        } finally {
            zone.unlockForZoneadm();
        }
    }

    private static int usage(PrintStream err) {
        err.println(ZoneadmCommand.moveUsage());
        return ZoneadmCommand.Z_USAGE;
    }
}
