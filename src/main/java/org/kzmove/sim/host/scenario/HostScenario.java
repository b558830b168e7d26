package org.kzmove.sim.host.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON scenario of a simulated Solaris host, read with Jackson. Field by field documentation:
 * {@code docs/simulator-scenario.md}. Sizes are Solaris size strings ({@code 16G}, {@code 455M}) or
 * plain byte counts.
 *
 * @param hostname       what {@code hostname} prints
 * @param seed           seed of every random choice (resilver jitter); same seed, same output
 * @param users          login accounts the SSH layer accepts
 * @param resilver       host-wide resilver behaviour (zones may override it)
 * @param storage        storage that exists on the host besides the zones' own disks
 * @param zones          the zones, global zone excluded (it is always there)
 * @param globalPools    ZFS pools of the global zone in which {@code zfs create -V} may create volumes
 * @param dropConnectionsAfter ISO-8601 duration of simulated time after start at which the SSH
 *                       server drops every connection (null: never)
 * @param zoneadmSigint  {@code catch} (default) or {@code keep-inherited-ignore}: whether
 *                       {@code zoneadm move} catches SIGINT even when it started with SIGINT ignored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostScenario(
        String hostname,
        Long seed,
        List<UserSpec> users,
        ResilverSpec resilver,
        List<StorageSpec> storage,
        List<ZoneSpec> zones,
        List<String> globalPools,
        String dropConnectionsAfter,
        String zoneadmSigint) {

    /** A login account. {@code passwordHash} is an opaque string the SSH layer interprets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserSpec(String name, Integer uid, List<String> profiles, Boolean sudoer, String passwordHash) {
    }

    /**
     * Resilver behaviour.
     *
     * @param rate              mean resilver rate per second, a size ({@code 36M})
     * @param jitter            relative rate jitter, 0..0.9 (0.15 = plus or minus 15 %)
     * @param pollSeconds       simulated seconds between two progress lines
     * @param percentEveryLines min and max number of progress lines between two updates of the printed percentage
     * @param degradedSeconds   how long a new disk stays DEGRADED after its resilver
     * @param startDelaySeconds simulated seconds before the first progress line
     * @param profile           the rate over the move: factors of {@code rate} at percentages examined
     *                          (steady, ramps, slow phases); null: steady
     * @param contention        0..10: how much concurrent resilvers onto one storage array slow each other
     *                          (each runs at {@code 1 / (1 + contention * others)}); 0: not at all
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResilverSpec(String rate, Double jitter, Integer pollSeconds, List<Integer> percentEveryLines,
                               Integer degradedSeconds, Integer startDelaySeconds, List<RatePointSpec> profile,
                               Double contention) {
    }

    /** A point of a resilver rate profile: at {@code at} percent examined the rate is {@code factor} times the mean. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RatePointSpec(Double at, Double factor) {
    }

    /**
     * A piece of storage the host can reach.
     *
     * @param uri         a storage URI (suri(7))
     * @param size        its size
     * @param inUseByPool name of a ZFS pool whose label the disk carries (zpool create refuses it), or null
     * @param healthy     false: attaching the disk fails with an I/O error
     * @param array       the storage array it lives on, for resilver contention; null: the URI's host
     *                    (iSCSI, NFS), else its type ({@code lu}, {@code dev}, {@code file})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StorageSpec(String uri, String size, String inUseByPool, Boolean healthy, String array) {
    }

    /** A zonecfg {@code device} resource. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeviceSpec(Integer id, String storage, Integer bootpri) {
    }

    /**
     * The guest's root pool.
     *
     * @param name      pool name in the guest, {@code rpool}
     * @param size      pool size
     * @param allocated allocated bytes: what a resilver copies
     * @param health    ONLINE (default), DEGRADED, ...
     * @param disks     device ids of the vdevs; default: every bootable device
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PoolSpec(String name, String size, String allocated, String health, List<Integer> disks) {
    }

    /**
     * Faults injected into moves of one zone.
     *
     * @param targetFailsAtPercent a new disk faults when the resilver reaches this percentage
     * @param stallAtPercent       the resilver stops advancing at this percentage ...
     * @param stallSeconds         ... for this many simulated seconds
     * @param neverLeavesDegraded  new disks stay DEGRADED: the 120 s wait runs out
     * @param rollbackFailsAt      a clean-up step that fails: {@code detach}, {@code remove} or {@code revert}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FaultSpec(Double targetFailsAtPercent, Double stallAtPercent, Integer stallSeconds,
                            Boolean neverLeavesDegraded, String rollbackFailsAt) {
    }

    /**
     * A zone.
     *
     * @param liveDevices the live configuration's devices when it differs from the persistent one (null: same)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ZoneSpec(String name, String brand, String state, String uuid, Boolean autoboot, String hostid,
                           String memory, Integer vcpus, List<DeviceSpec> devices, List<DeviceSpec> liveDevices,
                           PoolSpec rootPool, ResilverSpec resilver, FaultSpec faults) {
    }
}
