package org.kzmove.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.Vdev;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.text.HostText;

/**
 * Step 1: the zone's current disks and root pool, as read by the last inventory. Also says why the
 * zone cannot be moved at all, when that is already known.
 */
public final class CurrentDisksStepViewModel {
    /** One configured disk, ready to show. */
    public record DiskLine(String disk, String storage, String boot) {
    }

    private final ZoneInventory zone;

    public CurrentDisksStepViewModel(ZoneInventory zone) {
        this.zone = zone;
    }

    public String zoneName() {
        return zone.zone().name();
    }

    public List<DiskLine> disks() {
        if (zone.persistentConfig() == null) {
            return List.of();
        }
        List<DiskLine> lines = new ArrayList<>();
        for (KzDevice d : zone.persistentConfig().devices()) {
            lines.add(new DiskLine(d.diskName() == null ? "(no id)" : d.diskName(), d.storage(),
                    d.isBootable() ? "boot priority " + d.bootPriority() : "not bootable"));
        }
        return lines;
    }

    /** The root pool in a few lines: state, size, allocated, and its vdev tree. */
    public String poolText() {
        Pool pool = zone.rootPool();
        if (pool == null) {
            return "The guest's root pool could not be read" + (zone.problems().isEmpty() ? "."
                    : ": " + HostText.forDisplay(String.join("; ", zone.problems())));
        }
        StringBuilder sb = new StringBuilder(pool.name() + ": " + pool.state());
        if (zone.rootPoolUsage() != null) {
            sb.append(", size ").append(SolarisSize.format(zone.rootPoolUsage().sizeBytes()))
                    .append(", allocated ").append(SolarisSize.format(zone.rootPoolUsage().allocatedBytes()));
        }
        if (pool.root() != null) {
            tree(pool.root(), 1, sb);
        }
        return sb.toString();
    }

    private static void tree(Vdev v, int depth, StringBuilder sb) {
        sb.append('\n').append("  ".repeat(depth)).append(v.name())
                .append(v.state() == null ? "" : "  " + v.state());
        for (Vdev c : v.children()) {
            tree(c, depth + 1, sb);
        }
    }

    /** Bytes the resilver will copy: the pool's allocated space; 0 when unknown. */
    public long allocatedBytes() {
        return zone.rootPoolUsage() == null ? 0 : zone.rootPoolUsage().allocatedBytes();
    }

    /** Why this zone's storage cannot be moved, when the inventory already tells; empty otherwise. */
    public Optional<String> blocker() {
        if (!zone.zone().isKernelZone()) {
            return Optional.of(zoneName() + " is not a kernel zone (brand " + zone.zone().brand().name()
                    + "); only kernel zones' storage can be moved.");
        }
        if (zone.persistentConfig() == null) {
            return Optional.of("The configuration of " + zoneName() + " could not be read"
                    + (zone.problems().isEmpty() ? "" : ": " + HostText.forDisplay(String.join("; ", zone.problems())))
                    + ". Refresh the host and try again.");
        }
        if (zone.configurationsDiffer()) {
            return Optional.of("The live and persistent configurations of " + zoneName()
                    + " differ; zoneadm move refuses such a zone. Make them agree (zonecfg) first.");
        }
        return Optional.empty();
    }
}
