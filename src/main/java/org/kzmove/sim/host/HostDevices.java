package org.kzmove.sim.host;

import java.util.Locale;

import org.kzmove.solaris.storage.InvalidStorageUriException;
import org.kzmove.solaris.storage.StorageUri;
import org.kzmove.solaris.storage.StorageUris;

/**
 * What the shared storage URI model ({@link StorageUris}) leaves to the host: the device a URI
 * shows up as when the URI alone does not decide it, and lookups by any spelling of a URI.
 */
final class HostDevices {
    private HostDevices() {
    }

    /** The device a URI maps to on this host: the shared model's mapping, or an INVENTED stable one. */
    static String mappedDevice(StorageUri uri) {
        return uri.mappedDevice().orElseGet(() -> switch (uri.type()) {
            // INVENTED: NFS and file URIs are mapped through lofi; the instance number is made up but stable.
            case NFS, FILE -> "/dev/lofi/" + (1 + Math.floorMod(uri.text().hashCode(), 999));
            // INVENTED: the device name of a target/LUN-addressed iSCSI disk depends on the
            // initiator; a stable made-up WWN keeps the simulation deterministic.
            case ISCSI -> "/dev/dsk/c0t" + String.format(Locale.ROOT, "%016X",
                    uri.properties().getOrDefault("target", "").toLowerCase(Locale.ROOT).hashCode() & 0xffffffffL)
                    + "d" + uri.properties().getOrDefault("lun", "0");
            default -> "-";
        });
    }

    /** The normal form used to compare URIs; the text itself for an invalid URI (so it matches only itself). */
    static String normalizeOrSelf(String uri) {
        try {
            return StorageUris.parse(uri).normalized();
        } catch (InvalidStorageUriException e) {
            return uri;
        }
    }
}
