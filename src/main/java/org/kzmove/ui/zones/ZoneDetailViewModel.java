package org.kzmove.ui.zones;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.pool.ZpoolStatusFormat;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.solaris.text.HostText;

/**
 * The detail of the one selected zone: its disks (bootable and data), its root pool and the vdev
 * tree, a warning when its live and persistent configurations differ, and its problems. When no
 * zone or several are selected, or the pool cannot be read, the texts say why.
 */
public final class ZoneDetailViewModel {
    private static final Comparator<KzDevice> BOOT_ORDER = Comparator
            .comparing(KzDevice::bootPriority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(KzDevice::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final ObjectProperty<ZoneRow> zone = new SimpleObjectProperty<>();
    private final IntegerProperty selectionSize = new SimpleIntegerProperty();

    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ObservableList<DiskRow> disks = FXCollections.observableArrayList();
    private final ObservableList<DiskRow> disksView = FXCollections.unmodifiableObservableList(disks);
    private final ObservableList<DiskRow> bootableDisks = FXCollections.observableArrayList();
    private final ObservableList<DiskRow> bootableDisksView = FXCollections.unmodifiableObservableList(bootableDisks);
    private final ObservableList<DiskRow> dataDisks = FXCollections.observableArrayList();
    private final ObservableList<DiskRow> dataDisksView = FXCollections.unmodifiableObservableList(dataDisks);
    private final ReadOnlyStringWrapper disksMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PoolNode> poolTree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper poolSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper poolScan = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper poolMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper configMismatch = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);

    public ZoneDetailViewModel() {
        zone.addListener(o -> update());
        selectionSize.addListener(o -> update());
        update();
    }

    /** Shows the zones table's selection: its one selected zone and how many are selected. */
    public void follow(ZonesViewModel zones) {
        zone.bind(zones.selectedZoneProperty());
        selectionSize.bind(Bindings.size(zones.selectedRows()));
    }

    /** The zone shown; null when none or several are selected. */
    public ObjectProperty<ZoneRow> zoneProperty() {
        return zone;
    }

    /** How many zones the table has selected: it tells "select a zone" from "select only one". */
    public IntegerProperty selectionSizeProperty() {
        return selectionSize;
    }

    private void update() {
        ZoneRow row = zone.get();
        ZoneInventory z = row == null ? null : row.inventory();
        showing.set(z != null);
        placeholder.set(z != null ? "" : selectionSize.get() > 1
                ? selectionSize.get() + " zones are selected: select one zone to see its disks and root pool."
                : "Select a zone to see its disks and root pool.");
        disks.clear();
        bootableDisks.clear();
        dataDisks.clear();
        poolTree.set(null);
        poolSummary.set("");
        poolScan.set("");
        poolMessage.set("");
        configMismatch.set("");
        disksMessage.set("");
        problems.clear();
        title.set("");
        if (z == null) {
            return;
        }
        title.set(row.name() + " · " + row.state() + " · " + row.brand());
        showDisks(z);
        showPool(z);
        showMismatch(z);
        problems.setAll(z.problems().stream().map(HostText::forTerminal).toList());
    }

    private void showDisks(ZoneInventory z) {
        if (z.persistentConfig() == null) {
            disksMessage.set("The persistent configuration of " + z.zone().name() + " could not be read"
                    + (z.problems().isEmpty() ? "." : ": see the problems below."));
            return;
        }
        List<KzDevice> devices = z.persistentConfig().devices();
        // Boot order is bootpri, then id (solaris-formats.md §3.3): list the boot disks that way.
        devices.stream().filter(KzDevice::isBootable).sorted(BOOT_ORDER)
                .forEach(d -> bootableDisks.add(DiskRow.of(d, z.rootPool())));
        devices.stream().filter(d -> !d.isBootable()).forEach(d -> dataDisks.add(DiskRow.of(d, z.rootPool())));
        disks.setAll(bootableDisks);
        disks.addAll(dataDisks);
        if (devices.isEmpty()) {
            disksMessage.set(z.zone().brand().isKernelZone() ? z.zone().name() + " has no disks configured."
                    : z.zone().name() + " is a " + z.zone().brand().name()
                            + " zone, not a kernel zone: it has no disks of its own to move.");
        } else {
            disksMessage.set(count(bootableDisks.size(), "bootable disk") + " (root pool), "
                    + count(dataDisks.size(), "data disk") + " — from the persistent configuration");
        }
    }

    private void showPool(ZoneInventory z) {
        Pool pool = z.rootPool();
        PoolUsage usage = z.rootPoolUsage();
        String name = z.zone().name();
        if (pool == null) {
            poolMessage.set(whyNoPool(z));
        } else {
            poolTree.set(PoolNode.of(pool));
            StringBuilder message = new StringBuilder();
            if (pool.status() != null) {
                message.append(pool.status().replace('\n', ' '));
            }
            if (pool.action() != null) {
                message.append(message.length() == 0 ? "" : " ").append("Action: ").append(pool.action().replace('\n', ' '));
            }
            if (pool.errors() != null && !Pool.NO_KNOWN_DATA_ERRORS.equals(pool.errors())) {
                message.append(message.length() == 0 ? "" : " ").append("Errors: ").append(pool.errors());
            }
            poolMessage.set(message.toString());
            if (pool.scan() != null) {
                // The scan text as zpool prints it, its continuation lines joined.
                poolScan.set("scan: " + ZpoolStatusFormat.scan(pool.scan()).strip().replaceAll("\\s*\\n\\s*", " · "));
            }
        }
        StringBuilder summary = new StringBuilder();
        if (pool != null || usage != null) {
            summary.append(pool != null ? pool.name() : usage.name());
            String state = pool != null && pool.state() != null ? pool.state().toString()
                    : usage != null && usage.health() != null ? usage.health().toString() : null;
            if (state != null) {
                summary.append(" · ").append(state);
            }
        }
        if (usage != null) {
            summary.append(" · size ").append(SolarisSize.format(usage.sizeBytes()))
                    .append(" · allocated ").append(SolarisSize.format(usage.allocatedBytes()))
                    .append(" (").append(usage.capacityPercent()).append(" %)")
                    .append(" · free ").append(SolarisSize.format(usage.freeBytes()));
        } else if (pool != null) {
            summary.append(" · size unknown (zpool list could not be read)");
        }
        poolSummary.set(summary.toString());
        if (pool == null && usage != null && poolMessage.get().isEmpty()) {
            poolMessage.set("The vdev tree of " + name + "'s root pool could not be read.");
        }
    }

    private static String whyNoPool(ZoneInventory z) {
        String name = z.zone().name();
        if (!z.zone().brand().isKernelZone()) {
            return name + " is a " + z.zone().brand().name()
                    + " zone, not a kernel zone: it has no root pool of its own for kzmove to read.";
        }
        if (z.zone().state() != ZoneState.RUNNING) {
            return name + " is " + z.zone().state().solarisName()
                    + ", not running: its root pool lives inside the guest and can only be read while the zone runs"
                    + " (zoneadm move also needs it running).";
        }
        return "The root pool of " + name + " could not be read" + (z.problems().isEmpty() ? "."
                : ": " + String.join("; ", z.problems()));
    }

    private void showMismatch(ZoneInventory z) {
        if (!z.configurationsDiffer()) {
            return;
        }
        List<String> differences = new ArrayList<>(
                ConfigurationDifference.describe(z.persistentConfig().devices(), z.liveConfig().devices()));
        if (differences.isEmpty()) {
            differences.add("the devices are listed differently");
        }
        String name = z.zone().name();
        configMismatch.set("The live and persistent configurations of " + name + " differ: "
                + String.join("; ", differences) + ". zoneadm move refuses this zone until they agree: apply the"
                + " persistent configuration to the running zone (zoneadm -z " + name + " apply), or reboot it.");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** True when a zone is shown; false shows {@link #placeholderProperty()} instead. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** Why no detail is shown: nothing selected, or several zones. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "web01 · running · solaris-kz". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Every disk of the persistent configuration: the bootable ones in boot order, then the data disks. */
    public ObservableList<DiskRow> disks() {
        return disksView;
    }

    /** The disks with a boot priority: the guest's root pool is made of them. */
    public ObservableList<DiskRow> bootableDisks() {
        return bootableDisksView;
    }

    /** The disks without a boot priority. */
    public ObservableList<DiskRow> dataDisks() {
        return dataDisksView;
    }

    /** "2 bootable disks (root pool), 1 data disk", or why there are none. */
    public ReadOnlyStringProperty disksMessageProperty() {
        return disksMessage.getReadOnlyProperty();
    }

    /** The root pool's vdev tree; null when the pool could not be read. */
    public ReadOnlyObjectProperty<PoolNode> poolTreeProperty() {
        return poolTree.getReadOnlyProperty();
    }

    /** "rpool · ONLINE · size 16G · allocated 4G (25 %) · free 12G"; "" when nothing is known. */
    public ReadOnlyStringProperty poolSummaryProperty() {
        return poolSummary.getReadOnlyProperty();
    }

    /** The pool's scan line, e.g. "scan: resilver in progress since … · 2G resilvered, 40.00% done". */
    public ReadOnlyStringProperty poolScanProperty() {
        return poolScan.getReadOnlyProperty();
    }

    /** What is wrong with the pool (zpool's status and action), or why it could not be read; "" if nothing. */
    public ReadOnlyStringProperty poolMessageProperty() {
        return poolMessage.getReadOnlyProperty();
    }

    /** The warning that the live and persistent configurations differ, and how; "" when they agree. */
    public ReadOnlyStringProperty configMismatchProperty() {
        return configMismatch.getReadOnlyProperty();
    }

    /** What went wrong reading the zone, one sentence each. */
    public ObservableList<String> problems() {
        return problemsView;
    }
}
