package org.kzmove.sim.host;

import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.solaris.units.SolarisSize;

/**
 * {@code zfs create -V size pool/path}, {@code zfs list -t volume} and {@code zfs destroy} for ZFS
 * volumes of the global zone. A created volume becomes storage of the host
 * ({@code dev:/dev/zvol/dsk/pool/path}), so it can be the target of a move.
 *
 * <p>Error texts follow libzfs's {@code cannot <verb> '<name>': <reason>} form (Solaris source,
 * not checked on 11.4); the usage text is abbreviated and INVENTED.
 */
final class ZfsCommand implements SimCommand {
    private static final String ZVOL_PREFIX = "/dev/zvol/dsk/";
    private final HostModel host;

    ZfsCommand(HostModel host) {
        this.host = host;
    }

    @Override
    public int run(Invocation inv) {
        List<String> args = new ArrayList<>(inv.argv().subList(1, inv.argv().size()));
        if (args.isEmpty()) {
            return usage(inv);
        }
        String sub = args.remove(0);
        return switch (sub) {
            case "create" -> create(inv, args);
            case "list" -> list(inv, args);
            case "destroy" -> destroy(inv, args);
            default -> usage(inv);
        };
    }

    private int create(Invocation inv, List<String> args) {
        String size = null;
        String name = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-V") && i + 1 < args.size()) {
                size = args.get(++i);
            } else if (a.equals("-s")) {
                continue; // sparse: no difference here
            } else if (a.startsWith("-")) {
                inv.stderr().println("invalid option '" + a.substring(1) + "'");
                return usage(inv);
            } else {
                name = a;
            }
        }
        if (name == null || size == null) {
            // INVENTED: only volumes are simulated
            inv.stderr().println("zfs: only 'zfs create -V <size> <volume>' is supported on this simulated host");
            return 2;
        }
        OptionalLong bytes = SolarisSize.parse(size);
        if (bytes.isEmpty() || bytes.getAsLong() == 0) {
            inv.stderr().println("bad volume size '" + size + "'"); // INVENTED after zfs(8)'s wording
            return 1;
        }
        if (!inv.credentials().isEffectivelyRoot()) {
            inv.stderr().println("cannot create '" + name + "': permission denied");
            return 1;
        }
        String pool = name.split("/", 2)[0];
        if (!name.contains("/") || !host.globalPools().contains(pool)) {
            inv.stderr().println("cannot create '" + name + "': no such pool '" + pool + "'");
            return 1;
        }
        String uri = "dev:" + ZVOL_PREFIX + name;
        try {
            StorageUris.parse(uri);
        } catch (InvalidStorageUriException e) {
            inv.stderr().println("cannot create '" + name + "': invalid character in dataset name");
            return 1;
        }
        synchronized (host.lock()) {
            if (host.storageItem(uri).isPresent()) {
                inv.stderr().println("cannot create '" + name + "': dataset already exists");
                return 1;
            }
            host.addStorage(uri, bytes.getAsLong(), null, true);
        }
        return 0;
    }

    private int list(Invocation inv, List<String> args) {
        boolean noHeader = args.remove("-H");
        if (!(args.size() == 2 && args.get(0).equals("-t") && args.get(1).equals("volume")) && !args.isEmpty()) {
            // INVENTED: only volumes are simulated
            inv.stderr().println("zfs: only 'zfs list [-H] -t volume' is supported on this simulated host");
            return 2;
        }
        List<String[]> rows = new ArrayList<>();
        for (StorageItem s : host.storage()) {
            String path = s.mappedDevice();
            if (s.parsed().type().word().equals("dev") && path.startsWith(ZVOL_PREFIX)) {
                long used = s.sizeBytes() + s.sizeBytes() / 32; // INVENTED: refreservation overhead
                String refer = host.zoneUsing(s.uri()).isPresent() ? SolarisSize.format(s.sizeBytes() / 3) : "16K";
                rows.add(new String[] {path.substring(ZVOL_PREFIX.length()), SolarisSize.format(used), "412G", refer, "-"});
            }
        }
        int w = 4;
        for (String[] r : rows) {
            w = Math.max(w, r[0].length());
        }
        String fmt = noHeader ? "%s\t%s\t%s\t%s\t%s%n" : "%-" + w + "s  %5s  %5s  %5s  %s%n";
        if (!noHeader) {
            inv.stdout().print(String.format(Locale.ROOT, fmt, "NAME", "USED", "AVAIL", "REFER", "MOUNTPOINT").replace("\r\n", "\n"));
        }
        for (String[] r : rows) {
            inv.stdout().print(String.format(Locale.ROOT, fmt, (Object[]) r).replace("\r\n", "\n"));
        }
        inv.stdout().flush();
        return 0;
    }

    private int destroy(Invocation inv, List<String> args) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return usage(inv);
        }
        String name = args.get(0);
        if (!inv.credentials().isEffectivelyRoot()) {
            inv.stderr().println("cannot destroy '" + name + "': permission denied");
            return 1;
        }
        String uri = "dev:" + ZVOL_PREFIX + name;
        synchronized (host.lock()) {
            if (host.storageItem(uri).isEmpty()) {
                inv.stderr().println("cannot open '" + name + "': dataset does not exist");
                return 1;
            }
            if (host.zoneUsing(uri).isPresent()) {
                inv.stderr().println("cannot destroy '" + name + "': dataset is busy");
                return 1;
            }
            host.removeStorage(uri);
        }
        return 0;
    }

    private static int usage(Invocation inv) {
        inv.stderr().println("usage:");
        inv.stderr().println("\tcreate [-s] -V <size> <volume>");
        inv.stderr().println("\tlist [-H] -t volume");
        inv.stderr().println("\tdestroy <volume>");
        return 2;
    }
}
