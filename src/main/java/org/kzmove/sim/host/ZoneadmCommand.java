package org.kzmove.sim.host;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.host.format.ZoneListFormat;
import org.kzmove.solaris.zone.ZoneState;

/**
 * {@code zoneadm} of the simulated host: {@code list}, {@code boot}, {@code shutdown}, {@code halt}
 * and the kernel-zone {@code move}. Messages follow the Solaris 11 source
 * ({@code zoneadm: zone 'z': ...} on stderr, exit 1 for failures, 2 for usage errors).
 */
final class ZoneadmCommand implements SimCommand {
    static final int Z_OK = 0;
    static final int Z_ERR = 1;
    static final int Z_USAGE = 2;
    private static final Duration BOOT_TIME = Duration.ofSeconds(5);
    private static final Duration SHUTDOWN_TIME = Duration.ofSeconds(10);
    private static final Duration HALT_TIME = Duration.ofSeconds(2);
    private static final String MOVE_USAGE =
            "usage:\tmove [-v] -p <URI> [-x id=<N>] [-p <URI> [-x id=<N>]]... [-x force-zpool-attach]";

    private final HostModel host;

    ZoneadmCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) throws InterruptedException {
        List<String> args = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        PrintStream err = inv.stderr();
        String zoneName = null;
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String a = args.remove(0);
            if (a.equals("-z") && !args.isEmpty()) {
                zoneName = args.remove(0);
            } else if (a.startsWith("-z") && a.length() > 2) {
                zoneName = a.substring(2);
            } else {
                return usage(err);
            }
        }
        if (args.isEmpty()) {
            return usage(err);
        }
        String sub = args.remove(0);
        switch (sub) {
            case "list":
                return list(inv, zoneName, args);
            case "boot":
            case "shutdown":
            case "halt":
            case "move":
                break;
            default:
                err.println("zoneadm: unknown subcommand '" + sub + "'"); // INVENTED wording
                return usage(err);
        }
        if (zoneName == null) {
            err.println("zoneadm: " + sub + " requires a zone name; use -z <zone>"); // INVENTED wording
            return Z_USAGE;
        }
        if (sub.equals("move")) {
            return MoveArguments.run(host, inv, zoneName, args);
        }
        if (!args.isEmpty()) {
            return usage(err);
        }
        return stateChange(inv, zoneName, sub);
    }

    private static int usage(PrintStream err) {
        err.println("usage:\tzoneadm [-z <zone>] [-u <uuid-match>] list [-cipv]");
        err.println("\tzoneadm -z <zone> boot | shutdown | halt");
        err.println("\tzoneadm -z <zone> " + MOVE_USAGE.substring("usage:\t".length()));
        return Z_USAGE;
    }

    static String moveUsage() {
        return MOVE_USAGE;
    }

    /** Privilege, existence and state checks shared by the subcommands that change a zone. */
    static SimZone checkedZone(HostModel host, Invocation inv, String zoneName, String op, boolean wantRunning)
            throws InterruptedException {
        PrintStream err = inv.stderr();
        String prefix = "zoneadm: zone '" + zoneName + "': ";
        if (!inv.credentials().isEffectivelyRoot()) {
            // INVENTED: Solaris-like wording; the real text is not in the reference
            err.println(prefix + "insufficient privileges to perform this operation");
            return null;
        }
        if (zoneName.equals("global")) {
            err.println(prefix + op + " operation is invalid for the global zone."); // Solaris 11 source text
            return null;
        }
        SimZone zone = host.zone(zoneName).orElse(null);
        if (zone == null) {
            err.println(prefix + "No such zone configured"); // libzonecfg Z_NO_ZONE
            return null;
        }
        if (op.equals("move") && !zone.brand().isKernelZone()) {
            // INVENTED: live storage migration exists only for solaris-kz
            err.println(prefix + "live storage migration (-p) is supported only for solaris-kz zones.");
            return null;
        }
        // The lock comes before the sanity checks, "so nothing about the zone changes between the time that
        // sanity checks occur and we eventually do something" (Solaris source): a second zoneadm waits here.
        zone.lockForZoneadm();
        ZoneState state;
        synchronized (host.lock()) {
            state = zone.state();
        }
        if (state == ZoneState.CONFIGURED || state == ZoneState.INCOMPLETE || state == ZoneState.UNAVAILABLE) {
            err.println(prefix + "must be installed before " + op + "."); // Solaris 11 sanity_check
            zone.unlockForZoneadm();
            return null;
        }
        boolean running = state == ZoneState.RUNNING;
        if (wantRunning != running) {
            // Solaris 11 sanity_check format "%s operation is invalid for %s zones."; the instance is inferred
            err.println(prefix + op + " operation is invalid for " + state.solarisName() + " zones.");
            zone.unlockForZoneadm();
            return null;
        }
        return zone;
    }

    private int stateChange(Invocation inv, String zoneName, String op) throws InterruptedException {
        boolean boot = op.equals("boot");
        SimZone zone = checkedZone(host, inv, zoneName, op, !boot);
        if (zone == null) {
            return Z_ERR;
        }
        try {
            synchronized (host.lock()) {
                if (boot) {
                    zone.state(ZoneState.READY);
                    zone.zoneId(host.nextZoneId());
                } else if (op.equals("shutdown")) {
                    zone.state(ZoneState.SHUTTING_DOWN);
                }
            }
            try {
                inv.clock().sleep(boot ? BOOT_TIME : op.equals("shutdown") ? SHUTDOWN_TIME : HALT_TIME);
            } finally {
                // zoneadmd completes the transition even when the zoneadm client goes away
                synchronized (host.lock()) {
                    if (boot) {
                        zone.state(ZoneState.RUNNING);
                        zone.live().clear();
                        zone.live().addAll(zone.persistent());
                    } else {
                        zone.state(ZoneState.INSTALLED);
                        zone.zoneId(null);
                        zone.live().clear();
                        zone.live().addAll(zone.persistent());
                    }
                }
            }
            return Z_OK;
        } finally {
            zone.unlockForZoneadm();
        }
    }

    private int list(Invocation inv, String zoneName, List<String> args) {
        boolean all = false;
        boolean installed = false;
        boolean parsable = false;
        boolean verbose = false;
        for (String a : args) {
            if (!a.startsWith("-") || a.length() < 2) {
                return usage(inv.stderr());
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'c' -> all = true;
                    case 'i' -> installed = true;
                    case 'p' -> parsable = true;
                    case 'v' -> verbose = true;
                    default -> {
                        inv.stderr().println("zoneadm: illegal option -- " + c); // getopt(3C)
                        return usage(inv.stderr());
                    }
                }
            }
        }
        if (parsable && verbose) {
            inv.stderr().println("zoneadm: -p and -v are mutually exclusive."); // Solaris 11 source text
            return Z_ERR;
        }
        List<ZoneListFormat.Row> rows = new ArrayList<>();
        rows.add(new ZoneListFormat.Row(0, "global", "running", "/", "", "solaris", "shared", "none"));
        List<SimZone> running = new ArrayList<>();
        List<SimZone> others = new ArrayList<>();
        synchronized (host.lock()) {
            for (SimZone z : host.zones()) {
                if (z.state().hasZoneId()) {
                    running.add(z);
                } else {
                    others.add(z);
                }
            }
            running.sort((a, b) -> Integer.compare(a.zoneId(), b.zoneId()));
            for (SimZone z : running) {
                rows.add(row(z));
            }
            for (SimZone z : others) {
                boolean show = all || (installed && z.state() == ZoneState.INSTALLED) || zoneName != null;
                if (show) {
                    rows.add(row(z));
                }
            }
        }
        if (zoneName != null) {
            String n = zoneName;
            rows.removeIf(r -> !r.name().equals(n));
            if (rows.isEmpty()) {
                inv.stderr().println("zoneadm: zone '" + zoneName + "': No such zone configured");
                return Z_ERR;
            }
        }
        PrintStream out = inv.stdout();
        if (verbose) {
            out.println(ZoneListFormat.HEADER);
        }
        for (ZoneListFormat.Row r : rows) {
            if (parsable) {
                out.println(ZoneListFormat.parsable(r));
            } else if (verbose) {
                out.println(ZoneListFormat.verbose(r));
            } else {
                out.println(r.name());
            }
        }
        out.flush();
        return Z_OK;
    }

    private static ZoneListFormat.Row row(SimZone z) {
        boolean kz = z.brand().isKernelZone();
        String zonepath = kz ? "/system/volatile/zones/" + z.name() + "/zonepath" : "/system/zones/" + z.name();
        return new ZoneListFormat.Row(z.zoneId(), z.name(), z.state().solarisName(), zonepath, z.uuid(), z.brand().name(),
                "excl", kz ? "solaris-kz" : "");
    }
}
