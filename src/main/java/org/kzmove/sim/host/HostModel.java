package org.kzmove.sim.host;

import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.storage.StorageUri;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.kzmove.sim.command.SimCommand;
import org.kzmove.sim.host.scenario.HostScenario;
import org.kzmove.sim.host.scenario.HostScenario.DeviceSpec;
import org.kzmove.sim.host.scenario.HostScenario.PoolSpec;
import org.kzmove.sim.host.scenario.HostScenario.StorageSpec;
import org.kzmove.sim.host.scenario.HostScenario.UserSpec;
import org.kzmove.sim.host.scenario.HostScenario.ZoneSpec;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.Brand;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.zone.ZoneState;

/**
 * The simulated Solaris 11.4 host: its zones, their configurations and guest root pools, the
 * storage it can reach, its users, and the faults scheduled for it. One instance is shared by every
 * simulated process; short critical sections on {@link #lock()} keep it consistent while many
 * moves run on different zones.
 *
 * <p>Load a scenario with {@link #load(Path)} / {@link #load(InputStream)}, or build a large one
 * with {@link #generate(int, long)}; hand {@link #commands()} to the shell.
 */
public final class HostModel {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Object lock = new Object();
    private final String hostname;
    private final long seed;
    private final List<HostUser> users;
    private final ResilverSettings resilver;
    private final Map<String, SimZone> zones = new LinkedHashMap<>();
    private final Map<String, StorageItem> storage = new LinkedHashMap<>();
    private final List<String> globalPools;
    private volatile Duration connectionDrop;
    private volatile ZoneadmSigint zoneadmSigint;
    private int lastZoneId;
    /** Resilvers in progress or recently ended, for contention on storage arrays. Guarded by the lock. */
    private final List<ActiveResilver> resilvers = new ArrayList<>();

    /** A move's resilver, on the storage arrays of its new disks, from {@code started} until {@code ended}. */
    static final class ActiveResilver {
        private final java.util.Set<String> arrays;
        private final java.time.Instant started;
        private java.time.Instant ended;

        private ActiveResilver(java.util.Set<String> arrays, java.time.Instant started) {
            this.arrays = java.util.Set.copyOf(arrays);
            this.started = started;
        }
    }

    private HostModel(HostScenario s) {
        this.hostname = s.hostname() == null ? "solaris" : s.hostname();
        this.seed = s.seed() == null ? 0L : s.seed();
        List<HostUser> us = new ArrayList<>();
        for (UserSpec u : nullToEmpty(s.users())) {
            us.add(new HostUser(required(u.name(), "user name"), u.uid() == null ? 100 + us.size() : u.uid(),
                    u.profiles(), Boolean.TRUE.equals(u.sudoer()), u.passwordHash()));
        }
        this.users = List.copyOf(us);
        this.resilver = ResilverSettings.DEFAULT.with(s.resilver());
        this.globalPools = s.globalPools() == null ? List.of("rpool") : List.copyOf(s.globalPools());
        this.connectionDrop = s.dropConnectionsAfter() == null ? null : duration(s.dropConnectionsAfter());
        this.zoneadmSigint = ZoneadmSigint.parse(s.zoneadmSigint());
        for (StorageSpec st : nullToEmpty(s.storage())) {
            addStorage(required(st.uri(), "storage uri"), size(required(st.size(), "storage size"), "storage size"),
                    st.inUseByPool(), st.healthy() == null || st.healthy(), st.array());
        }
        for (ZoneSpec z : nullToEmpty(s.zones())) {
            addZone(z);
        }
    }

    /** Reads a scenario file (JSON, docs/simulator-scenario.md). */
    public static HostModel load(Path scenario) throws IOException {
        try (InputStream in = Files.newInputStream(scenario)) {
            return load(in);
        }
    }

    /** Reads a scenario (JSON, docs/simulator-scenario.md). */
    public static HostModel load(InputStream scenario) throws IOException {
        return fromScenario(JSON.readValue(scenario, HostScenario.class));
    }

    /** Builds the host a scenario describes; invalid content throws {@link IllegalArgumentException}. */
    public static HostModel fromScenario(HostScenario scenario) {
        return new HostModel(scenario);
    }

    /** A large generated host ({@code --zones N}) for scale work: same arguments, same host. */
    public static HostModel generate(int zones, long seed) {
        return fromScenario(ScenarioGenerator.generate(zones, seed));
    }

    /** The scenario JSON mapper (strict: unknown fields are errors), for tools that write scenarios. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** The commands of this host by name, {@code /usr/sbin/...} aliases included. */
    public Map<String, SimCommand> commands() {
        return SolarisCommands.commands(this);
    }

    public String hostname() {
        return hostname;
    }

    public long seed() {
        return seed;
    }

    public List<HostUser> users() {
        return users;
    }

    public Optional<HostUser> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /**
     * When the SSH server should drop every connection: simulated time after the server's start
     * (the scenario's {@code dropConnectionsAfter}); empty when never.
     */
    public Optional<Duration> scheduledConnectionDrop() {
        return Optional.ofNullable(connectionDrop);
    }

