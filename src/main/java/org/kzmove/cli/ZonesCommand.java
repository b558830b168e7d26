package org.kzmove.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.kzmove.app.KzmovePaths;
import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.inventory.RemoteShell;
import org.kzmove.remote.RemoteException;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.KzDevice;

/** {@code kzmove zones HOST}: the host's zones with their disks and root pools (read-only). */
final class ZonesCommand implements Subcommand {
    /** Constants, so that {@code kzmove --help} lists the command without loading it. */
    static final String NAME = "zones";
    static final String SUMMARY =
            "list a host's zones with state, brand, disks and root-pool health";
    private final Supplier<KzmovePaths> paths;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ZonesCommand(Supplier<KzmovePaths> paths) {
        this.paths = paths;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return SUMMARY;
    }

    @Override
    public String usage() {
        return """
                Usage: kzmove zones HOST [options]

                Lists the zones of HOST: state and brand; for kernel zones each disk (cXdY, storage
                URI, boot priority, mapped device) and the guest's root pool (health, size, used).
                Only read-only commands are run, in two SSH round trips whatever the number of zones.

                """ + HostArguments.USAGE + """

                Exit status: 0 listed, 1 the host could not be reached or read (one line says why),
                2 usage error or invalid HOST (nothing sent).
                """;
    }

    @Override
    public int run(List<String> args, CliIo io) {
        HostArguments host;
        try {
            host = HostArguments.resolvePositionals(args, 1, "exactly one HOST", paths.get()).host();
        } catch (Options.UsageException | IOException e) {
            return HostArguments.refuse("zones", e, io);
        }
        // Through the host session, so every command lands in kzmove's audit log.
        try (EngineFactory hostSide = new EngineFactory(host, paths.get())) {
            RemoteShell shell = script -> hostSide.session.query(script, java.time.Duration.ofMinutes(5));
            HostInventory inventory = new InventoryService(host.privilege).load(host.display, shell);
            if (host.json) {
                io.out().println(json.writeValueAsString(toJson(inventory)));
            } else {
                printText(inventory, io);
            }
            return ExitCodes.OK;
        } catch (RemoteException e) {
            io.err().println("kzmove zones: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IOException e) {
            io.err().println("kzmove zones: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private static void printText(HostInventory inv, CliIo io) {
        io.out().println("Host " + inv.host() + ": " + (inv.release() == null ? "release unknown ('" + inv.unameText() + "')"
                : inv.release().describe() + " (" + inv.release().text() + ")"));
        inv.moveUnsupportedReason().ifPresent(r -> io.out().println("Note: " + r + "."));
        TextTable table = new TextTable("ZONE", "STATE", "BRAND", "POOL", "HEALTH", "SIZE", "ALLOC", "DISK", "URI",
                "BOOTPRI", "MAPPED DEVICE");
        for (ZoneInventory z : inv.zones()) {
            Pool pool = z.rootPool();
            PoolUsage usage = z.rootPoolUsage();
            String[] zoneCells = {z.zone().name(), z.zone().state().solarisName(), z.zone().brand().name(),
                    pool == null ? "-" : pool.name(), pool == null ? "-" : String.valueOf(pool.state()),
                    usage == null ? "-" : SolarisSize.format(usage.sizeBytes()),
                    usage == null ? "-" : SolarisSize.format(usage.allocatedBytes())};
            List<KzDevice> disks = z.persistentConfig() == null ? List.of() : z.persistentConfig().devices();
            if (disks.isEmpty()) {
                table.row(concat(zoneCells, "-", "-", "-", "-"));
            }
            boolean first = true;
            for (KzDevice d : disks) {
                String[] left = first ? zoneCells : blank(zoneCells.length);
                table.row(concat(left, d.diskName() == null ? "-" : d.diskName(), d.storage(),
                        d.bootPriority() == null ? "-" : d.bootPriority().toString(), orDash(mappedDevice(d.storage()))));
                first = false;
            }
        }
        table.print(io.out());
        for (ZoneInventory z : inv.zones()) {
            for (String p : z.problems()) {
                io.out().println("Problem: zone " + z.zone().name() + ": " + p);
            }
        }
        for (String p : inv.problems()) {
            io.out().println("Problem: " + p);
        }
    }

    static Map<String, Object> toJson(HostInventory inv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", inv.host());
        m.put("release", inv.release() == null ? null : inv.release().text());
        m.put("moveUnsupportedReason", inv.moveUnsupportedReason().orElse(null));
        List<Map<String, Object>> zones = new ArrayList<>();
        for (ZoneInventory z : inv.zones()) {
            Map<String, Object> zm = new LinkedHashMap<>();
            zm.put("name", z.zone().name());
            zm.put("state", z.zone().state().solarisName());
            zm.put("brand", z.zone().brand().name());
            List<Map<String, Object>> disks = new ArrayList<>();
            if (z.persistentConfig() != null) {
                for (KzDevice d : z.persistentConfig().devices()) {
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("disk", d.diskName());
                    dm.put("id", d.id());
                    dm.put("uri", d.storage());
                    dm.put("bootPriority", d.bootPriority());
                    dm.put("mappedDevice", mappedDevice(d.storage()));
                    disks.add(dm);
                }
            }
            zm.put("disks", disks);
            zm.put("configurationsDiffer", z.configurationsDiffer());
            zm.put("pool", pool(z));
            zm.put("problems", z.problems());
            zones.add(zm);
        }
        m.put("zones", zones);
        m.put("problems", inv.problems());
        return m;
    }

    private static Map<String, Object> pool(ZoneInventory z) {
        if (z.rootPool() == null && z.rootPoolUsage() == null) {
            return null;
        }
        Map<String, Object> pm = new LinkedHashMap<>();
        Pool p = z.rootPool();
        PoolUsage u = z.rootPoolUsage();
        pm.put("name", p != null ? p.name() : u.name());
        pm.put("health", p == null ? null : String.valueOf(p.state()));
        pm.put("status", p == null ? null : p.status());
        pm.put("disks", p == null ? List.of() : p.leaves().stream().map(v -> v.name()).toList());
        pm.put("sizeBytes", u == null ? null : u.sizeBytes());
        pm.put("allocatedBytes", u == null ? null : u.allocatedBytes());
        return pm;
    }

    private static String mappedDevice(String storage) {
        try {
            return StorageUris.parse(storage).mappedDevice().orElse(null);
        } catch (InvalidValueException e) {
            return null; // a template URI or a form kzmove cannot map locally
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String[] blank(int n) {
        String[] b = new String[n];
        java.util.Arrays.fill(b, "");
        return b;
    }

    private static String[] concat(String[] left, String... right) {
        String[] all = java.util.Arrays.copyOf(left, left.length + right.length);
        System.arraycopy(right, 0, all, left.length, right.length);
        return all;
    }
}
