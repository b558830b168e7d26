package org.kzmove.migration.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kzmove.migration.job.JobRecord.Verification;
import org.kzmove.solaris.config.ZoneConfig;
import org.kzmove.solaris.pool.Vdev;
import org.kzmove.solaris.pool.VdevState;
import org.kzmove.solaris.storage.StorageUris;
import org.kzmove.solaris.zone.KzDevice;

/**
 * Compares a zone as read after a move with what the outcome promises: the bootable disks of both
 * configurations are exactly {@code expectedUris} (the targets after a success, the originals after
 * a rollback), with the expected boot priority, and the guest's root pool is ONLINE on exactly those
 * disks. URIs are compared in normal form, as zoneadm compares them.
 */
final class MoveVerifier {

    /**
     * @param requireOnline after a success the pool must be ONLINE on the new disks; after a rollback it must
     *                      be on the originals, whatever health it had before (a move refused because the pool was
     *                      DEGRADED leaves it DEGRADED, and that is not the move's doing)
     */
    Verification verify(ZoneStorage zone, List<String> expectedUris, Integer expectedBootPriority, boolean requireOnline) {
        List<String> problems = new ArrayList<>(zone.problems());
        Set<String> expected = normalized(expectedUris);
        List<String> found = new ArrayList<>();
        List<String> expectedDisks = new ArrayList<>();
        if (zone.persistent() != null) {
            List<KzDevice> boot = bootable(zone.persistent());
            for (KzDevice d : boot) {
                found.add(d.storage());
                if (expected.contains(normalize(d.storage()))) {
                    expectedDisks.add(d.diskName());
                    if (expectedBootPriority != null && !expectedBootPriority.equals(d.bootPriority())) {
                        problems.add("disk " + d.diskName() + " has boot priority " + d.bootPriority() + ", expected "
                                + expectedBootPriority);
                    }
                }
            }
            compare("persistent configuration", boot, expected, problems);
        }
        if (zone.live() != null) {
            compare("live configuration", bootable(zone.live()), expected, problems);
        }
        String poolState = null;
        if (zone.pool() != null) {
            poolState = zone.pool().state() == null ? null : zone.pool().state().name();
            if (requireOnline && zone.pool().state() != VdevState.ONLINE) {
                problems.add("root pool is " + poolState + ", not ONLINE");
            }
            Set<String> leaves = new TreeSet<>();
            for (Vdev v : zone.pool().leaves()) {
                leaves.add(v.name());
                if (requireOnline && v.state() != VdevState.ONLINE) {
                    problems.add("pool disk " + v.name() + " is " + v.state());
                }
            }
            if (!expectedDisks.isEmpty() && !leaves.equals(new TreeSet<>(expectedDisks))) {
                problems.add("root pool disks are " + leaves + ", expected " + new TreeSet<>(expectedDisks));
            }
        }
        return new Verification(problems.isEmpty(), problems, found, poolState);
    }

    /**
     * The zone as found when zoneadm ended without saying how: nothing can be expected of it, so the
     * verification only says where the zone is now, next to its original and target disks.
     */
    Verification describe(ZoneStorage zone, List<String> originals, List<String> targets) {
        List<String> found = new ArrayList<>();
        if (zone.persistent() != null) {
            bootable(zone.persistent()).forEach(d -> found.add(d.storage()));
        }
        String poolState = zone.pool() == null || zone.pool().state() == null ? null : zone.pool().state().name();
        List<String> problems = new ArrayList<>(zone.problems());
        problems.add("zoneadm printed no outcome, so the zone's state is not known to be either end of the move: "
                + "its bootable disks are now " + found + (poolState == null ? "" : ", root pool " + poolState)
                + (originals.isEmpty() ? "" : "; the original disks were " + originals)
                + (targets.isEmpty() ? "" : "; the targets were " + targets));
        return new Verification(false, problems, found, poolState);
    }

    private static List<KzDevice> bootable(ZoneConfig config) {
        return config.devices().stream().filter(KzDevice::isBootable).toList();
    }

    private static void compare(String where, List<KzDevice> boot, Set<String> expected, List<String> problems) {
        Set<String> actual = new TreeSet<>();
        for (KzDevice d : boot) {
            actual.add(normalize(d.storage()));
        }
        if (!actual.equals(expected)) {
            problems.add("bootable disks in the " + where + " are " + actual + ", expected " + expected);
        }
    }

    private static Set<String> normalized(List<String> uris) {
        Set<String> out = new TreeSet<>();
        for (String u : uris) {
            out.add(normalize(u));
        }
        return out;
    }

    static String normalize(String uri) {
        if (uri == null) {
            return "";
        }
        try {
            return StorageUris.parse(uri).normalized();
        } catch (Exception e) {
            return uri;
        }
    }
}