    /** Schedules (or, with null, cancels) the drop of every SSH connection, as simulated time after the server's start. */
    public void scheduleConnectionDrop(Duration afterStart) {
        this.connectionDrop = afterStart;
    }

    /** How {@code zoneadm move} sets up SIGINT (the scenario's {@code zoneadmSigint}). */
    public ZoneadmSigint zoneadmSigint() {
        return zoneadmSigint;
    }

    /** Changes it at run time; moves started afterwards follow it. */
    public void zoneadmSigint(ZoneadmSigint mode) {
        this.zoneadmSigint = java.util.Objects.requireNonNull(mode, "mode");
    }

    /** The faults of a zone's moves, changeable at run time. */
    public ZoneFaults faults(String zone) {
        SimZone z = zone(zone).orElseThrow(() -> new IllegalArgumentException("no zone " + zone));
        return z.faults();
    }

    /** Marks a storage URI as carrying the label of ZFS pool {@code pool} (null clears it). */
    public void markStorageInUse(String uri, String pool) {
        synchronized (lock) {
            StorageItem item = storageItem(uri).orElseThrow(() -> new IllegalArgumentException("unknown storage " + uri));
            item.inUseByPool(pool);
        }
    }

    /** Marks a storage URI healthy or failing (a failing disk cannot be attached). */
    public void markStorageHealthy(String uri, boolean healthy) {
        synchronized (lock) {
            StorageItem item = storageItem(uri).orElseThrow(() -> new IllegalArgumentException("unknown storage " + uri));
            item.healthy(healthy);
        }
    }

    /** The lock every reader and writer of zone, pool and storage state holds, briefly. */
    public Object lock() {
        return lock;
    }

    public ResilverSettings resilverSettings() {
        return resilver;
    }

    public List<String> globalPools() {
        return globalPools;
    }

    public Optional<SimZone> zone(String name) {
        synchronized (lock) {
            return Optional.ofNullable(zones.get(name));
        }
    }

    /** Zones in scenario order (the global zone is not among them). */
    public List<SimZone> zones() {
        synchronized (lock) {
            return List.copyOf(zones.values());
        }
    }

    /** The storage catalogue in scenario order. */
    public List<StorageItem> storage() {
        synchronized (lock) {
            return List.copyOf(storage.values());
        }
    }

    /** Looks storage up by any spelling of its URI (compared in normal form). */
    public Optional<StorageItem> storageItem(String uri) {
        synchronized (lock) {
            return Optional.ofNullable(storage.get(HostDevices.normalizeOrSelf(uri)));
        }
    }

    /** Looks storage up by the device path it maps to. */
    public Optional<StorageItem> storageByDevice(String devicePath) {
        synchronized (lock) {
            return storage.values().stream().filter(s -> s.mappedDevice().equals(devicePath)).findFirst();
        }
    }

    /** Adds storage to the catalogue (a new LUN presented to the host, a new ZFS volume). */
    public StorageItem addStorage(String uri, long sizeBytes, String inUseByPool, boolean healthy) {
        return addStorage(uri, sizeBytes, inUseByPool, healthy, null);
    }

    /** As {@link #addStorage(String, long, String, boolean)}, on a named storage array (null: the default). */
    public StorageItem addStorage(String uri, long sizeBytes, String inUseByPool, boolean healthy, String array) {
        StorageUri parsed;
        try {
            parsed = StorageUris.parse(uri);
        } catch (InvalidStorageUriException e) {
            throw new IllegalArgumentException("storage URI '" + uri + "': " + e.getMessage(), e);
        }
        synchronized (lock) {
            StorageItem item = new StorageItem(parsed, sizeBytes, inUseByPool, healthy, array);
            storage.put(parsed.normalized(), item);
            return item;
        }
    }

    boolean removeStorage(String uri) {
        synchronized (lock) {
            return storage.remove(HostDevices.normalizeOrSelf(uri)) != null;
        }
    }

    /** The zone whose persistent or live configuration uses this storage, if any. */
    public Optional<String> zoneUsing(String uri) {
        return zoneUsing(uri, null);
    }

