package org.kzmove.sim.host;

import java.util.ArrayList;
import java.util.List;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.host.format.ZonecfgFormat;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.zone.ZoneState;

/**
 * {@code zonecfg -z z [-r] info [device]} and {@code export}: the persistent configuration, or with
 * {@code -r} the live one of a running zone. Editing is not simulated.
 */
final class ZonecfgCommand implements SimCommand {
    private final HostModel host;

    ZonecfgCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        String zoneName = null;
        boolean live = false;
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String a = args.remove(0);
            if (a.equals("-z") && !args.isEmpty()) {
                zoneName = args.remove(0);
            } else if (a.equals("-r")) {
                live = true;
            } else {
                return usage(inv);
            }
        }
        if (zoneName == null) {
            return usage(inv);
        }
        // a single quoted operand "info device" is split as the command file would be
        if (args.size() == 1 && args.get(0).contains(" ")) {
            args = new ArrayList<>(List.of(args.get(0).trim().split("\\s+")));
        }
        if (args.isEmpty()) {
            // INVENTED: the interactive zonecfg shell is not simulated
            inv.stderr().println("zonecfg: interactive mode is not supported on this host; give a subcommand");
            return 1;
        }
        SimZone zone = host.zone(zoneName).orElse(null);
        if (zone == null) {
            inv.stderr().println("zonecfg:" + zoneName + ": No such zone configured"); // libzonecfg Z_NO_ZONE
            return 1;
        }
        ZonecfgFormat.Config config;
        synchronized (host.lock()) {
            if (live && zone.state() != ZoneState.RUNNING) {
                inv.stderr().println("zonecfg:" + zoneName + ": Zone is not running"); // INVENTED
                return 1;
            }
            List<KzDevice> devices = new ArrayList<>(live ? zone.live() : zone.persistent());
            config = new ZonecfgFormat.Config(zone.name(), zone.brand().name(), zone.autoboot(), zone.hostid(),
                    zone.memory(), zone.vcpus(), devices);
        }
        String sub = args.get(0);
        if (sub.equals("info") && args.size() == 1) {
            inv.stdout().print(ZonecfgFormat.info(config));
        } else if (sub.equals("info") && args.size() == 2 && args.get(1).equals("device")) {
            inv.stdout().print(ZonecfgFormat.infoDevices(config.devices()));
        } else if (sub.equals("export") && args.size() == 1) {
            inv.stdout().print(ZonecfgFormat.export(config));
        } else {
            // INVENTED: only the read-only subcommands are simulated
            inv.stderr().println("zonecfg:" + zoneName + ": '" + String.join(" ", args)
                    + "' is not supported by this simulated host (info, info device, export)");
            return 1;
        }
        inv.stdout().flush();
        return 0;
    }

    private static int usage(Invocation inv) {
        inv.stderr().println("usage:\tzonecfg -z <zone> [-r] info [device] | export");
        return 2;
    }
}
