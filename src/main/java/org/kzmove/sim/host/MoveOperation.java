package org.kzmove.sim.host;

import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.storage.StorageUri;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.kzmove.sim.command.Invocation;
import org.kzmove.sim.process.Signal;
import org.kzmove.solaris.zone.KzDevice;

/**
 * One live storage migration of a running kernel zone ({@code zoneadm -z z move -p URI ...}),
 * printing what Solaris 11.4 SRU48+ prints (kz-live-storage-migration.md) and changing the zone's
 * persistent and live configurations and its guest root pool as the real command does.
 *
 * <p>The caller has already parsed the arguments, checked privileges and the zone's state, and
 * holds the zone's busy flag. Failures and SIGINT/SIGTERM/SIGHUP roll back; once an original disk
 * has been detached the move is past the point of no return and completes
 * (docs/decisions/0003-interrupt-after-detach.md). An uncatchable end (SIGKILL, a broken pipe)
 * leaves the zone as it is at that instant, as on a real host.
 */
final class MoveOperation {
    private static final DateTimeFormatter LOG_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final int ONLINE_WAIT_SECONDS = 120;
    private static final Duration APPLY_TIME = Duration.ofSeconds(2);
    private static final Duration DISK_STEP_TIME = Duration.ofSeconds(1);

    /** A {@code -p} operand with its optional {@code -x id=N}. */
    record Target(String uri, Integer id) {
    }

    /** A new device of this move. */
    private record NewDisk(String uri, String mapped, int id, long size, boolean healthy) {
        String name() {
            return KzDevice.diskName(id);
        }
    }

    /** The move failed; its lines are printed already. */
    private static final class MoveFailure extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** A catchable signal asked the move to stop. */
    private static final class SignalAbort extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Signal signal;

