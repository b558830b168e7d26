package org.kzmove.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kzmove.remote.command.RemoteScript;
import org.kzmove.remote.RemoteException;
import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.SequenceOutput;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.storage.InvalidStorageUriException;
import org.kzmove.solaris.storage.StorageUri;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.storage.UriType;
import org.kzmove.solaris.units.SolarisSize;
import org.kzmove.solaris.zone.KzDevice;

/**
 * Finds the storage a host could move a zone onto: every disk {@code iostat -En} lists and every ZFS
 * volume {@code zfs list} shows, named by {@code suriadm lookup-uri}, minus what any zone's
 * configuration uses (compared in normal form, and by device). Two SSH round trips on top of the
 * inventory however many disks there are: one for the lists, one for the URI and the ZFS labels of
 * each disk.
 */
public final class FreeStorageService {
    /** iostat(8) -E: a block starts with the device name and its error counters. */
    private static final Pattern IOSTAT_DEVICE = Pattern.compile("^(\\S+)\\s+Soft Errors:");
    /** iostat(8) -E: {@code Size: 268.44GB <268435456000 bytes>}. */
    private static final Pattern IOSTAT_SIZE = Pattern.compile("^\\s*Size:.*<(\\d+) bytes>");
    /** zdb -l: the pool name line of a label, {@code name: 'oldpool'}. */
    private static final Pattern LABEL_NAME = Pattern.compile("(?m)^\\s*name: '([^']+)'");
    private static final String ZVOL_PREFIX = "/dev/zvol/dsk/";
    /** Which URI to offer when suriadm names a disk several ways: the ones that say the most first. */
    private static final List<UriType> PREFERENCE = List.of(UriType.ISCSI, UriType.LU, UriType.NFS, UriType.FILE,
            UriType.DEV);

    private final Privilege privilege;

    public FreeStorageService(Privilege privilege) {
        this.privilege = privilege;
    }

    /** A disk or volume the host reported, before it is named and checked. */
    private record Candidate(String device, long sizeBytes, StorageUri zvolUri) {
    }

    /**
     * @param inventory the host's zones, read just before: their configurations say what is in use
     */
    public List<FreeStorage> probe(String host, RemoteShell shell, HostInventory inventory) throws RemoteException {
        String marker = RemoteScript.newMarker();
        List<SequenceOutput.Part> lists = SequenceOutput.split(shell.run(Scripts.sequence(marker, List.of(
                Scripts.command(Program.IOSTAT, Privilege.NONE, "-En"),
                Scripts.command(Program.ZFS, Privilege.NONE, "list", "-H", "-o", "name,volsize", "-t", "volume"),
                Scripts.command(Program.ZFS, Privilege.NONE, "list", "-H", "-o", "name", "-d", "0")))).stdout(), marker);
        if (lists.size() < 3) {
            throw new RemoteException(RemoteException.Reason.CONNECTION_LOST, host,
                    "The host's answer to the storage listing was cut short; try again.");
        }
        if (!lists.get(0).succeeded()) {
            throw new RemoteException(RemoteException.Reason.COMMAND_FAILED, host,
                    "iostat -En failed on " + host + ": " + Scripts.firstLine(lists.get(0).output()));
        }
        List<Candidate> candidates = new ArrayList<>(disks(lists.get(0).output()));
        if (lists.get(1).succeeded()) {
            candidates.addAll(volumes(lists.get(1).output()));
        }
        Set<String> importedPools = new HashSet<>(lists.get(2).succeeded()
                ? lines(lists.get(2).output()) : List.of());

        Set<String> usedUris = new HashSet<>();
        Set<String> usedDevices = new HashSet<>();
        for (ZoneInventory z : inventory.zones()) {
            for (ZoneConfig c : new ZoneConfig[] {z.persistentConfig(), z.liveConfig()}) {
                if (c != null) {
                    for (KzDevice d : c.devices()) {
                        parse(d.storage()).ifPresent(u -> {
                            usedUris.add(u.normalized());
                            u.mappedDevice().ifPresent(usedDevices::add);
                        });
                    }
                }
            }
        }
        candidates.removeIf(c -> usedDevices.contains(c.device())
                || (c.zvolUri() != null && usedUris.contains(c.zvolUri().normalized())));
        if (candidates.isEmpty()) {
            return List.of();
        }

        List<RemoteCommand> probes = new ArrayList<>();
        for (Candidate c : candidates) {
            probes.add(pathCommand(Program.SURIADM, Privilege.NONE, List.of("lookup-uri"), c.device()));
            probes.add(pathCommand(Program.ZDB, privilege, List.of("-l"), c.device()));
        }
        List<SequenceOutput.Part> answers = SequenceOutput.split(shell.run(Scripts.sequence(marker, probes)).stdout(), marker);
        List<FreeStorage> free = new ArrayList<>();
        for (int i = 0; i < candidates.size() && 2 * i + 1 < answers.size(); i++) {
            Candidate c = candidates.get(i);
            SequenceOutput.Part lookup = answers.get(2 * i);
            List<StorageUri> uris = new ArrayList<>();
            if (c.zvolUri() != null) {
                uris.add(c.zvolUri());
            }
            if (lookup.succeeded()) {
                lines(lookup.output()).forEach(l -> parse(l).ifPresent(uris::add));
            }
            if (uris.isEmpty() || uris.stream().anyMatch(u -> usedUris.contains(u.normalized()))) {
                continue;
            }
            String note = "";
            Matcher label = LABEL_NAME.matcher(answers.get(2 * i + 1).output());
            if (label.find()) {
                String pool = label.group(1);
                if (importedPools.contains(pool) && c.zvolUri() == null) {
                    // Most likely a disk of the global zone's own pool: never offer it as a target.
                    continue;
                }
                note = "carries the label of pool '" + pool + "': only force-zpool-attach would use it, overwriting that pool";
            }
            StorageUri best = uris.stream().min(Comparator.comparingInt(u -> PREFERENCE.indexOf(u.type()))).orElseThrow();
            // As suriadm printed it (its normal form); a volume keeps the /dev/zvol/dsk path people know.
            free.add(new FreeStorage(best.text(), c.sizeBytes(), c.device(), note));
        }
        return free;
    }

