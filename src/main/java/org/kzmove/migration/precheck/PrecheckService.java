package org.kzmove.migration.precheck;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.kzmove.inventory.HostInventory;
import org.kzmove.inventory.InventoryService;
import org.kzmove.inventory.RemoteShell;
import org.kzmove.inventory.ZoneInventory;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.migration.job.RunningMoves;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.command.SequenceOutput;
import org.kzmove.remote.ssh.CommandResult;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.pool.Pool;
import org.kzmove.solaris.pool.PoolUsage;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.KzDevice;
import org.kzmove.solaris.zone.ZoneName;
import org.kzmove.solaris.zone.ZoneState;

/**
 * The dry run of a move: finds what would make {@code zoneadm move} fail before it starts, and
 * changes nothing on the host. Everything it sends is read-only ({@code uname}, {@code zoneadm list},
 * {@code zonecfg export}, {@code zlogin Z zpool status|list}, {@code ps}, {@code suriadm lookup-mapping},
 * {@code iostat -En}, {@code zdb -l}) and it takes three SSH round trips whatever the number of zones
 * or targets: the two of the inventory and one sequence for the targets and the process list.
 *
 * <p>The privilege check needs no command of its own: the inventory already runs {@code zlogin}
 * through the profile's privilege, and zlogin needs the same rights as {@code zoneadm move} (both
 * are in the "Zone Management" rights profile, and sudo gives all of them).
 */
public final class PrecheckService {
    private final Privilege privilege;

    public PrecheckService(Privilege privilege) {
        this.privilege = privilege;
    }

    /**
     * Checks {@code request} against the host.
     *
     * @throws InvalidValueException before anything is sent, when the zone name or a disk id is unusable
     * @throws RemoteException       when the host cannot be asked at all
     */
    public PrecheckReport check(String host, RemoteShell shell, MoveRequest request)
            throws InvalidValueException, RemoteException {
        String zone = ZoneName.validate(request.zone());
        if (request.targets().isEmpty()) {
            throw new InvalidValueException("target list", "", "needs at least one storage URI (-p)");
        }
        for (MoveTarget t : request.targets()) {
            t.validated();
        }
        List<Finding> findings = new ArrayList<>();
        List<MoveTarget> targets = distinctTargets(request, findings);

        HostInventory inventory = new InventoryService(privilege).load(host, shell);
        inventory.moveUnsupportedReason().ifPresent(reason -> findings.add(Finding.error(
                FindingCode.HOST_RELEASE_UNSUPPORTED, host, "The host cannot run the move: " + reason + ".",
                "Update the host to Solaris 11.4 SRU 48 or later.")));

        Optional<ZoneInventory> mine = inventory.zone(zone);
        if (mine.isEmpty()) {
            findings.add(Finding.error(FindingCode.ZONE_NOT_FOUND, zone, "Zone '" + zone + "' does not exist on " + host + ".",
                    "Check the zone name with 'kzmove zones " + host + "'."));
        } else {
            new ZoneChecks(mine.get(), request, findings).run();
        }
        new UsageChecks(inventory, zone, findings).run(targets);

        String marker = "kzmove-end-" + HexFormat.of().formatHex(nonce());
        TargetProbe probe = new TargetProbe(privilege, zone, targets, request.forceZpoolAttach(),
                mine.flatMap(z -> Optional.ofNullable(z.rootPoolUsage())).orElse(null));
        CommandResult result = shell.run(sequence(marker, probe.commands()));
        probe.read(SequenceOutput.split(result.stdout(), marker), findings);
        return new PrecheckReport(host, zone, sorted(findings), inventory.roundTrips() + 1);
    }

