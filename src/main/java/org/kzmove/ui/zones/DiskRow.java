package org.kzmove.ui.zones;

import java.util.regex.Pattern;

import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.Vdev;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.zone.KzDevice;

/**
 * One disk of a zone's persistent configuration, as the zone detail shows it.
 *
 * @param disk         the guest's name for it, {@code c1d<id>}; "-" when the device has no id
 * @param storage      the storage URI as configured
 * @param mappedDevice the host device the URI maps to; "-" when the URI alone does not say (file, NFS, templates)
 * @param bootPriority the {@code bootpri}; "-" for a data disk
 * @param bootable     whether the disk has a boot priority (belongs to the root pool)
 * @param poolState    the disk's state in the guest's root pool, e.g. ONLINE; "-" when not in the pool or unknown
 */
public record DiskRow(String disk, String storage, String mappedDevice, String bootPriority, boolean bootable,
        String poolState) {

    /** The row of {@code device}, with its state in {@code rootPool} (null when the pool is not known). */
    public static DiskRow of(KzDevice device, Pool rootPool) {
        String name = device.diskName();
        return new DiskRow(name == null ? "-" : name, device.storage() == null ? "-" : device.storage(),
                mappedDevice(device.storage()), device.bootPriority() == null ? "-" : device.bootPriority().toString(),
                device.isBootable(), poolState(name, rootPool));
    }

    /** "boot" or "data", for the disks table's role column. */
    public String role() {
        return bootable ? "boot" : "data";
    }

    private static String mappedDevice(String storage) {
        if (storage == null) {
            return "-";
        }
        try {
            return StorageUris.parse(storage).mappedDevice().orElse("-");
        } catch (InvalidStorageUriException e) {
            return "-"; // a template URI, or a form kzmove does not map
        }
    }

    /** The guest names its disks c1d<id> (solaris-formats.md); a slice (c1d0s0) counts as the disk. */
    private static String poolState(String disk, Pool pool) {
        if (disk == null || pool == null) {
            return "-";
        }
        Pattern slice = Pattern.compile(Pattern.quote(disk) + "s\\d+");
        return pool.leaves().stream()
                .filter(v -> v.name().equals(disk) || slice.matcher(v.name()).matches())
                .map(Vdev::state)
                .map(String::valueOf)
                .findFirst()
                .orElse("-");
    }
}
