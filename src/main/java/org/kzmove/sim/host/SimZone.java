package org.kzmove.sim.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.zone.ZoneState;

/**
 * One non-global zone of the simulated host. Its mutable state is guarded by the host lock
 * ({@link HostModel#lock()}); {@link #busy()} marks a zoneadm operation in progress.
 */
public final class SimZone {
    private final String name;
    private final Brand brand;
    private final String uuid;
    private final boolean autoboot;
    private final String hostid;
    private final String memory;
    private final int vcpus;
    private final ResilverSettings resilver;
    private final ZoneFaults faults;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger moves = new AtomicInteger();
    private ZoneState state;
    private Integer zoneId;
    private final List<KzDevice> persistent = new ArrayList<>();
    private final List<KzDevice> live = new ArrayList<>();
    private final GuestPool pool;

    SimZone(String name, Brand brand, String uuid, boolean autoboot, String hostid, String memory, int vcpus,
            ResilverSettings resilver, ZoneFaults faults, ZoneState state, GuestPool pool) {
        this.name = name;
        this.brand = brand;
        this.uuid = uuid;
        this.autoboot = autoboot;
        this.hostid = hostid;
        this.memory = memory;
        this.vcpus = vcpus;
        this.resilver = resilver;
        this.faults = faults;
        this.state = state;
        this.pool = pool;
    }

    public String name() {
        return name;
    }

    public Brand brand() {
        return brand;
    }

    public String uuid() {
        return uuid;
    }

    public boolean autoboot() {
        return autoboot;
    }

    public String hostid() {
        return hostid;
    }

    public String memory() {
        return memory;
    }

    public int vcpus() {
        return vcpus;
    }

    public ResilverSettings resilver() {
        return resilver;
    }

    public ZoneFaults faults() {
        return faults;
    }

    public ZoneState state() {
        return state;
    }

    void state(ZoneState value) {
        this.state = value;
    }

    public Integer zoneId() {
        return zoneId;
    }

    void zoneId(Integer value) {
        this.zoneId = value;
    }

    /** The persistent configuration's devices (mutable, under the host lock). */
    public List<KzDevice> persistent() {
        return persistent;
    }

    /** The live configuration's devices (mutable, under the host lock); meaningful while running. */
    public List<KzDevice> live() {
        return live;
    }

    public GuestPool pool() {
        return pool;
    }

    AtomicBoolean busy() {
        return busy;
    }

    /**
     * zoneadm's per-zone lock, as Solaris takes it: {@code fcntl(F_SETLKW)} on
     * {@code /system/volatile/zones/<zone>.zoneadm.lock}, which <em>blocks</em> until the holder lets go
     * (fleet-stepwise-locks.md §4.1). A second zoneadm on the zone waits silently; a signal ends the wait.
     */
    void lockForZoneadm() throws InterruptedException {
        synchronized (busy) {
            while (!busy.compareAndSet(false, true)) {
                busy.wait();
            }
        }
    }

    /** Lets go of zoneadm's lock and wakes the next zoneadm waiting for it. */
    void unlockForZoneadm() {
        synchronized (busy) {
            busy.set(false);
            busy.notifyAll();
        }
    }

    /** Counts the moves started on this zone, so each gets its own random stream. */
    int nextMoveOrdinal() {
        return moves.incrementAndGet();
    }
}
