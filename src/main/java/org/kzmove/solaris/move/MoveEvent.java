package org.kzmove.solaris.move;

import java.util.List;

/**
 * What one line (or, for a disk block, a group of lines) of {@code zoneadm move} output means.
 * Every event carries the {@link SourceLine} it came from; every input line yields at least one
 * event, so nothing is dropped: lines outside the grammar become {@link UnrecognizedLine}.
 */
public sealed interface MoveEvent {

    SourceLine source();

    // ---- outside zoneadm's own output -------------------------------------------------------

    /** A shell command line {@code root# zoneadm -z lsm move -p ...}, complete (continuations joined). */
    record CommandLine(SourceLine source, String zone, List<String> uris, boolean verbose, boolean forceZpoolAttach)
            implements MoveEvent {
        public CommandLine {
            uris = List.copyOf(uris);
        }
    }

    /** A line of a command line that continues on the next ({@code \} at the end). */
    record CommandLinePart(SourceLine source) implements MoveEvent {
    }

    record BlankLine(SourceLine source) implements MoveEvent {
    }

    /** A line the grammar does not know (e.g. the {@code ...} of a transcript fragment). */
    record UnrecognizedLine(SourceLine source) implements MoveEvent {
    }

    // ---- start ------------------------------------------------------------------------------

    /** {@code Verbose progress output to terminal enabled.} */
    record VerboseEnabled(SourceLine source) implements MoveEvent {
    }

    /** {@code ==== Starting:  ====} or {@code ==== Completed:   ====}. */
    record Banner(SourceLine source, boolean starting, String label) implements MoveEvent {
    }

    /**
     * {@code Progress being logged to /var/log/zones/zoneadm.<ts>.<zone>.move}.
     *
     * @param zone the zone named in the log file name, or null when the name has another form
     */
    record LogFileAnnounced(SourceLine source, String path, String zone) implements MoveEvent {
    }

    // ---- pre-checks and what zoneadm found ---------------------------------------------------

    /** A pre-check heading; {@code zone} and {@code pool} are null when the heading names none. */
    record CheckStarted(SourceLine source, MoveCheck check, String zone, String pool) implements MoveEvent {
    }

    /** The URI a per-URI check is about to report on. */
    record CheckSubject(SourceLine source, MoveCheck check, String subject) implements MoveEvent {
    }

    enum CheckStatus { OK, SKIPPED, FAILED }

    /** {@code OK}, {@code Skipping check: ...}, or any other text (taken as the failure reason). */
    record CheckResult(SourceLine source, MoveCheck check, String subject, CheckStatus status, String text)
            implements MoveEvent {
    }

    /** A heading that opens a section other than a pre-check (disk lists, move steps, rollback steps). */
    record SectionStarted(SourceLine source, MoveSection section, String zone, String pool) implements MoveEvent {
    }

    /** {@code   c1d2:} opening a disk's block or its step result. */
    record DiskEntry(SourceLine source, MoveSection section, String disk) implements MoveEvent {
    }

    /** {@code     URI: ...}, {@code Mapped to: ...}, {@code Boot priority: ...}, {@code Device ID: ...}. */
    record DiskProperty(SourceLine source, MoveSection section, String disk, String key, String value)
            implements MoveEvent {
    }

    /** {@code   <none-present>} under a disk list. */
    record NoDisks(SourceLine source, MoveSection section) implements MoveEvent {
    }

    /** A disk of the zone's configuration (emitted when its block ends); source is its {@code c1dN:} line. */
    record DiskListed(SourceLine source, boolean bootable, String name, String uri, String mappedDevice)
            implements MoveEvent {
    }

    record RootPoolNamed(SourceLine source, String pool) implements MoveEvent {
    }

    /** The state printed under {@code Checking zpool 'rpool' health:}; healthy when {@code ONLINE}. */
    record PoolHealth(SourceLine source, String pool, String state) implements MoveEvent {
        public boolean healthy() {
            return "ONLINE".equals(state);
        }
    }

    /** {@code   c1d1 (bootpri=0)}; bootPriority null when not printed. */
    record PoolDisk(SourceLine source, String pool, String disk, Integer bootPriority) implements MoveEvent {
    }

    record HighestBootPriority(SourceLine source, String pool, int priority) implements MoveEvent {
    }

    /** A device to be added (emitted when its block ends); source is its {@code c1dN:} line. */
    record NewDevicePlanned(SourceLine source, String name, String uri, String mappedDevice, Integer bootPriority,
            Integer deviceId) implements MoveEvent {
    }

    // ---- configuration changes ---------------------------------------------------------------

    enum ConfigAction { ADD, REMOVE, OTHER }

    /** {@code   Checking: Adding device storage=<uri>} (or Removing); {@code uri} is the rest of the line for OTHER. */
    record ConfigCheck(SourceLine source, MoveSection section, ConfigAction action, String uri) implements MoveEvent {
    }

    /** {@code   Applying the changes} */
    record ConfigApplied(SourceLine source, MoveSection section) implements MoveEvent {
    }

    // ---- the move ----------------------------------------------------------------------------

    /**
     * The result for one disk under a step heading: attached, online, detached, removed (or the
     * rollback's detach/remove). {@code ok} when the text is {@code OK}; otherwise the text says why not.
     */
    record DiskStepResult(SourceLine source, MoveSection section, String disk, boolean ok, String text)
            implements MoveEvent {
    }

    /**
     * {@code   455M resilvered at 39M/s, 5.58% done, 1m35s to go}; sizes in bytes (binary units),
     * etaSeconds null when the remaining time is not a duration zoneadm prints.
     */
    record ResilverProgress(SourceLine source, long resilveredBytes, long rateBytesPerSecond, double percent,
            Long etaSeconds) implements MoveEvent {
    }

    /** {@code     still DEGRADED, 120 more seconds to wait.} */
    record OnlineWait(SourceLine source, String disk, String state, int secondsLeft) implements MoveEvent {
    }

    /** {@code Live storage migration succeeded.} */
    record MoveSucceeded(SourceLine source) implements MoveEvent {
    }

    // ---- interruption and rollback -------------------------------------------------------------

    /** {@code Signal SIGINT caught.} */
    record SignalCaught(SourceLine source, String signal) implements MoveEvent {
    }

    /** {@code Please be patient while we properly clean up...} and the {@code !! Interrupting now ...!!} warning. */
    record RollbackNotice(SourceLine source, String text) implements MoveEvent {
    }

    /** {@code Clean-up successful.} (or a clean-up failure line). */
    record CleanupResult(SourceLine source, boolean success, String text) implements MoveEvent {
    }

    /**
     * {@code zoneadm: zone 'mykz': move failed.}; zone null for {@code zoneadm: <message>}.
     * {@code signal} is set for {@code 'move' terminated by signal SIGINT.}
     */
    record ZoneadmError(SourceLine source, String zone, String message, String signal) implements MoveEvent {
        public boolean moveFailed() {
            return message.equals("move failed.");
        }
    }

    /** The phase changed because of the event just before this one (same source line). */
    record PhaseEntered(SourceLine source, MovePhase phase) implements MoveEvent {
    }
}
