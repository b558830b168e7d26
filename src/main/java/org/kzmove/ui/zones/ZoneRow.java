package org.kzmove.ui.zones;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.text.HostText;

/**
 * One line of the zones table, as text ready to show ("-" where the host told nothing), and the
 * inventory it was made from (for the zone detail and the wizard).
 *
 * @param disks          the disks of the persistent configuration, -1 when it could not be read
 * @param rootPoolSize   the guest's root pool size (running kernel zones only)
 * @param rootPoolHealth the guest's root pool state, e.g. ONLINE or DEGRADED
 * @param problems       what is wrong with the zone, one sentence each, joined with "; "
 * @param inventory      what the host told of the zone; null only for a row made by hand without one
 */
public record ZoneRow(String name, String state, String brand, int disks, String rootPoolSize, String rootPoolHealth,
        String problems, ZoneInventory inventory) {

    /** The problem every view shows for a zone whose two configurations disagree. */
    static final String CONFIGURATIONS_DIFFER = "live and persistent configurations differ";

    public static ZoneRow of(ZoneInventory z) {
        int disks = z.persistentConfig() == null ? -1 : z.persistentConfig().devices().size();
        String size = z.rootPoolUsage() == null ? "-" : SolarisSize.format(z.rootPoolUsage().sizeBytes());
        String health = z.rootPool() == null ? "-" : String.valueOf(z.rootPool().state());
        List<String> problems = new ArrayList<>();
        if (z.configurationsDiffer()) {
            // zoneadm move refuses the zone: the table says so before anyone opens the detail.
            problems.add(CONFIGURATIONS_DIFFER);
        }
        problems.addAll(z.problems().stream().map(HostText::forTerminal).toList());
        return new ZoneRow(z.zone().name(), z.zone().state().solarisName(), z.zone().brand().name(), disks, size, health,
                String.join("; ", problems), z);
    }

    /** A row without the inventory behind it (the constructor the table had before rows kept it). */
    public ZoneRow(String name, String state, String brand, int disks, String rootPoolSize, String rootPoolHealth,
            String problems) {
        this(name, state, brand, disks, rootPoolSize, rootPoolHealth, problems, null);
    }

    /** The disk count as shown: "-" when unknown. */
    public String disksText() {
        return disks < 0 ? "-" : Integer.toString(disks);
    }

    /** The zone's state as a value, for filtering. */
    public ZoneState zoneState() {
        return inventory != null ? inventory.zone().state() : ZoneState.fromSolaris(state).orElse(null);
    }

    /** Every storage URI of the persistent and the live configuration, for filtering. */
    public List<String> storageUris() {
        if (inventory == null) {
            return List.of();
        }
        return Stream.of(inventory.persistentConfig(), inventory.liveConfig())
                .filter(c -> c != null)
                .map(ZoneConfig::devices)
                .flatMap(List::stream)
                .map(KzDevice::storage)
                .filter(s -> s != null)
                .distinct()
                .toList();
    }

    /**
     * Whether the zone's name or one of its storage URIs contains {@code text}, ignoring case; a
     * blank text matches every zone.
     */
    public boolean matches(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) {
            return true;
        }
        return name.toLowerCase(Locale.ROOT).contains(needle)
                || storageUris().stream().anyMatch(uri -> uri.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** Orders sizes as printed ("8G" before "16G") by their bytes; unknown ("-") first. */
    public static int compareSizes(String a, String b) {
        return Long.compare(SolarisSize.parse(a).orElse(-1), SolarisSize.parse(b).orElse(-1));
    }
}