    /** The first zone other than {@code except} whose configuration uses this storage, if any. */
    public Optional<String> zoneUsing(String uri, String except) {
        String normal = HostDevices.normalizeOrSelf(uri);
        synchronized (lock) {
            for (SimZone z : zones.values()) {
                if (z.name().equals(except)) {
                    continue;
                }
                for (List<KzDevice> devs : List.of(z.persistent(), z.live())) {
                    for (KzDevice d : devs) {
                        if (HostDevices.normalizeOrSelf(d.storage()).equals(normal)) {
                            return Optional.of(z.name());
                        }
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** A resilver begins writing to these storage arrays at {@code at} (simulated time). */
    ActiveResilver startResilver(java.util.Set<String> arrays, java.time.Instant at) {
        synchronized (lock) {
            // Resilvers that ended a day before are of no interest to anyone's interval any more.
            resilvers.removeIf(r -> r.ended != null && r.ended.isBefore(at.minus(Duration.ofDays(1))));
            ActiveResilver r = new ActiveResilver(arrays, at);
            resilvers.add(r);
            return r;
        }
    }

    /** The resilver ended (completed, failed or abandoned) at {@code at}. */
    void endResilver(ActiveResilver r, java.time.Instant at) {
        synchronized (lock) {
            if (r.ended == null) {
                r.ended = at;
            }
        }
    }

    /**
     * How many other resilvers onto one of {@code self}'s arrays ran during the poll interval
     * {@code (from, to]}: those started before {@code to} and not ended by {@code from}. The strict
     * bounds make the answer independent of the order in which moves wake at one instant of a
     * {@link org.kzmove.sim.clock.ManualClock}, so concurrent moves stay deterministic.
     */
    int concurrentResilvers(ActiveResilver self, java.time.Instant from, java.time.Instant to) {
        synchronized (lock) {
            int n = 0;
            for (ActiveResilver r : resilvers) {
                if (r != self && r.started.isBefore(to) && (r.ended == null || r.ended.isAfter(from))
                        && r.arrays.stream().anyMatch(self.arrays::contains)) {
                    n++;
                }
            }
            return n;
        }
    }

    int nextZoneId() {
        synchronized (lock) {
            return ++lastZoneId;
        }
    }

    private void addZone(ZoneSpec z) {
        String name = required(z.name(), "zone name");
        if (zones.containsKey(name) || name.equals("global")) {
            throw new IllegalArgumentException("zone '" + name + "' is defined twice");
        }
        Brand brand = new Brand(z.brand() == null ? "solaris-kz" : z.brand());
        ZoneState state = z.state() == null ? ZoneState.INSTALLED
                : ZoneState.fromSolaris(z.state().toLowerCase(Locale.ROOT))
                        .orElseThrow(() -> new IllegalArgumentException("zone '" + name + "': unknown state " + z.state()));
        List<KzDevice> devices = devices(z.devices(), name);
        PoolSpec ps = z.rootPool();
        long poolSize = ps == null || ps.size() == null ? 16L << 30 : size(ps.size(), "pool size");
        long allocated = ps == null || ps.allocated() == null ? poolSize / 3 : size(ps.allocated(), "pool allocated");
        GuestPool pool = null;
        if (brand.isKernelZone()) {
            pool = new GuestPool(ps == null || ps.name() == null ? "rpool" : ps.name(), poolSize, allocated,
                    ps == null || ps.health() == null ? "ONLINE" : ps.health().toUpperCase(Locale.ROOT));
            List<Integer> poolDisks = ps != null && ps.disks() != null ? ps.disks()
                    : devices.stream().filter(KzDevice::isBootable).map(KzDevice::id).toList();
            for (int id : poolDisks) {
                if (devices.stream().noneMatch(d -> d.id() != null && d.id() == id)) {
                    throw new IllegalArgumentException("zone '" + name + "': pool disk " + id + " is not a configured device");
                }
                pool.disks().add(new GuestPool.Disk(id, "ONLINE", false));
            }
        }
        ResilverSettings rs = resilver.with(z.resilver());
        SimZone zone = new SimZone(name, brand, z.uuid() == null ? "" : z.uuid(), z.autoboot() == null || z.autoboot(),
                z.hostid(), z.memory() == null ? "4G" : z.memory(), z.vcpus() == null ? 4 : z.vcpus(), rs,
                ZoneFaults.of(z.faults()), state, pool);
        zone.persistent().addAll(devices);
        zone.live().addAll(z.liveDevices() == null ? devices : devices(z.liveDevices(), name));
        if (state.hasZoneId()) {
            zone.zoneId(++lastZoneId);
        }
        zones.put(name, zone);
        for (KzDevice d : devices) {
            if (storageItem(d.storage()).isEmpty()) {
                try {
                    addStorage(d.storage(), poolSize, null, true);
                } catch (IllegalArgumentException e) {
                    // template tokens or an odd URI: the zone keeps it, the catalogue does not know it
                }
            }
        }
    }

    private static List<KzDevice> devices(List<DeviceSpec> specs, String zone) {
        List<KzDevice> out = new ArrayList<>();
        for (DeviceSpec d : nullToEmpty(specs)) {
            if (d.id() == null || d.storage() == null) {
                throw new IllegalArgumentException("zone '" + zone + "': every device needs an id and a storage URI");
            }
            out.add(new KzDevice(d.id(), d.storage(), d.bootpri(), null));
        }
        return out;
    }

    static long size(String text, String what) {
        OptionalLong v = SolarisSize.parse(text);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(what + ": not a size: '" + text + "'");
        }
        return v.getAsLong();
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("dropConnectionsAfter: not an ISO-8601 duration: '" + text + "'", e);
        }
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? Collections.emptyList() : list;
    }
}
