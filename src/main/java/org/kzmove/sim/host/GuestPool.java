package org.kzmove.sim.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The root pool inside a kernel zone's guest, as {@code zpool status} there would show it. Guarded
 * by the host lock; commands read it through {@link #copy()}.
 */
public final class GuestPool {

    /** One leaf vdev: the guest disk {@code c1d<id>}. */
    public static final class Disk {
        private final int deviceId;
        private String state;
        private boolean resilvering;

        Disk(int deviceId, String state, boolean resilvering) {
            this.deviceId = deviceId;
            this.state = state;
            this.resilvering = resilvering;
        }

        public int deviceId() {
            return deviceId;
        }

        public String name() {
            return "c1d" + deviceId;
        }

        public String state() {
            return state;
        }

        public boolean resilvering() {
            return resilvering;
        }

        void state(String value) {
            this.state = value;
        }

        void resilvering(boolean value) {
            this.resilvering = value;
        }
    }

    /**
     * The resilver the pool knows of: in progress, or the last one completed. {@code doneBytes} of
     * {@code totalBytes} are examined; {@code resilveredBytes} were written to the new disks.
     */
    public record Scan(Instant started, long totalBytes, long doneBytes, long resilveredBytes, long bytesPerSecond,
                       String percent, long etaSeconds, Instant finishesAt, Instant completed) {
        public boolean inProgress(Instant now) {
            return completed == null && (finishesAt == null || now.isBefore(finishesAt));
        }
    }

    private final String name;
    private final long sizeBytes;
    private final long allocatedBytes;
    private String health;
    private final List<Disk> disks = new ArrayList<>();
    private Scan scan;

    GuestPool(String name, long sizeBytes, long allocatedBytes, String health) {
        this.name = name;
        this.sizeBytes = sizeBytes;
        this.allocatedBytes = allocatedBytes;
        this.health = health;
    }

    public String name() {
        return name;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long allocatedBytes() {
        return allocatedBytes;
    }

    public String health() {
        return health;
    }

    void health(String value) {
        this.health = value;
    }

    public List<Disk> disks() {
        return disks;
    }

    public Scan scan() {
        return scan;
    }

    void scan(Scan value) {
        this.scan = value;
    }

    Disk disk(int id) {
        for (Disk d : disks) {
            if (d.deviceId == id) {
                return d;
            }
        }
        return null;
    }

    void attach(int id) {
        disks.add(new Disk(id, "ONLINE", true));
    }

    void detach(int id) {
        disks.removeIf(d -> d.deviceId == id);
    }

    /** A deep copy for printing outside the lock. */
    public GuestPool copy() {
        GuestPool c = new GuestPool(name, sizeBytes, allocatedBytes, health);
        for (Disk d : disks) {
            c.disks.add(new Disk(d.deviceId, d.state, d.resilvering));
        }
        c.scan = scan;
        return c;
    }

    /** The pool health as {@code zpool status} derives it from its disks. */
    public String effectiveHealth() {
        if (!"ONLINE".equals(health)) {
            return health;
        }
        for (Disk d : disks) {
            if (!"ONLINE".equals(d.state)) {
                return "DEGRADED";
            }
        }
        return "ONLINE";
    }
}