        SignalAbort(Signal signal) {
            this.signal = signal;
        }
    }

    private final HostModel host;
    private final SimZone zone;
    private final Invocation inv;
    private final List<Target> targets;
    private final boolean force;
    private final MoveOutput out;
    private final ResilverSettings settings;
    private final ZoneFaults faults;
    private final SplittableRandom random;

    // What has been done, for the clean-up.
    private final List<NewDisk> newDisks = new ArrayList<>();
    private boolean persistentAdded;
    private boolean liveApplied;
    private final List<NewDisk> attached = new ArrayList<>();
    private boolean pastPointOfNoReturn;
    private List<KzDevice> originalPersistent;
    private List<KzDevice> originalLive;

    MoveOperation(HostModel host, SimZone zone, Invocation inv, List<Target> targets, boolean force, boolean verbose) {
        this.host = host;
        this.zone = zone;
        this.inv = inv;
        this.targets = targets;
        this.force = force;
        this.out = new MoveOutput(inv.stdout(), inv.stderr(), verbose, inv.files(), zone.name());
        this.settings = zone.resilver();
        this.faults = zone.faults();
        long mix = host.seed() * 0x9E3779B97F4A7C15L ^ zone.name().hashCode() * 0xC2B2AE3D27D4EB4FL
                ^ zone.nextMoveOrdinal() * 0x165667B19E3779F9L;
        this.random = new SplittableRandom(mix);
    }

    int run() throws InterruptedException {
        installSignalHandlers();
        try {
            migrate();
            return 0;
        } catch (SignalAbort abort) {
            if (abort.signal == Signal.HUP) {
                out.tolerateDeadTerminal();
            }
            out.info("Signal " + abort.signal.sigName() + " caught.");
            cleanUp();
            out.verbose("==== Completed:   ====");
            out.error("'move' terminated by signal " + abort.signal.sigName() + ".");
            out.error("move failed.");
            return 1;
        } catch (MoveFailure failure) {
            if (persistentAdded) {
                cleanUp();
            }
            out.verbose("==== Completed:   ====");
            out.error("move failed.");
            return 1;
        } finally {
            finishAbandonedResilver();
        }
    }

    private void migrate() throws MoveFailure, SignalAbort, InterruptedException {
        String z = zone.name();
        if (out.verbose()) {
            out.terminal("Verbose progress output to terminal enabled.");
        }
        String logPath = "/var/log/zones/zoneadm." + LOG_STAMP.format(inv.clock().now()) + "." + z + ".move";
        out.openLog(logPath);
        out.verbose("==== Starting:  ====");
        out.info("Progress being logged to " + logPath);

        // 1. live and persistent configurations must match
        List<KzDevice> persistent;
        List<KzDevice> live;
        GuestPool pool;
        synchronized (host.lock()) {
            persistent = List.copyOf(zone.persistent());
            live = List.copyOf(zone.live());
            pool = zone.pool().copy();
        }
        originalPersistent = persistent;
        originalLive = live;
        out.heading("Verifying zone '" + z + "' live/persistent configurations match:");
        Optional<String> mismatch = mismatch(persistent, live);
        if (mismatch.isPresent()) {
            // INVENTED: no real text is known for this failure.
            throw fail("  ERROR: live and persistent configurations of zone '" + z + "' differ: " + mismatch.get());
        }
        out.verbose("  OK");

        // 2. the disks of the zone
        out.verbose("Bootable disks in zone '" + z + "' configuration are:");
        listDisks(persistent.stream().filter(KzDevice::isBootable).toList());
        out.verbose("Non-bootable disks zone '" + z + "' configuration are:");
        listDisks(persistent.stream().filter(d -> !d.isBootable()).toList());

        // 3. the input URIs: valid, known to the host, not used by the zone
        out.heading("Verifying input URIs are not already used in zone '" + z + "' configuration:");
        boolean failed = false;
        List<StorageUri> parsed = new ArrayList<>();
        for (Target t : targets) {
            out.verbose("  " + t.uri());
            String problem = null;
            StorageUri p = null;
            try {
                p = StorageUris.parse(t.uri());
            } catch (InvalidStorageUriException e) {
                problem = "    ERROR: invalid storage URI: " + e.reason(); // INVENTED
            }
            if (p != null) {
                String normal = p.normalized();
                Optional<KzDevice> used = persistent.stream()
                        .filter(d -> HostDevices.normalizeOrSelf(d.storage()).equals(normal)).findFirst();
                if (used.isPresent()) {
                    problem = "    ERROR: already used by " + used.get().diskName(); // INVENTED
                } else if (host.storageItem(t.uri()).isEmpty()) {
                    problem = "    ERROR: cannot open '" + HostDevices.mappedDevice(p) + "': No such device"; // INVENTED
                }
            }
            if (problem == null) {
                out.verbose("    OK");
                parsed.add(p);
            } else {
                out.failure(List.of("  " + t.uri()), problem);
                failed = true;
            }
        }
        if (failed) {
            throw new MoveFailure();
        }

        // 4. duplicates
        out.heading("Verifying there are no duplicates in the input URIs:");
        Set<String> seen = new HashSet<>();
        for (StorageUri p : parsed) {
            if (!seen.add(p.normalized())) {
                throw fail("  ERROR: '" + p.text() + "' is given more than once"); // INVENTED
            }
        }
        out.verbose("  OK");

        // 5. not part of another zpool (a temporary zpool create), unless forced
        out.heading("Verifying the input disks are not part of another zpool:");
        if (force) {
            out.verbose("  Skipping check: '-x force-zpool-attach' is set");
        } else {
            List<String> inUse = new ArrayList<>();
            synchronized (host.lock()) {
                for (StorageUri p : parsed) {
                    StorageItem item = host.storageItem(p.text()).orElseThrow();
                    if (item.inUseByPool() != null) {
                        // zpool create's in-use text (libdiskmgt, solaris-formats.md §1.2), zpool(8) for 11.4
                        inUse.add("    " + item.mappedDevice() + "s0 is part of exported or potentially active ZFS pool "
                                + item.inUseByPool() + ". Please see zpool(8).");
                    }
                }
            }
            if (!inUse.isEmpty()) {
                List<String> lines = new ArrayList<>();
                lines.add("  ERROR: temporary zpool create failed:"); // INVENTED heading; the lines below are zpool's
                lines.add("    invalid vdev specification");
                lines.add("    use '-f' to override the following errors:");
                lines.addAll(inUse);
                throw fail(lines.toArray(String[]::new));
            }
            out.verbose("  OK");
        }

        // 6. the root pool
        out.verbose("Root zpool name in zone '" + z + "' is:");
        out.verbose("  " + pool.name());
        out.heading("Checking zpool '" + pool.name() + "' health:");
        String health = pool.effectiveHealth();
        out.verbose("  " + health);
        if (!"ONLINE".equals(health)) {
            throw fail("  ERROR: zpool '" + pool.name() + "' is not healthy"); // INVENTED
        }
        out.verbose("Checking zpool '" + pool.name() + "' vdev configuration:");
        out.verbose("  OK");
        out.verbose("Disks in the zone '" + z + "' zpool '" + pool.name() + "' are:");
        List<KzDevice> originals = new ArrayList<>();
        int highest = Integer.MAX_VALUE;
        for (GuestPool.Disk d : pool.disks()) {
            KzDevice dev = persistent.stream().filter(x -> x.id() != null && x.id() == d.deviceId()).findFirst()
                    .orElse(new KzDevice(d.deviceId(), "", null, null));
            originals.add(dev);
            out.verbose("  " + d.name() + " (bootpri=" + (dev.bootPriority() == null ? "none" : dev.bootPriority()) + ")");
            if (dev.bootPriority() != null) {
                highest = Math.min(highest, dev.bootPriority());
            }
        }
        int bootpri = highest == Integer.MAX_VALUE ? 0 : highest;
        out.verbose("Highest boot disk priority in zpool '" + pool.name() + "':");
        out.verbose("  " + bootpri);

        // 7. new devices in the persistent configuration
        out.heading("Adding new storage devices to zone '" + z + "' persistent config:");
        assignIds(persistent, parsed);
        for (NewDisk n : newDisks) {
            out.verbose("  " + n.name() + ":");
            out.verbose("    URI: " + n.uri());
            out.verbose("    Mapped to: " + n.mapped());
            out.verbose("    Boot priority: " + bootpri);
            out.verbose("    Device ID: " + n.id());
        }
        synchronized (host.lock()) {
            for (NewDisk n : newDisks) {
                zone.persistent().add(new KzDevice(n.id(), n.uri(), bootpri, null));
            }
            persistentAdded = true;
        }

        // 8. the live configuration
        out.heading("Will apply the configuration changes now:");
        for (NewDisk n : newDisks) {
            out.verbose("  Checking: Adding device storage=" + n.uri());
            Optional<String> other = host.zoneUsing(n.uri(), z);
            if (other.isPresent()) {
                throw fail("  ERROR: storage '" + n.uri() + "' is already used by zone '" + other.get() + "'"); // INVENTED
            }
        }
        out.verbose("  Applying the changes");
        pause(APPLY_TIME);
        synchronized (host.lock()) {
            for (NewDisk n : newDisks) {
                zone.live().add(new KzDevice(n.id(), n.uri(), bootpri, null));
            }
            liveApplied = true;
        }

        // 9. attach
        out.infoHeading("Attaching new disks.");
        String attachTo = originals.get(0).diskName();
        for (NewDisk n : newDisks) {
            out.verbose("  " + n.name() + ":");
            pause(DISK_STEP_TIME);
            if (!n.healthy()) {
                throw failIn(n, "    ERROR: cannot attach " + n.name() + " to " + attachTo + ": I/O error"); // INVENTED
            }
            if (n.size() < pool.sizeBytes()) {
                // zpool attach's own reason (Solaris source, solaris-formats.md §4.4)
                throw failIn(n, "    ERROR: cannot attach " + n.name() + " to " + attachTo + ": device is too small");
            }
            synchronized (host.lock()) {
                GuestPool guest = zone.pool();
                guest.attach(n.id());
                if (attached.isEmpty()) {
                    guest.scan(new GuestPool.Scan(inv.clock().now(), guest.allocatedBytes(), 0, 0, 0, "0.00", 0, null, null));
                }
                attached.add(n);
            }
            out.verbose("    OK");
        }

        // 10. resilver
        out.infoHeading("Waiting for disks to resilver.");
        resilver(pool.allocatedBytes());

        // 11. the new disks must be ONLINE
        out.heading("Verifying all attached disks in root zpool are online:");
        Instant onlineAt = inv.clock().now().plusSeconds(settings.degradedSeconds());
        for (NewDisk n : newDisks) {
            out.verbose("  " + n.name() + ":");
            int left = ONLINE_WAIT_SECONDS;
            while (faults.neverLeavesDegraded() || inv.clock().now().isBefore(onlineAt)) {
                if (left == 0) {
                    throw failIn(n,
                            "    ERROR: " + n.name() + " is still DEGRADED after " + ONLINE_WAIT_SECONDS + " seconds"); // INVENTED
                }
                out.verbose("    still DEGRADED, " + left + " more seconds to wait.");
                left--;
                pause(Duration.ofSeconds(1));
            }
            synchronized (host.lock()) {
                GuestPool.Disk d = zone.pool().disk(n.id());
                if (d != null) {
                    d.state("ONLINE");
                }
            }
            out.verbose("    OK");
        }

        // 12. detach the originals: from here on there is no way back
        out.verbose("Detaching original disks from zone '" + z + "' root zpool:");
        pastPointOfNoReturn = true;
        for (KzDevice o : originals) {
            out.verbose("  " + o.diskName() + ":");
            pause(DISK_STEP_TIME);
            synchronized (host.lock()) {
                zone.pool().detach(o.id());
            }
            out.verbose("    OK");
        }

        // 13. remove the originals from the persistent configuration, then the live one
        out.info("Removing original disks from zone '" + z + "' configuration.");
        for (KzDevice o : originals) {
            out.verbose("  " + o.diskName() + ":");
            synchronized (host.lock()) {
                zone.persistent().removeIf(d -> d.id() != null && d.id().equals(o.id()));
            }
            out.verbose("    OK");
        }
        out.verbose("Will apply the configuration with removed original disks now:");
        for (KzDevice o : originals) {
            out.verbose("  Checking: Removing device storage=" + o.storage());
        }
        out.verbose("  Applying the changes");
        pause(APPLY_TIME);
        synchronized (host.lock()) {
            zone.live().removeIf(d -> originals.stream().anyMatch(o -> o.id().equals(d.id())));
            // the old disks keep the guest pool's label; the new ones were relabelled
            for (KzDevice o : originals) {
                host.storageItem(o.storage()).ifPresent(s -> s.inUseByPool(zone.pool().name()));
            }
            for (NewDisk n : newDisks) {
                host.storageItem(n.uri()).ifPresent(s -> s.inUseByPool(null));
            }
        }
        out.info("Live storage migration succeeded.");
    }

    /**
     * Progress lines until every allocated byte is examined ({@link ResilverModel}: the printed
     * percentage advances in steps, "to go" follows it, the rate is an average since the start).
     */
    private void resilver(long total) throws MoveFailure, SignalAbort, InterruptedException {
        Instant start = inv.clock().now();
        ResilverModel model = new ResilverModel(total, newDisks.size(), settings, random);
        HostModel.ActiveResilver active = host.startResilver(arrays(), start);
        try {
            resilver(model, active, start);
        } finally {
            host.endResilver(active, inv.clock().now());
        }
    }

    private void resilver(ResilverModel model, HostModel.ActiveResilver active, Instant start)
            throws MoveFailure, SignalAbort, InterruptedException {
        long total = model.total();
        int stallLeft = faults.stallSeconds();
        Duration poll = Duration.ofSeconds(settings.pollSeconds());
        // Lines are due on a fixed schedule from the start (not "2 s after the last line was
        // written"): otherwise the time spent writing each line adds up, and at a high time scale
        // the move falls behind its own clock (see the capacity section of docs/benchmarks.md).
        Instant due = start;
        if (settings.startDelaySeconds() > 0) {
            Instant from = due;
            due = due.plusSeconds(settings.startDelaySeconds());
            pauseUntil(due);
            model.advance(settings.startDelaySeconds() * 1000L, share(active, from, due), false);
        }
        while (true) {
            Instant from = due;
            due = due.plus(poll);
            pauseUntil(due);
            model.drift();
            Double stallAt = faults.stallAtPercent();
            boolean stalled = stallAt != null && model.examinedPercent() >= stallAt && stallLeft > 0;
            if (stalled) {
                stallLeft -= settings.pollSeconds();
            }
            model.advance(poll.toMillis(), share(active, from, due), stalled);
            Double failAt = faults.targetFailsAtPercent();
            if (failAt != null && model.examinedPercent() >= failAt && !attached.isEmpty()) {
                NewDisk bad = attached.get(0);
                synchronized (host.lock()) {
                    GuestPool.Disk d = zone.pool().disk(bad.id());
                    if (d != null) {
                        d.state("FAULTED");
                        d.resilvering(false);
                    }
                    zone.pool().scan(null);
                }
                throw fail("  ERROR: " + bad.name() + " FAULTED while resilvering: too many errors"); // INVENTED
            }
            if (model.complete()) {
                synchronized (host.lock()) {
                    GuestPool live = zone.pool();
                    for (NewDisk n : attached) {
                        GuestPool.Disk d = live.disk(n.id());
                        if (d != null) {
                            d.resilvering(false);
                            d.state("DEGRADED");
                        }
                    }
                    live.scan(new GuestPool.Scan(start, total, total, model.resilveredBytes(), 0, "100.00", 0, null,
                            inv.clock().now()));
                }
                return;
            }
            ResilverModel.Line line = model.line();
            synchronized (host.lock()) {
                zone.pool().scan(new GuestPool.Scan(start, total, model.examinedBytes(), line.resilveredBytes(),
                        line.rateBytesPerSecond(), line.percent(), line.etaSeconds(), null, null));
            }
            out.verbose(line.text());
        }
    }

    /** The part of its rate this resilver gets over {@code (from, to]}, sharing its storage arrays with others. */
    private double share(HostModel.ActiveResilver active, Instant from, Instant to) {
        if (settings.contention() <= 0) {
            return 1;
        }
        return 1 / (1 + settings.contention() * host.concurrentResilvers(active, from, to));
    }

    /** The storage arrays the new disks live on. */
    private Set<String> arrays() {
        Set<String> arrays = new HashSet<>();
        for (NewDisk n : newDisks) {
            host.storageItem(n.uri()).ifPresent(s -> arrays.add(s.array()));
        }
        return arrays;
    }

    /** Rolls back what was done; a signal during clean-up is ignored. */
    private void cleanUp() throws InterruptedException {
        out.info("Please be patient while we properly clean up...");
        out.info("!! Interrupting now may leave your zone in inconsistent state !!");
        ZoneFaults.RollbackStep failing = faults.rollbackFailsAt();
        if (persistentAdded) {
            out.info("Detaching new disks that might have been already attached.");
            for (NewDisk n : newDisks) {
                out.verbose("  " + n.name() + ":");
                if (failing == ZoneFaults.RollbackStep.DETACH && attached.contains(n)) {
                    cleanUpFailed("    ERROR: cannot detach " + n.name() + ": pool I/O is currently suspended"); // INVENTED
                    return;
                }
                if (attached.contains(n)) {
                    pauseIgnoringSignals(DISK_STEP_TIME);
                    synchronized (host.lock()) {
                        zone.pool().detach(n.id());
                        GuestPool.Scan scan = zone.pool().scan();
                        if (scan != null && scan.completed() == null) {
                            zone.pool().scan(null); // detaching the resilvering disk cancels the resilver
                        }
                    }
                }
                out.verbose("    OK");
            }
            attached.clear();
            out.info("Removing devices already added to the persistent zone config.");
            for (NewDisk n : newDisks) {
                out.verbose("  " + n.name() + ":");
                if (failing == ZoneFaults.RollbackStep.REMOVE) {
                    cleanUpFailed("    ERROR: could not remove device " + n.name() + " from the persistent configuration"); // INVENTED
                    return;
                }
                synchronized (host.lock()) {
                    zone.persistent().removeIf(d -> d.id() != null && d.id() == n.id());
                }
                out.verbose("    OK");
            }
            if (liveApplied) {
                out.info("Reverting live zone configuration to its original state.");
                for (NewDisk n : newDisks) {
                    out.verbose("  Checking: Removing device storage=" + n.uri());
                }
                if (failing == ZoneFaults.RollbackStep.REVERT) {
                    cleanUpFailed("  ERROR: could not apply the changes to the live configuration"); // INVENTED
                    return;
                }
                out.verbose("  Applying the changes");
                pauseIgnoringSignals(APPLY_TIME);
                synchronized (host.lock()) {
                    zone.live().clear();
                    zone.live().addAll(originalLive);
                }
            }
            synchronized (host.lock()) {
                zone.persistent().clear();
                zone.persistent().addAll(originalPersistent);
            }
        }
        out.info("Clean-up successful.");
    }

    private void cleanUpFailed(String detail) {
        out.info(detail);
        // INVENTED: no real text is known for a failed clean-up.
        out.info("Clean-up failed.");
        out.info("Manual clean-up of zone '" + zone.name() + "' is required, see " + out.logPath());
    }

    private MoveFailure failIn(NewDisk n, String line) {
        out.failure(List.of("  " + n.name() + ":"), line);
        return new MoveFailure();
    }

    private MoveFailure fail(String... lines) {
        out.failure(lines);
        return new MoveFailure();
    }

    private void listDisks(List<KzDevice> disks) {
        if (disks.isEmpty()) {
            out.verbose("  <none-present>");
            return;
        }
        for (KzDevice d : disks) {
            out.verbose("  " + d.diskName() + ":");
            out.verbose("    URI: " + d.storage());
            out.verbose("    Mapped to: " + mapped(d.storage()));
        }
    }

    private static String mapped(String uri) {
        try {
            return HostDevices.mappedDevice(StorageUris.parse(uri));
        } catch (InvalidStorageUriException e) {
            return "-";
        }
    }

    private void assignIds(List<KzDevice> persistent, List<StorageUri> parsed) throws MoveFailure {
        Set<Integer> used = new HashSet<>();
        for (KzDevice d : persistent) {
            if (d.id() != null) {
                used.add(d.id());
            }
        }
        Set<Integer> explicit = new HashSet<>();
        for (Target t : targets) {
            if (t.id() != null) {
                if (used.contains(t.id()) || !explicit.add(t.id())) {
                    throw fail("  ERROR: device id " + t.id() + " is already in use"); // INVENTED
                }
            }
        }
        int next = 0;
        for (int id : used) {
            next = Math.max(next, id + 1);
        }
        for (int id : explicit) {
            next = Math.max(next, id + 1);
        }
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            int id;
            if (t.id() != null) {
                id = t.id();
            } else {
                while (explicit.contains(next) || used.contains(next)) {
                    next++;
                }
                id = next++;
            }
            StorageUri p = parsed.get(i);
            StorageItem item = host.storageItem(p.text()).orElseThrow();
            newDisks.add(new NewDisk(t.uri(), item.mappedDevice(), id, item.sizeBytes(), item.healthy()));
        }
    }

    private static Optional<String> mismatch(List<KzDevice> persistent, List<KzDevice> live) {
        for (KzDevice l : live) {
            if (persistent.stream().noneMatch(p -> sameDevice(p, l))) {
                return Optional.of("device " + l.diskName() + " (storage=" + l.storage() + ") is only in the live configuration");
            }
        }
        for (KzDevice p : persistent) {
            if (live.stream().noneMatch(l -> sameDevice(p, l))) {
                return Optional.of("device " + p.diskName() + " (storage=" + p.storage() + ") is only in the persistent configuration");
            }
        }
        return Optional.empty();
    }

    private static boolean sameDevice(KzDevice a, KzDevice b) {
        return java.util.Objects.equals(a.id(), b.id())
                && HostDevices.normalizeOrSelf(a.storage()).equals(HostDevices.normalizeOrSelf(b.storage()))
                && java.util.Objects.equals(a.bootPriority(), b.bootPriority());
    }

    /**
     * What zoneadm's {@code main} does with its signals before the move starts. With
     * {@link ZoneadmSigint#CATCH} SIGINT and SIGTERM are caught even when the process started with
     * them ignored; with {@link ZoneadmSigint#KEEP_INHERITED_IGNORE} an inherited ignore stays
     * ({@code if (signal(SIGINT, SIG_IGN) != SIG_IGN) signal(SIGINT, handler);}). SIGHUP keeps an
     * inherited ignore either way: nohup must work.
     */
    private void installSignalHandlers() {
        boolean always = host.zoneadmSigint() == ZoneadmSigint.CATCH;
        for (Signal s : List.of(Signal.INT, Signal.TERM, Signal.HUP)) {
            boolean forced = always && s != Signal.HUP;
            if (forced || !inv.signalIgnored(s)) {
                inv.catchSignal(s);
            }
        }
    }

    /** Sleeps in simulated time; a catchable signal aborts the move unless it is past the point of no return. */
    private void pause(Duration d) throws SignalAbort, InterruptedException {
        pauseUntil(inv.clock().now().plus(d));
    }

    /** As {@link #pause(Duration)}, up to a point in simulated time (nothing if it has passed). */
    private void pauseUntil(Instant until) throws SignalAbort, InterruptedException {
        for (Signal s = sleepUntil(until); s != null; s = sleepUntil(until)) {
            if (!pastPointOfNoReturn) {
                throw new SignalAbort(s);
            }
            out.info("Signal " + s.sigName() + " caught.");
            // INVENTED: see docs/decisions/0003-interrupt-after-detach.md
            out.info("!! Original disks are already detached, the move can no longer be rolled back and will complete !!");
        }
    }

    /** Sleeps in simulated time; catchable signals are ignored (clean-up must not be interrupted). */
    private void pauseIgnoringSignals(Duration d) throws InterruptedException {
        Instant until = inv.clock().now().plus(d);
        while (sleepUntil(until) != null) {
            continue; // a second signal during clean-up changes nothing
        }
    }

    /** Sleeps until {@code deadline} in simulated time; returns a catchable signal that cut it short, else null. */
    private Signal sleepUntil(Instant deadline) throws InterruptedException {
        Duration left = Duration.between(inv.clock().now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return null;
        }
        try {
            inv.clock().sleep(left);
            return null;
        } catch (InterruptedException e) {
            return catchable(e);
        }
    }

    /** The catchable signal behind an interrupt; rethrows for SIGKILL and the like, which end the process. */
    private Signal catchable(InterruptedException e) throws InterruptedException {
        Optional<Signal> s = inv.signals().take();
        if (s.isPresent() && (s.get() == Signal.INT || s.get() == Signal.TERM || s.get() == Signal.HUP)) {
            return s.get();
        }
        // not ours to handle: put it back so the shell can report 128+n, and die where we stand
        s.ifPresent(inv.signals()::deliver);
        throw e;
    }

    /** A move that died without clean-up leaves the guest's resilver running to its end, as ZFS would. */
    private void finishAbandonedResilver() {
        synchronized (host.lock()) {
            GuestPool.Scan scan = zone.pool().scan();
            if (scan != null && scan.completed() == null && scan.finishesAt() == null) {
                long rate = Math.max(1, scan.bytesPerSecond() > 0 ? scan.bytesPerSecond() : settings.bytesPerSecond());
                Instant end = inv.clock().now().plusSeconds((scan.totalBytes() - scan.doneBytes()) / rate + 1);
                zone.pool().scan(new GuestPool.Scan(scan.started(), scan.totalBytes(), scan.doneBytes(), scan.resilveredBytes(), rate,
                        scan.percent(), scan.etaSeconds(), end, null));
            }
        }
    }
}