    /** The disks of {@code iostat -En}: {@code /dev/dsk/<name>} and size; devices without media (size 0) are left out. */
    static List<Candidate> disks(String iostat) {
        List<Candidate> disks = new ArrayList<>();
        String device = null;
        for (String line : iostat.split("\r?\n")) {
            Matcher start = IOSTAT_DEVICE.matcher(line);
            if (start.find()) {
                device = start.group(1);
                continue;
            }
            Matcher size = IOSTAT_SIZE.matcher(line);
            if (size.find() && device != null) {
                long bytes = Long.parseLong(size.group(1));
                String path = device.startsWith("/") ? device : "/dev/dsk/" + device;
                if (bytes > 0 && isSafePath(path)) {
                    disks.add(new Candidate(path, bytes, null));
                }
                device = null;
            }
        }
        return disks;
    }

    /** The volumes of {@code zfs list -H -o name,volsize -t volume}: a tab between name and size. */
    static List<Candidate> volumes(String zfsList) {
        List<Candidate> volumes = new ArrayList<>();
        for (String line : lines(zfsList)) {
            String[] cells = line.split("\t");
            if (cells.length != 2) {
                continue;
            }
            OptionalLong bytes = SolarisSize.parse(cells[1].strip());
            String path = ZVOL_PREFIX + cells[0].strip();
            Optional<StorageUri> uri = parse("dev:" + path);
            if (uri.isPresent() && isSafePath(path)) {
                volumes.add(new Candidate(path, bytes.orElse(0), uri.get()));
            }
        }
        return volumes;
    }

    private static boolean isSafePath(String path) {
        try {
            RemoteCommand.of(Program.LS, Privilege.NONE).path(path);
            return true;
        } catch (InvalidValueException e) {
            return false; // a device name the console would not dare pass to a command
        }
    }

    private static Optional<StorageUri> parse(String text) {
        try {
            return Optional.of(StorageUris.parse(text.strip()));
        } catch (InvalidStorageUriException e) {
            return Optional.empty();
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static RemoteCommand pathCommand(Program program, Privilege privilege, List<String> words, String path) {
        try {
            RemoteCommand.Builder b = RemoteCommand.of(program, privilege);
            for (String w : words) {
                b = w.startsWith("-") ? b.flag(w) : b.word(w);
            }
            return b.path(path).build();
        } catch (InvalidValueException e) {
            throw new IllegalStateException("device paths are checked when read", e);
        }
    }
}