    /** Duplicates are findings (naming the URI) rather than an exception, so the user sees every problem at once. */
    private static List<MoveTarget> distinctTargets(MoveRequest request, List<Finding> findings) {
        Map<String, MoveTarget> byUri = new LinkedHashMap<>();
        Set<Integer> ids = new HashSet<>();
        for (MoveTarget t : request.targets()) {
            MoveTarget first = byUri.putIfAbsent(t.uri().normalized(), t);
            if (first != null) {
                findings.add(Finding.error(FindingCode.URI_DUPLICATE, t.uri().text(), "Storage URI " + t.uri().text()
                        + " is given twice" + (first.uri().text().equals(t.uri().text()) ? "" : " (also as "
                        + first.uri().text() + ")") + "; zoneadm move refuses duplicate URIs.",
                        "Give each target disk once."));
            }
            if (t.diskId() != null && !ids.add(t.diskId())) {
                findings.add(Finding.error(FindingCode.DISK_ID_DUPLICATE, t.uri().text(), "Disk id " + t.diskId()
                        + " is given to two targets.", "Give each target its own -x id=N, or leave ids out."));
            }
        }
        return new ArrayList<>(byUri.values());
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> copy = new ArrayList<>(findings);
        copy.sort((a, b) -> a.severity().compareTo(b.severity()));
        return copy;
    }

    private static RemoteScript sequence(String marker, List<RemoteCommand> commands) {
        try {
            return RemoteScript.sequence(marker, commands);
        } catch (InvalidValueException e) {
            throw new IllegalStateException("the marker is a plain word", e);
        }
    }

