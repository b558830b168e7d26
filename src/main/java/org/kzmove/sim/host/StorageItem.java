package org.kzmove.sim.host;

/**
 * A piece of storage that exists on the host (a LUN, a ZFS volume, a file). Mutable fields are volatile; changes happen under the host lock.
 */
public final class StorageItem {
    private final String uri;
    private final HostUris.ParsedUri parsed;
    private final long sizeBytes;
    private volatile String inUseByPool;
    private volatile boolean healthy;

    StorageItem(HostUris.ParsedUri parsed, long sizeBytes, String inUseByPool, boolean healthy) {
        this.uri = parsed.original();
        this.parsed = parsed;
        this.sizeBytes = sizeBytes;
        this.inUseByPool = inUseByPool;
        this.healthy = healthy;
    }

    public String uri() {
        return uri;
    }

    public HostUris.ParsedUri parsed() {
        return parsed;
    }

    public long sizeBytes() {
        return sizeBytes;
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
