package org.kzmove.sim.host;

import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.command.SimCommand;
import org.kzmove.solaris.units.SolarisSize;

/**
 * {@code zfs create -V size pool/path}, {@code zfs list -t volume} (and {@code -d 0}, the pools) and {@code zfs destroy} for ZFS
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

    /** The columns {@code zfs list} prints by default, and the ones {@code -o} may ask for. */
    private static final List<String> DEFAULT_COLUMNS = List.of("name", "used", "avail", "refer", "mountpoint");
    private static final List<String> KNOWN_COLUMNS = List.of("name", "used", "avail", "refer", "mountpoint", "volsize");

    /**
     * {@code zfs list [-H] [-o prop,...] -t volume} for the volumes, and {@code zfs list [-H] [-o name] -d 0}
     * for the top-level datasets, i.e. the pools the global zone has imported.
     */
    private int list(Invocation inv, List<String> args) {
        boolean noHeader = false;
        List<String> columns = DEFAULT_COLUMNS;
        String type = null;
        String depth = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-H")) {
                noHeader = true;
            } else if (a.equals("-o") && i + 1 < args.size()) {
                columns = List.of(args.get(++i).split(","));
                for (String c : columns) {
                    if (!KNOWN_COLUMNS.contains(c)) {
                        inv.stderr().println("bad property list: invalid property '" + c + "'"); // libzfs wording
                        return usage(inv);
                    }
                }
            } else if (a.equals("-t") && i + 1 < args.size()) {
                type = args.get(++i);
            } else if (a.equals("-d") && i + 1 < args.size()) {
                depth = args.get(++i);
            } else {
                // INVENTED: only volumes and the top-level datasets are simulated
                inv.stderr().println("zfs: only 'zfs list [-H] [-o props] -t volume' and 'zfs list [-H] [-o name] -d 0'"
                        + " are supported on this simulated host");
                return 2;
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if ("volume".equals(type) && depth == null) {
            for (StorageItem s : host.storage()) {
                String path = s.mappedDevice();
                if (s.parsed().type().word().equals("dev") && path.startsWith(ZVOL_PREFIX)) {
                    long used = s.sizeBytes() + s.sizeBytes() / 32; // INVENTED: refreservation overhead
                    String refer = host.zoneUsing(s.uri()).isPresent() ? SolarisSize.format(s.sizeBytes() / 3) : "16K";
                    rows.add(Map.of("name", path.substring(ZVOL_PREFIX.length()), "used", SolarisSize.format(used),
                            "avail", "412G", "refer", refer, "mountpoint", "-", "volsize", SolarisSize.format(s.sizeBytes())));
                }
            }
        } else if (type == null && "0".equals(depth)) {
            for (String pool : host.globalPools()) {
                // INVENTED: the sizes of the global zone's pools are not modelled
                rows.add(Map.of("name", pool, "used", "88.2G", "avail", "412G", "refer", "4.59M", "mountpoint", "/" + pool,
                        "volsize", "-"));
            }
        } else {
            inv.stderr().println("zfs: only 'zfs list [-H] [-o props] -t volume' and 'zfs list [-H] [-o name] -d 0'"
                    + " are supported on this simulated host"); // INVENTED
            return 2;
        }
        if (noHeader) {
            for (Map<String, String> r : rows) {
                inv.stdout().print(String.join("\t", columns.stream().map(r::get).toList()) + "\n");
            }
        } else {
            List<Integer> widths = new ArrayList<>();
            for (String c : columns) {
                int w = c.length();
                for (Map<String, String> r : rows) {
                    w = Math.max(w, r.get(c).length());
                }
                widths.add(w);
            }
            print(inv, columns, columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList(), widths);
            for (Map<String, String> r : rows) {
                print(inv, columns, columns.stream().map(r::get).toList(), widths);
            }
        }
        inv.stdout().flush();
        return 0;
    }

    /** zfs(8) aligns sizes to the right and names to the left, two spaces apart. */
    private static void print(Invocation inv, List<String> columns, List<String> cells, List<Integer> widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            boolean text = columns.get(i).equals("name") || columns.get(i).equals("mountpoint");
            sb.append(String.format(Locale.ROOT, "%" + (text ? "-" : "") + widths.get(i) + "s  ", cells.get(i)));
        }
        inv.stdout().print(sb.toString().stripTrailing() + "\n");
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
        inv.stderr().println("\tlist [-H] [-o property[,...]] [-t volume | -d 0]");
        inv.stderr().println("\tdestroy <volume>");
        return 2;
    }
}