    private static byte[] nonce() {
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** The checks of the zone itself: state, configurations, rights, root pool, disk ids. */
    private static final class ZoneChecks {
        private final ZoneInventory zi;
        private final MoveRequest request;
        private final List<Finding> findings;
        private final String zone;

        ZoneChecks(ZoneInventory zi, MoveRequest request, List<Finding> findings) {
            this.zi = zi;
            this.request = request;
            this.findings = findings;
            this.zone = zi.zone().name();
        }

        void run() {
            if (!zi.zone().isKernelZone()) {
                findings.add(Finding.error(FindingCode.NOT_KERNEL_ZONE, zone, "Zone '" + zone + "' is a "
                        + zi.zone().brand() + " zone; live storage moves exist only for solaris-kz zones.",
                        "Choose a kernel zone."));
                return;
            }
            if (zi.zone().state() != ZoneState.RUNNING) {
                findings.add(Finding.error(FindingCode.ZONE_NOT_RUNNING, zone, "Zone '" + zone + "' is "
                        + zi.zone().state().solarisName() + "; a live storage move needs a running kernel zone.",
                        "Boot the zone (zoneadm -z " + zone + " boot) and check again."));
            }
            boolean privilegeProblem = zi.problems().stream().anyMatch(HostProbeOutput::isPermissionProblem);
            if (privilegeProblem) {
                findings.add(Finding.error(FindingCode.INSUFFICIENT_PRIVILEGES, zone, "The login user lacks the rights "
                        + "to run zone commands on zone '" + zone + "': " + firstPermissionProblem() + ".",
                        "Use an account with the 'Zone Management' rights profile and --privilege pfexec, "
                                + "or a sudoer with --privilege sudo."));
            }
            configurations();
            if (zi.zone().state() == ZoneState.RUNNING && !privilegeProblem) {
                pool();
            }
            diskIds();
        }

        private String firstPermissionProblem() {
            return zi.problems().stream().filter(HostProbeOutput::isPermissionProblem).findFirst().orElse("");
        }

        private void configurations() {
            if (zi.persistentConfig() == null) {
                findings.add(Finding.error(FindingCode.CONFIGURATION_UNREADABLE, zone, "The persistent configuration of zone '"
                        + zone + "' could not be read (" + String.join("; ", zi.problems()) + ").",
                        "Run 'zonecfg -z " + zone + " export' on the host to see why."));
                return;
            }
            if (zi.zone().state() == ZoneState.RUNNING && zi.liveConfig() == null) {
                findings.add(Finding.error(FindingCode.CONFIGURATION_UNREADABLE, zone, "The live configuration of zone '"
                        + zone + "' could not be read (" + String.join("; ", zi.problems()) + ").",
                        "Run 'zonecfg -z " + zone + " -r export' on the host to see why."));
                return;
            }
            if (zi.configurationsDiffer()) {
                findings.add(Finding.error(FindingCode.CONFIGURATIONS_DIFFER, zone, "The live and persistent configurations "
                        + "of zone '" + zone + "' differ in their devices (live: " + storages(zi.liveConfig())
                        + "; persistent: " + storages(zi.persistentConfig()) + "); zoneadm move refuses such a zone.",
                        "Apply the persistent configuration (zoneadm -z " + zone + " apply) or revert it, then check again."));
            }
        }

        private void pool() {
            Pool pool = zi.rootPool();
            if (pool == null) {
                findings.add(Finding.error(FindingCode.POOL_UNREADABLE, zone, "The root pool of zone '" + zone
                        + "' could not be read (" + String.join("; ", zi.problems()) + ").",
                        "Check that the zone is fully booted (zlogin " + zone + " zpool status rpool)."));
                return;
            }
            if (!pool.isHealthy()) {
                findings.add(Finding.error(FindingCode.POOL_UNHEALTHY, zone, "Pool '" + pool.name() + "' of zone '" + zone
                        + "' is " + pool.state() + (pool.status() == null ? "" : ": " + pool.status().replace('\n', ' '))
                        + "; zoneadm move refuses an unhealthy pool.",
                        "Repair the pool inside the zone (zpool status -x) before moving its storage."));
            }
            PoolLayout.problem(pool).ifPresent(problem -> findings.add(Finding.error(FindingCode.POOL_LAYOUT_UNSUPPORTED,
                    zone, "Pool '" + pool.name() + "' of zone '" + zone + "' has " + problem
                            + "; zoneadm move supports a single disk or one mirror.",
                    "Bring the pool to a single disk or a plain mirror first.")));
        }

        private void diskIds() {
            if (zi.persistentConfig() == null) {
                return;
            }
            Set<Integer> used = new HashSet<>();
            for (KzDevice d : devices(zi)) {
                if (d.id() != null) {
                    used.add(d.id());
                }
            }
            for (MoveTarget t : request.targets()) {
                if (t.diskId() != null && used.contains(t.diskId())) {
                    findings.add(Finding.error(FindingCode.DISK_ID_IN_USE, t.uri().text(), "Disk id " + t.diskId()
                            + " (c1d" + t.diskId() + ") is already used in zone '" + zone + "'.",
                            "Choose a free id or leave -x id=N out to let zoneadm pick one."));
                }
            }
        }
    }

    /** "Already used" checks of the targets against every zone's configurations, in normal form. */
    private static final class UsageChecks {
        private final HostInventory inventory;
        private final String zone;
        private final List<Finding> findings;

        UsageChecks(HostInventory inventory, String zone, List<Finding> findings) {
            this.inventory = inventory;
            this.zone = zone;
            this.findings = findings;
        }

        void run(List<MoveTarget> targets) {
            Map<String, String> users = new HashMap<>();
            for (ZoneInventory zi : inventory.zones()) {
                for (KzDevice d : devices(zi)) {
                    String normal = normalize(d.storage());
                    if (normal != null) {
                        users.merge(normal, zi.zone().name(), (a, b) -> a.equals(zone) ? a : b.equals(zone) ? b : a);
                    }
                }
            }
            for (MoveTarget t : targets) {
                String user = users.get(t.uri().normalized());
                if (user == null) {
                    continue;
                }
                if (user.equals(zone)) {
                    findings.add(Finding.error(FindingCode.URI_USED_BY_THIS_ZONE, t.uri().text(), "Storage URI "
                            + t.uri().text() + " is already a disk of zone '" + zone + "'.",
                            "Choose storage the zone does not use yet."));
                } else {
                    findings.add(Finding.error(FindingCode.URI_USED_BY_OTHER_ZONE, t.uri().text(), "Storage URI "
                            + t.uri().text() + " is already used by zone '" + user + "'.",
                            "Choose storage that no zone of the host uses."));
                }
            }
        }

        private static String normalize(String storage) {
            try {
                return org.kzmove.solaris.storage.StorageUris.parse(storage).normalized();
            } catch (InvalidValueException e) {
                return null; // a template URI (%{zonename}) or a form kzmove does not know: cannot be a typed target
            }
        }
    }

    /** Persistent and live devices of a zone (a disk named in either is in use). */
    private static List<KzDevice> devices(ZoneInventory zi) {
        List<KzDevice> all = new ArrayList<>();
        if (zi.persistentConfig() != null) {
            all.addAll(zi.persistentConfig().devices());
        }
        if (zi.liveConfig() != null) {
            all.addAll(zi.liveConfig().devices());
        }
        return all;
    }

    private static String storages(ZoneConfig config) {
        return String.join(", ", config.devices().stream().map(KzDevice::storage).toList());
    }

    /** The per-target commands of the third round trip and what their answers mean. */
    private static final class TargetProbe {
        private final Privilege privilege;
        private final String zone;
        private final List<MoveTarget> targets;
        private final boolean force;
        private final PoolUsage usage;
        /** For each target, how many commands it sent (1: lookup only, 3: lookup, iostat, zdb). */
        private final List<Integer> counts = new ArrayList<>();

        TargetProbe(Privilege privilege, String zone, List<MoveTarget> targets, boolean force, PoolUsage usage) {
            this.privilege = privilege;
            this.zone = zone;
            this.targets = targets;
            this.force = force;
            this.usage = usage;
        }

        List<RemoteCommand> commands() throws InvalidValueException {
            List<RemoteCommand> cmds = new ArrayList<>();
            cmds.add(RunningMoves.listCommand());
            for (MoveTarget t : targets) {
                cmds.add(RemoteCommand.of(Program.SURIADM, Privilege.NONE).word("lookup-mapping").flag("-H")
                        .flag("-o").word("mapped-dev").storageUri(t.uri()).build());
                Optional<String> device = t.uri().mappedDevice();
                if (device.isPresent()) {
                    cmds.add(RemoteCommand.of(Program.IOSTAT, Privilege.NONE).flag("-En").path(device.get()).build());
                    cmds.add(RemoteCommand.of(Program.ZDB, privilege).flag("-l").path(device.get()).build());
                    counts.add(3);
                } else {
                    counts.add(1);
                }
            }
            return cmds;
        }

        void read(List<SequenceOutput.Part> parts, List<Finding> findings) {
            if (parts.isEmpty()) {
                findings.add(Finding.warning(FindingCode.PROCESSES_UNREADABLE, zone, "The host's answer to the target "
                        + "checks was cut short; no target was checked.", "Check again."));
                return;
            }
            processes(parts.get(0), findings);
            int index = 1;
            for (int i = 0; i < targets.size(); i++) {
                int n = counts.get(i);
                MoveTarget t = targets.get(i);
                if (index + n > parts.size()) {
                    findings.add(Finding.warning(FindingCode.TARGET_SIZE_UNKNOWN, t.uri().text(), "The host's answer ended "
                            + "before target " + t.uri().text() + " was checked.", "Check again."));
                } else {
                    target(t, parts.subList(index, index + n), findings);
                }
                index += n;
            }
        }

        private void processes(SequenceOutput.Part ps, List<Finding> findings) {
            if (!ps.succeeded()) {
                findings.add(Finding.warning(FindingCode.PROCESSES_UNREADABLE, zone, "Could not list the host's processes ("
                        + firstLine(ps.output()) + "); a move already running on zone '" + zone + "' would go unnoticed.",
                        "Check with 'ps -ef | grep zoneadm' on the host."));
                return;
            }
            for (RunningMoves.Process p : RunningMoves.of(ps.output(), zone)) {
                findings.add(Finding.error(FindingCode.MOVE_ALREADY_RUNNING, zone, "A move of zone '" + zone
                        + "' is already running on the host (pid " + p.pid() + ": " + p.args() + ").",
                        "Wait for it to finish, or follow it instead of starting another."));
            }
        }

        private void target(MoveTarget t, List<SequenceOutput.Part> parts, List<Finding> findings) {
            String uri = t.uri().text();
            if (!parts.get(0).succeeded()) {
                findings.add(Finding.error(FindingCode.URI_UNKNOWN_TO_HOST, uri, "The host does not know storage URI " + uri
                        + " (" + firstLine(parts.get(0).output()) + ").",
                        "Check the URI for typos and that the LUN is presented to this host (suriadm lookup-mapping)."));
                return;
            }
            if (parts.size() < 3) {
                findings.add(Finding.warning(FindingCode.TARGET_SIZE_UNKNOWN, uri, "The size and ZFS labels of " + uri
                        + " cannot be read before the move (the URI does not name its device).",
                        "Make sure it is at least as large as the zone's pool and holds no pool you need."));
                return;
            }
            size(uri, parts.get(1), findings);
            labels(uri, parts.get(2), findings);
        }

        private void size(String uri, SequenceOutput.Part iostat, List<Finding> findings) {
            OptionalLong bytes = iostat.succeeded() ? HostProbeOutput.iostatSize(iostat.output()) : OptionalLong.empty();
            if (usage == null && zoneAlreadyFailed(findings)) {
                return; // the zone's own error explains why its pool size is unknown; no second finding for it
            }
            if (bytes.isEmpty() || usage == null) {
                findings.add(Finding.warning(FindingCode.TARGET_SIZE_UNKNOWN, uri, "The size of " + uri + " could not be "
                        + "compared with the zone's pool (" + (bytes.isEmpty() ? "iostat -En gave no size: "
                        + firstLine(iostat.output()) : "the pool size is unknown") + ").",
                        "Make sure the target is at least as large as the zone's root pool."));
                return;
            }
            if (bytes.getAsLong() < usage.sizeBytes()) {
                findings.add(Finding.error(FindingCode.TARGET_TOO_SMALL, uri, "Target " + uri + " holds "
                        + SolarisSize.format(bytes.getAsLong()) + ", less than pool '" + usage.name() + "' of zone '" + zone
                        + "' (" + SolarisSize.format(usage.sizeBytes()) + "); zpool attach would refuse it.",
                        "Choose a target of at least " + SolarisSize.format(usage.sizeBytes()) + "."));
            }
        }

        private boolean zoneAlreadyFailed(List<Finding> findings) {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.subject().equals(zone));
        }

        private void labels(String uri, SequenceOutput.Part zdb, List<Finding> findings) {
            Optional<String> pool = HostProbeOutput.labelledPool(zdb.output());
            if (pool.isPresent()) {
                if (force) {
                    findings.add(Finding.warning(FindingCode.TARGET_IN_OTHER_POOL_FORCED, uri, "Target " + uri
                            + " carries the label of ZFS pool '" + pool.get() + "'; -x force-zpool-attach will overwrite it.",
                            "Make sure pool '" + pool.get() + "' holds nothing you need."));
                } else {
                    findings.add(Finding.error(FindingCode.TARGET_IN_OTHER_POOL, uri, "Target " + uri
                            + " is part of ZFS pool '" + pool.get() + "'; the move's temporary zpool create would fail.",
                            "Choose another disk, or use -x force-zpool-attach if pool '" + pool.get()
                                    + "' is no longer needed."));
                }
            } else if (!HostProbeOutput.labelsReadable(zdb.output())) {
                findings.add(Finding.warning(FindingCode.TARGET_LABELS_UNKNOWN, uri, "Could not read the ZFS labels of "
                        + uri + " (" + firstLine(zdb.output()) + ").",
                        "The move itself will refuse a disk of another pool unless -x force-zpool-attach is given."));
            }
        }
    }

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
