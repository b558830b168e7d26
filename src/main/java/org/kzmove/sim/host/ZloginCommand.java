package org.kzmove.sim.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.host.format.ZpoolFormat;
import org.kzmove.solaris.zone.ZoneState;

/**
 * {@code zlogin z command...} into a running kernel zone. Inside the guest only {@code zpool status
 * [-x] [pool]}, {@code zpool list}, {@code zonename} and {@code hostname} are simulated.
 *
 * <p>The usage line is the Solaris 11 one as remembered (unverified); other refusals are INVENTED
 * and marked where they are printed.
 */
final class ZloginCommand implements SimCommand {
    private final HostModel host;

    ZloginCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        while (!args.isEmpty() && args.get(0).startsWith("-")) {
            String a = args.remove(0);
            if (a.equals("-C")) {
                // INVENTED: consoles are not simulated
                inv.stderr().println("zlogin: console access is not supported on this simulated host");
                return 1;
            } else if (a.equals("-l") && !args.isEmpty()) {
                args.remove(0);
            } else if (!a.equals("-S") && !a.equals("-E") && !a.equals("-Q")) {
                inv.stderr().println("zlogin: illegal option -- " + a.substring(1));
                inv.stderr().println("usage: zlogin [-dnQCES] [-e cmdchar] [-l user] zonename [command [args ...] ]");
                return 2;
            }
        }
        if (args.isEmpty()) {
            inv.stderr().println("usage: zlogin [-dnQCES] [-e cmdchar] [-l user] zonename [command [args ...] ]");
            return 2;
        }
        String zoneName = args.remove(0);
        if (!inv.credentials().isEffectivelyRoot()) {
            // INVENTED (recalled from Solaris zlogin, unverified): zlogin requires all privileges
            inv.stderr().println("zlogin: You lack sufficient privilege to run this command (all privs required)");
            return 1;
        }
        SimZone zone = host.zone(zoneName).orElse(null);
        if (zone == null) {
            inv.stderr().println("zlogin: zone '" + zoneName + "' unknown"); // INVENTED
            return 1;
        }
        ZoneState state;
        GuestPool pool;
        synchronized (host.lock()) {
            state = zone.state();
            pool = zone.pool() == null ? null : zone.pool().copy();
        }
        if (state != ZoneState.RUNNING) {
            // Solaris 11 zlogin.c text
            inv.stderr().println("zlogin: login allowed only to running zones (" + zoneName + " is '" + state.solarisName() + "').");
            return 1;
        }
        if (args.size() == 1 && args.get(0).contains(" ")) {
            args = new ArrayList<>(List.of(args.get(0).trim().split("\\s+")));
        }
        if (args.isEmpty()) {
            // INVENTED: interactive guest logins are not simulated
            inv.stderr().println("zlogin: interactive login is not supported on this simulated host; give a command");
            return 1;
        }
        String cmd = args.remove(0);
        if (cmd.startsWith("/usr/sbin/")) {
            cmd = cmd.substring("/usr/sbin/".length());
        }
        switch (cmd) {
            case "zonename":
                inv.stdout().println("global"); // a kernel zone guest is its own global zone
                return 0;
            case "hostname":
                inv.stdout().println(zoneName);
                return 0;
            case "zpool":
                return zpool(inv, args, pool);
            default:
                inv.stderr().println(cmd + ": not found"); // sh's message, as the guest shell would print it
                return 127;
        }
    }

    private int zpool(Invocation inv, List<String> args, GuestPool pool) {
        if (pool == null) {
            inv.stdout().println("no pools available");
            return 0;
        }
        Instant now = inv.clock().now();
        ZpoolFormat.Pool view = view(pool, now);
        if (args.isEmpty()) {
            inv.stderr().println("missing command");
            return 2;
        }
        String sub = args.remove(0);
        if (sub.equals("list")) {
            if (!args.isEmpty() && !args.get(0).equals(pool.name())) {
                inv.stderr().println("cannot open '" + args.get(0) + "': no such pool");
                return 1;
            }
            inv.stdout().print(ZpoolFormat.list(List.of(view)));
            return 0;
        }
        if (!sub.equals("status")) {
            // INVENTED: only status and list are simulated
            inv.stderr().println("zpool: '" + sub + "' is not supported by this simulated guest");
            return 1;
        }
        boolean onlyUnhealthy = false;
        for (String a : args) {
            if (a.equals("-x")) {
                onlyUnhealthy = true;
            } else if (a.startsWith("-")) {
                inv.stderr().println("invalid option '" + a.substring(1) + "'");
                return 2;
            } else if (!a.equals(pool.name())) {
                inv.stderr().println("cannot open '" + a + "': no such pool");
                return 1;
            }
        }
        boolean named = args.contains(pool.name());
        boolean healthy = "ONLINE".equals(view.state()) && (view.scan() == null || !view.scan().inProgress());
        if (onlyUnhealthy && healthy) {
            inv.stdout().println(named ? "pool '" + pool.name() + "' is healthy" : "all pools are healthy");
            return 0;
        }
        inv.stdout().print(ZpoolFormat.status(view));
        inv.stdout().flush();
        return 0;
    }

    static ZpoolFormat.Pool view(GuestPool pool, Instant now) {
        List<ZpoolFormat.Disk> disks = new ArrayList<>();
        GuestPool.Scan s = pool.scan();
        boolean inProgress = s != null && s.inProgress(now);
        for (GuestPool.Disk d : pool.disks()) {
            disks.add(new ZpoolFormat.Disk(d.name(), d.state(), d.resilvering() && inProgress));
        }
        ZpoolFormat.Scan scan = null;
        if (s != null) {
            Instant completed = s.completed() != null ? s.completed() : inProgress ? null : s.finishesAt();
            scan = new ZpoolFormat.Scan(s.started(), s.doneBytes(), s.resilveredBytes(), s.bytesPerSecond(), s.percent(),
                    s.etaSeconds(), inProgress, completed, s.totalBytes());
        }
        return new ZpoolFormat.Pool(pool.name(), pool.effectiveHealth(), pool.sizeBytes(), pool.allocatedBytes(),
                disks, scan);
    }
}
