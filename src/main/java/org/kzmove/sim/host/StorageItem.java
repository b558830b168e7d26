package org.kzmove.sim.host;

import org.kzmove.solaris.storage.StorageUri;

/**
 * A piece of storage that exists on the host (a LUN, a ZFS volume, a file). Mutable fields are volatile; changes happen under the host lock.
 */
public final class StorageItem {
    private final String uri;
    private final StorageUri parsed;
    private final String mappedDevice;
    private final long sizeBytes;
    private final String array;
    private volatile String inUseByPool;
    private volatile boolean healthy;

    StorageItem(StorageUri parsed, long sizeBytes, String inUseByPool, boolean healthy, String array) {
        this.uri = parsed.text();
        this.parsed = parsed;
        this.mappedDevice = HostDevices.mappedDevice(parsed);
        this.sizeBytes = sizeBytes;
        this.array = array != null ? array : defaultArray(parsed);
        this.inUseByPool = inUseByPool;
        this.healthy = healthy;
    }

    public String uri() {
        return uri;
    }

    public StorageUri parsed() {
        return parsed;
    }

    /** The device the storage shows up as on the host ({@code /dev/dsk/c0t...d0}, {@code /dev/zvol/dsk/...}). */
    public String mappedDevice() {
        return mappedDevice;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /**
     * The storage array it lives on: resilvers onto one array share its bandwidth (the scenario's
     * {@code contention}). Default: the host of an iSCSI or NFS URI, else the URI's type.
     */
    public String array() {
        return array;
    }

    private static String defaultArray(StorageUri parsed) {
        String host = parsed.properties().get("hostname");
        return host != null && !host.equals("-") ? host.toLowerCase(java.util.Locale.ROOT) : parsed.type().word();
    }

    /** The ZFS pool whose label the disk carries (so {@code zpool create} refuses it), or null. */
    public String inUseByPool() {
        return inUseByPool;
    }

    void inUseByPool(String pool) {
        this.inUseByPool = pool;
    }

    public boolean healthy() {
        return healthy;
    }

    void healthy(boolean value) {
        this.healthy = value;
    }
}
