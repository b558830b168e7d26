package org.kzmove.solaris.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kzmove.solaris.zone.KzDevice;

/**
 * Builds the configuration {@code zonecfg -z Z create -t SYSsolaris-kz} gives a kernel zone on
 * Solaris 11.4 SRU45+, with the storage of its devices filled in, for the simulated host.
 *
 * <p>Verified parts (solaris-formats.md §3): the global properties and their order as {@code info}
 * shows them on 11.3, {@code host-compatible=memlzr} from SRU45, the device property order
 * ({@code match}, {@code storage}, {@code id}, {@code bootpri}), the boot disk template,
 * 4G memory and 4 virtual CPUs by default, and the suspend resource.
 *
 * <p>INVENTED: where {@code host-compatible} sits in {@code info} (put right after {@code brand},
 * the order of the one real 11.4 export fragment); the anet property list (the 11.3 sample elides it:
 * the properties kept here are those of the sample plus the anet properties of the puppet export);
 * the {@code hostid}, derived from the zone name so that a simulated host is reproducible.
 */
public final class SysSolarisKz {
    /** The template's boot disk, before zonecfg expands the tokens. */
    public static final String BOOT_DISK_TEMPLATE =
            "dev:/dev/zvol/dsk/%{global-rootzpool}/VARSHARE/zones/%{zonename}/disk%{id}";

    private SysSolarisKz() {
    }

    /** The template's boot disk as {@code info} shows it once expanded, e.g. {@code dev:/dev/zvol/dsk/rpool/VARSHARE/zones/kzone1/disk0}. */
    public static String bootDiskStorage(String rootPool, String zonename, int id) {
        return "dev:/dev/zvol/dsk/" + rootPool + "/VARSHARE/zones/" + zonename + "/disk" + id;
    }

    /** The template with its defaults (autoboot false, 4G, 4 vCPUs) and the given devices. */
    public static ZoneConfig config(String zonename, List<KzDevice> devices) {
        return config(zonename, devices, "4G", 4, false);
    }

    public static ZoneConfig config(String zonename, List<KzDevice> devices, String physicalMemory, int ncpus,
            boolean autoboot) {
        Objects.requireNonNull(zonename, "zonename");
        List<ConfigProperty> globals = List.of(
                ConfigProperty.of("brand", "solaris-kz"),
                ConfigProperty.of("host-compatible", "memlzr"),
                ConfigProperty.of("autoboot", Boolean.toString(autoboot)),
                ConfigProperty.of("autoshutdown", "shutdown"),
                ConfigProperty.of("bootargs", ""),
                ConfigProperty.of("pool", ""),
                ConfigProperty.of("scheduling-class", ""),
                ConfigProperty.of("hostid", hostid(zonename)),
                ConfigProperty.of("tenant", ""));
        List<ConfigResource> resources = new ArrayList<>();
        resources.add(ConfigResource.of("anet",
                ConfigProperty.of("lower-link", "auto"),
                ConfigProperty.notSpecified("allowed-address"),
                ConfigProperty.notSpecified("defrouter"),
                ConfigProperty.of("link-protection", "mac-nospoof"),
                ConfigProperty.of("mac-address", "auto"),
                ConfigProperty.of("iov", "off"),
                ConfigProperty.of("lro", "auto"),
                ConfigProperty.of("id", "0")));
        for (KzDevice d : devices) {
            resources.add(device(d));
        }
        resources.add(ConfigResource.of("capped-memory", ConfigProperty.of("physical", physicalMemory)));
        resources.add(ConfigResource.of("virtual-cpu", ConfigProperty.of("ncpus", Integer.toString(ncpus))));
        resources.add(ConfigResource.of("suspend",
                ConfigProperty.of("path", "/system/zones/" + zonename + "/suspend"),
                ConfigProperty.notSpecified("storage")));
        return new ZoneConfig(zonename, globals, resources);
    }

    /** A device resource as {@code info} lists it: match, storage, id, bootpri (unset ones "not specified"). */
    public static ConfigResource device(KzDevice d) {
        return ConfigResource.of("device",
                new ConfigProperty("match", d.match()),
                new ConfigProperty("storage", d.storage()),
                new ConfigProperty("id", d.id() == null ? null : d.id().toString()),
                new ConfigProperty("bootpri", d.bootPriority() == null ? null : d.bootPriority().toString()));
    }

    /** INVENTED: a stable 32-bit hostid from the zone name (real ones are random at create time). */
    static String hostid(String zonename) {
        return String.format("0x%08x", zonename.hashCode() & 0x7fffffff);
    }
}
