package org.kzmove.migration.job;

import java.time.Instant;
import java.util.List;

/**
 * Everything kzmove knows about one move, kept as one JSON file in the user's data directory: enough
 * to re-attach after a crash ({@code remoteFile}, {@code pid}, {@code offset}) and to show the move's
 * history and evidence later ({@code rawOutput} holds every byte zoneadm printed up to {@code offset}).
 * Never a password, passphrase or key: nothing of the credentials is in here.
 *
 * @param outcome        null while the move is being followed; then one of {@code FinalOutcome}'s names
 * @param zoneadmOutcome how zoneadm's own output ended ({@code MoveOutcome}), null until known
 * @param attention      why a person should look at the zone, null when nothing needs it
 */
public record JobRecord(String id, String host, String user, String zone, List<String> targets, boolean forceZpoolAttach,
        String privilege, String command, String remoteFile, Long pid, Instant startedAt, Instant endedAt,
        List<String> originalDisks, Integer originalBootPriority, long allocatedBytes, boolean cancelRequested,
        long offset, String rawOutput, List<PhaseTime> phases, List<ProgressSample> progress, String zoneadmOutcome,
        String outcome, String attention, Verification verification) {

    public JobRecord {
        targets = targets == null ? List.of() : List.copyOf(targets);
        originalDisks = originalDisks == null ? List.of() : List.copyOf(originalDisks);
        phases = phases == null ? List.of() : List.copyOf(phases);
        progress = progress == null ? List.of() : List.copyOf(progress);
        rawOutput = rawOutput == null ? "" : rawOutput;
    }

    /** True once the move's final outcome has been established and recorded. */
    public boolean finished() {
        return outcome != null;
    }

    public record PhaseTime(String phase, Instant at) {
    }

    public record ProgressSample(Instant at, long resilveredBytes, long rateBytesPerSecond, double percent,
            Long zoneadmEtaSeconds, Long etaSeconds) {
    }

    /**
     * The zone as read back after the move.
     *
     * @param ok       the configuration and pool are what the outcome promises
     * @param problems what differs, for people
     * @param disks    the bootable disks found in the persistent configuration (URIs as zonecfg prints them)
     */
    public record Verification(boolean ok, List<String> problems, List<String> disks, String poolState) {
        public Verification {
            problems = List.copyOf(problems);
            disks = List.copyOf(disks);
        }
    }
}
