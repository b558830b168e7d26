package org.kzmove.solaris.move;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.kzmove.solaris.move.MoveEvent.Banner;
import org.kzmove.solaris.move.MoveEvent.BlankLine;
import org.kzmove.solaris.move.MoveEvent.CheckResult;
import org.kzmove.solaris.move.MoveEvent.CheckStarted;
import org.kzmove.solaris.move.MoveEvent.CheckStatus;
import org.kzmove.solaris.move.MoveEvent.CheckSubject;
import org.kzmove.solaris.move.MoveEvent.CleanupResult;
import org.kzmove.solaris.move.MoveEvent.CommandLine;
import org.kzmove.solaris.move.MoveEvent.CommandLinePart;
import org.kzmove.solaris.move.MoveEvent.ConfigAction;
import org.kzmove.solaris.move.MoveEvent.ConfigApplied;
import org.kzmove.solaris.move.MoveEvent.ConfigCheck;
import org.kzmove.solaris.move.MoveEvent.DiskEntry;
import org.kzmove.solaris.move.MoveEvent.DiskListed;
import org.kzmove.solaris.move.MoveEvent.DiskProperty;
import org.kzmove.solaris.move.MoveEvent.DiskStepResult;
import org.kzmove.solaris.move.MoveEvent.HighestBootPriority;
import org.kzmove.solaris.move.MoveEvent.LogFileAnnounced;
import org.kzmove.solaris.move.MoveEvent.MoveSucceeded;
import org.kzmove.solaris.move.MoveEvent.NewDevicePlanned;
import org.kzmove.solaris.move.MoveEvent.NoDisks;
import org.kzmove.solaris.move.MoveEvent.OnlineWait;
import org.kzmove.solaris.move.MoveEvent.PhaseEntered;
import org.kzmove.solaris.move.MoveEvent.PoolDisk;
import org.kzmove.solaris.move.MoveEvent.PoolHealth;
import org.kzmove.solaris.move.MoveEvent.ResilverProgress;
import org.kzmove.solaris.move.MoveEvent.RollbackNotice;
import org.kzmove.solaris.move.MoveEvent.RootPoolNamed;
import org.kzmove.solaris.move.MoveEvent.SectionStarted;
import org.kzmove.solaris.move.MoveEvent.SignalCaught;
import org.kzmove.solaris.move.MoveEvent.UnrecognizedLine;
import org.kzmove.solaris.move.MoveEvent.VerboseEnabled;
import org.kzmove.solaris.move.MoveEvent.ZoneadmError;
import org.kzmove.solaris.units.SolarisDuration;
import org.kzmove.solaris.units.SolarisSize;

/**
 * Incremental parser of {@code zoneadm move} output (default and {@code -v}), fed one line at a
 * time as the lines arrive. It is stateful because the indented lines mean different things under
 * different headings. Any input is accepted: lines outside the grammar become
 * {@link MoveEvent.UnrecognizedLine} events, never exceptions.
 *
 * <p>The grammar is the one of the three real transcripts (Oracle blog, SRU48): exact headings,
 * dispatched on cheap prefix and suffix tests, no backtracking regular expressions, so a log of
 * a million progress lines parses in one to two seconds. Not thread-safe: one parser per stream.
 */
public final class MoveOutputParser {

    private final MovePhaseTracker phases = new MovePhaseTracker();
    private long lineNumber;

    private MoveSection section = MoveSection.NONE;
    private MoveCheck check;
    private String checkSubject;
    private String pool;
    private String disk;

    // a disk block (Bootable disks / Adding new storage devices) is reported when it ends
    private SourceLine blockSource;
    private String blockUri;
    private String blockMapped;
    private Integer blockBootPriority;
    private Integer blockDeviceId;

    // a command line continued with '\'
    private CommandParts command;

    /** Parses the next line (with or without its line terminator) and returns what it means, in order. */
    public List<MoveEvent> accept(String line) {
        SourceLine source = SourceLine.of(++lineNumber, line);
        List<MoveEvent> out = new ArrayList<>(2);
        parse(source, out);
        int produced = out.size();
        for (int i = 0; i < produced; i++) {
            MoveEvent event = out.get(i);
            if (phases.apply(event)) {
                out.add(new PhaseEntered(event.source(), phases.current()));
            }
        }
        return out;
    }

    /** Ends the input: reports a disk block or command line still open. Call once, after the last line. */
    public List<MoveEvent> finish() {
        List<MoveEvent> out = new ArrayList<>(1);
        closeBlock(out);
        if (command != null) {
            out.add(command.complete(command.lastSource));
            command = null;
        }
        return out;
    }

    /** The phase the output has shown so far; {@link MovePhase#NOT_STARTED} before any move line. */
    public MovePhase currentPhase() {
        return phases.current();
    }

    /** The phases entered so far, in order, without NOT_STARTED. */
    public List<MovePhase> phasesReached() {
        return phases.reached();
    }

    /** The outcome the output shows so far: INCOMPLETE until zoneadm printed how the move ended. */
    public MoveOutcome outcome() {
        return phases.current().outcome();
    }

    // ---- dispatch --------------------------------------------------------------------------------

    private void parse(SourceLine source, List<MoveEvent> out) {
        String text = source.text();
        if (command != null) {
            continueCommand(source, text, out);
            return;
        }
        int indent = 0;
        while (indent < text.length() && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
            indent++;
        }
        if (indent == text.length()) {
            out.add(new BlankLine(source));
            return;
        }
        String t = indent == 0 ? text : text.substring(indent);
        int trail = t.length();
        while (trail > 0 && Character.isWhitespace(t.charAt(trail - 1))) {
            trail--;
        }
        if (trail == 0) {
            out.add(new BlankLine(source));
            return;
        }
        if (trail < t.length()) {
            t = t.substring(0, trail);
        }
        boolean done = indent == 0
                ? heading(source, t, out) || item(source, t, indent, out)
                : item(source, t, indent, out) || heading(source, t, out);
        if (!done) {
            out.add(new UnrecognizedLine(source));
        }
    }

    // ---- headings (column 0) -----------------------------------------------------------------------

    private boolean heading(SourceLine source, String t, List<MoveEvent> out) {
        switch (t) {
            case "Verbose progress output to terminal enabled." -> {
                enter(MoveSection.NONE, out);
                out.add(new VerboseEnabled(source));
                return true;
            }
            case "Attaching new disks." -> {
                return section(source, MoveSection.ATTACH, null, out);
            }
            case "Waiting for disks to resilver." -> {
                return section(source, MoveSection.RESILVER, null, out);
            }
            case "Verifying all attached disks in root zpool are online:" -> {
                return section(source, MoveSection.VERIFY_ONLINE, null, out);
            }
            case "Will apply the configuration changes now:" -> {
                return section(source, MoveSection.APPLY_ADDED_DEVICES, null, out);
            }
            case "Will apply the configuration with removed original disks now:" -> {
                return section(source, MoveSection.APPLY_REMOVED_DEVICES, null, out);
            }
            case "Detaching new disks that might have been already attached." -> {
                return section(source, MoveSection.ROLLBACK_DETACH_NEW, null, out);
            }
            case "Removing devices already added to the persistent zone config." -> {
                return section(source, MoveSection.ROLLBACK_REMOVE_ADDED, null, out);
            }
            case "Reverting live zone configuration to its original state." -> {
                return section(source, MoveSection.ROLLBACK_REVERT_LIVE_CONFIG, null, out);
            }
            case "Verifying there are no duplicates in the input URIs:" -> {
                return check(source, MoveCheck.NO_DUPLICATE_URIS, null, out);
            }
            case "Verifying the input disks are not part of another zpool:" -> {
                return check(source, MoveCheck.DISKS_NOT_IN_ANOTHER_ZPOOL, null, out);
            }
            case "Live storage migration succeeded." -> {
                enter(MoveSection.NONE, out);
                out.add(new MoveSucceeded(source));
                return true;
            }
            case "Please be patient while we properly clean up..." -> {
                enter(MoveSection.NONE, out);
                out.add(new RollbackNotice(source, t));
                return true;
            }
            default -> {
                return prefixedHeading(source, t, out);
            }
        }
    }

    private boolean prefixedHeading(SourceLine source, String t, List<MoveEvent> out) {
        char c = t.charAt(0);
        switch (c) {
            case 'z' -> {
                if (t.startsWith("zoneadm: ")) {
                    return zoneadmError(source, t, out);
                }
                if (t.startsWith("zone '") && t.contains("': error: ")) { // brand-hook style
                    String zone = quoted(t, "zone '");
                    enter(MoveSection.NONE, out);
                    out.add(new ZoneadmError(source, zone, t.substring(t.indexOf("': error: ") + 3), null));
                    return true;
                }
            }
            case '=' -> {
                if (t.startsWith("====") && t.endsWith("====") && t.length() >= 8) {
                    String label = t.substring(4, t.length() - 4).strip();
                    if (label.startsWith("Starting") || label.startsWith("Completed")) {
                        enter(MoveSection.NONE, out);
                        out.add(new Banner(source, label.startsWith("Starting"), label));
                        return true;
                    }
                }
            }
            case 'P' -> {
                if (t.startsWith("Progress being logged to ")) {
                    String path = t.substring("Progress being logged to ".length()).strip();
                    enter(MoveSection.NONE, out);
                    out.add(new LogFileAnnounced(source, path, zoneFromLogFile(path)));
                    return true;
                }
            }
            case 'V' -> {
                if (t.startsWith("Verifying zone '") && t.endsWith("' live/persistent configurations match:")) {
                    return check(source, MoveCheck.LIVE_PERSISTENT_CONFIG_MATCH, quoted(t, "zone '"), out);
                }
                if (t.startsWith("Verifying input URIs are not already used in zone '") && t.endsWith(":")) {
                    return check(source, MoveCheck.URIS_NOT_IN_USE, quoted(t, "zone '"), out);
                }
            }
            case 'B' -> {
                if (t.startsWith("Bootable disks in zone '") && t.endsWith("configuration are:")) {
                    return section(source, MoveSection.BOOTABLE_DISKS, quoted(t, "zone '"), out);
                }
            }
            case 'N' -> {
                // "Non-bootable disks zone 'z' configuration are:" ("in" missing, verbatim); tolerate it fixed
                if (t.startsWith("Non-bootable disks ") && t.endsWith("configuration are:")) {
                    return section(source, MoveSection.NON_BOOTABLE_DISKS, quoted(t, "zone '"), out);
                }
            }
            case 'R' -> {
                if (t.startsWith("Root zpool name in zone '") && t.endsWith(":")) {
                    return section(source, MoveSection.ROOT_POOL_NAME, quoted(t, "zone '"), out);
                }
                if (t.startsWith("Removing original disks from zone '")) {
                    return section(source, MoveSection.REMOVE_ORIGINAL, quoted(t, "zone '"), out);
                }
            }
            case 'C' -> {
                if (t.startsWith("Checking zpool '")) {
                    String p = quoted(t, "zpool '");
                    if (t.endsWith("' health:")) {
                        pool = p;
                        return checkOnPool(source, MoveCheck.ZPOOL_HEALTH, p, out);
                    }
                    if (t.endsWith("' vdev configuration:")) {
                        pool = p;
                        return checkOnPool(source, MoveCheck.ZPOOL_VDEV_CONFIG, p, out);
                    }
                }
                if (t.startsWith("Clean-up ") || t.startsWith("Cleanup ")) {
                    enter(MoveSection.NONE, out);
                    String lower = t.toLowerCase(java.util.Locale.ROOT);
                    boolean success = lower.contains("success") && !lower.contains("unsuccess");
                    out.add(new CleanupResult(source, success, t));
                    return true;
                }
            }
            case 'D' -> {
                if (t.startsWith("Disks in the zone '") && t.endsWith("' are:")) {
                    pool = quoted(t, "zpool '");
                    return section(source, MoveSection.ROOT_POOL_DISKS, quoted(t, "zone '"), out);
                }
                if (t.startsWith("Detaching original disks from zone '")) {
                    return section(source, MoveSection.DETACH_ORIGINAL, quoted(t, "zone '"), out);
                }
            }
            case 'H' -> {
                if (t.startsWith("Highest boot disk priority in zpool '")) {
                    pool = quoted(t, "zpool '");
                    return section(source, MoveSection.HIGHEST_BOOT_PRIORITY, null, out);
                }
            }
            case 'A' -> {
                if (t.startsWith("Adding new storage devices to zone '")) {
                    return section(source, MoveSection.NEW_DEVICES, quoted(t, "zone '"), out);
                }
            }
            case 'S' -> {
                if (t.startsWith("Signal ") && t.endsWith(" caught.")) {
                    String signal = t.substring("Signal ".length(), t.length() - " caught.".length()).strip();
                    if (!signal.isEmpty() && signal.indexOf(' ') < 0) {
                        enter(MoveSection.NONE, out);
                        out.add(new SignalCaught(source, signal));
                        return true;
                    }
                }
            }
            case '!' -> {
                if (t.startsWith("!! ") && t.endsWith(" !!")) {
                    enter(MoveSection.NONE, out);
                    out.add(new RollbackNotice(source, t));
                    return true;
                }
            }
            default -> {
                // fall through to the command-line test
            }
        }
        return commandLine(source, t, out);
    }

    private boolean section(SourceLine source, MoveSection next, String zone, List<MoveEvent> out) {
        enter(next, out);
        out.add(new SectionStarted(source, next, zone, next == MoveSection.ROOT_POOL_DISKS
                || next == MoveSection.HIGHEST_BOOT_PRIORITY ? pool : null));
        return true;
    }

    private boolean check(SourceLine source, MoveCheck kind, String zone, List<MoveEvent> out) {
        enter(MoveSection.CHECK, out);
        check = kind;
        out.add(new CheckStarted(source, kind, zone, null));
        return true;
    }

    private boolean checkOnPool(SourceLine source, MoveCheck kind, String p, List<MoveEvent> out) {
        enter(MoveSection.CHECK, out);
        check = kind;
        out.add(new CheckStarted(source, kind, null, p));
        return true;
    }

    private void enter(MoveSection next, List<MoveEvent> out) {
        closeBlock(out);
        section = next;
        check = null;
        checkSubject = null;
        disk = null;
    }

    private boolean zoneadmError(SourceLine source, String t, List<MoveEvent> out) {
        String rest = t.substring("zoneadm: ".length());
        String zone = null;
        String message = rest;
        if (rest.startsWith("zone '")) {
            int close = rest.indexOf("': ", 6);
            if (close > 6) {
                zone = rest.substring(6, close);
                message = rest.substring(close + 3);
            }
        }
        String signal = null;
        int at = message.indexOf("terminated by signal ");
        if (at >= 0) {
            signal = message.substring(at + "terminated by signal ".length());
            if (signal.endsWith(".")) {
                signal = signal.substring(0, signal.length() - 1);
            }
            signal = signal.strip();
            if (signal.isEmpty()) {
                signal = null;
            }
        }
        enter(MoveSection.NONE, out);
        out.add(new ZoneadmError(source, zone, message, signal));
        return true;
    }

    // ---- indented lines ------------------------------------------------------------------------------

    private boolean item(SourceLine source, String t, int indent, List<MoveEvent> out) {
        if (section == MoveSection.RESILVER || t.indexOf(" resilvered at ") > 0) {
            ResilverProgress progress = progress(source, t);
            if (progress != null) {
                out.add(progress);
                return true;
            }
        }
        if (t.startsWith("Checking: ")) {
            String what = t.substring("Checking: ".length());
            if (what.startsWith("Adding device storage=")) {
                out.add(new ConfigCheck(source, section, ConfigAction.ADD, what.substring("Adding device storage=".length())));
            } else if (what.startsWith("Removing device storage=")) {
                out.add(new ConfigCheck(source, section, ConfigAction.REMOVE,
                        what.substring("Removing device storage=".length())));
            } else {
                out.add(new ConfigCheck(source, section, ConfigAction.OTHER, what));
            }
            return true;
        }
        if (t.equals("Applying the changes")) {
            out.add(new ConfigApplied(source, section));
            return true;
        }
        switch (section) {
            case CHECK -> {
                return checkItem(source, t, indent, out);
            }
            case BOOTABLE_DISKS, NON_BOOTABLE_DISKS, NEW_DEVICES -> {
                return blockItem(source, t, out);
            }
            case ROOT_POOL_NAME -> {
                if (t.indexOf(' ') < 0) {
                    pool = t;
                    out.add(new RootPoolNamed(source, t));
                    return true;
                }
                return false;
            }
            case ROOT_POOL_DISKS -> {
                return poolDisk(source, t, out);
            }
            case HIGHEST_BOOT_PRIORITY -> {
                Integer priority = parseInt(t);
                if (priority != null) {
                    out.add(new HighestBootPriority(source, pool, priority));
                    return true;
                }
                return false;
            }
            case ATTACH, VERIFY_ONLINE, DETACH_ORIGINAL, REMOVE_ORIGINAL, ROLLBACK_DETACH_NEW, ROLLBACK_REMOVE_ADDED -> {
                return stepItem(source, t, indent, out);
            }
            default -> {
                return false;
            }
        }
    }

    private boolean checkItem(SourceLine source, String t, int indent, List<MoveEvent> out) {
        if (indent == 0 && !t.equals("OK")) {
            return false; // results are indented; column 0 is someone else's line
        }
        if (check == MoveCheck.ZPOOL_HEALTH) {
            if (t.indexOf(' ') < 0) {
                out.add(new PoolHealth(source, pool, t));
                return true;
            }
            out.add(new CheckResult(source, check, null, CheckStatus.FAILED, t));
            return true;
        }
        if (t.equals("OK")) {
            out.add(new CheckResult(source, check, checkSubject, CheckStatus.OK, t));
            return true;
        }
        if (t.startsWith("Skipping check")) {
            out.add(new CheckResult(source, check, checkSubject, CheckStatus.SKIPPED, t));
            return true;
        }
        if (check == MoveCheck.URIS_NOT_IN_USE && indent < 4 && t.indexOf(' ') < 0) {
            checkSubject = t;
            out.add(new CheckSubject(source, check, t));
            return true;
        }
        out.add(new CheckResult(source, check, checkSubject, CheckStatus.FAILED, t));
        return true;
    }

    private boolean blockItem(SourceLine source, String t, List<MoveEvent> out) {
        if (t.equals("<none-present>")) {
            closeBlock(out);
            out.add(new NoDisks(source, section));
            return true;
        }
        if (isDiskLabel(t)) {
            closeBlock(out);
            disk = t.substring(0, t.length() - 1);
            blockSource = source;
            out.add(new DiskEntry(source, section, disk));
            return true;
        }
        if (disk == null || blockSource == null) {
            return false;
        }
        int colon = t.indexOf(": ");
        if (colon <= 0) {
            return false;
        }
        String key = t.substring(0, colon);
        String value = t.substring(colon + 2).strip();
        switch (key) {
            case "URI" -> blockUri = value;
            case "Mapped to" -> blockMapped = value;
            case "Boot priority" -> blockBootPriority = parseInt(value);
            case "Device ID" -> blockDeviceId = parseInt(value);
            default -> {
                return false;
            }
        }
        out.add(new DiskProperty(source, section, disk, key, value));
        return true;
    }

    private void closeBlock(List<MoveEvent> out) {
        if (blockSource != null && disk != null) {
            if (section == MoveSection.NEW_DEVICES) {
                out.add(new NewDevicePlanned(blockSource, disk, blockUri, blockMapped, blockBootPriority, blockDeviceId));
            } else if (section == MoveSection.BOOTABLE_DISKS || section == MoveSection.NON_BOOTABLE_DISKS) {
                out.add(new DiskListed(blockSource, section == MoveSection.BOOTABLE_DISKS, disk, blockUri, blockMapped));
            }
        }
        blockSource = null;
        blockUri = null;
        blockMapped = null;
        blockBootPriority = null;
        blockDeviceId = null;
    }

    private boolean poolDisk(SourceLine source, String t, List<MoveEvent> out) {
        int paren = t.indexOf(" (");
        if (paren < 0) {
            if (t.indexOf(' ') >= 0) {
                return false;
            }
            out.add(new PoolDisk(source, pool, t, null));
            return true;
        }
        String name = t.substring(0, paren);
        Integer priority = null;
        int at = t.indexOf("bootpri=", paren);
        if (at >= 0) {
            int end = t.indexOf(')', at);
            priority = parseInt(t.substring(at + "bootpri=".length(), end < 0 ? t.length() : end));
        }
        out.add(new PoolDisk(source, pool, name, priority));
        return true;
    }

    private boolean stepItem(SourceLine source, String t, int indent, List<MoveEvent> out) {
        if (isDiskLabel(t)) {
            disk = t.substring(0, t.length() - 1);
            out.add(new DiskEntry(source, section, disk));
            return true;
        }
        if (disk == null) {
            return false;
        }
        if (section == MoveSection.VERIFY_ONLINE && t.startsWith("still ")) {
            OnlineWait wait = onlineWait(source, t);
            if (wait != null) {
                out.add(wait);
                return true;
            }
        }
        if (indent == 0 && !t.equals("OK")) {
            return false; // a failure text is indented under its disk; column 0 is someone else's line
        }
        out.add(new DiskStepResult(source, section, disk, t.equals("OK"), t));
        return true;
    }

    /** {@code still DEGRADED, 120 more seconds to wait.} */
    private OnlineWait onlineWait(SourceLine source, String t) {
        int comma = t.indexOf(", ");
        if (comma < 0) {
            return null;
        }
        String state = t.substring("still ".length(), comma);
        int more = t.indexOf(" more second", comma);
        if (more < 0) {
            return null;
        }
        Integer seconds = parseInt(t.substring(comma + 2, more));
        return seconds == null ? null : new OnlineWait(source, disk, state, seconds);
    }

    /** {@code 455M resilvered at 39M/s, 5.58% done, 1m35s to go}; null when the line has another form. */
    static ResilverProgress progress(SourceLine source, String t) {
        int at = t.indexOf(" resilvered at ");
        if (at <= 0) {
            return null;
        }
        int rateStart = at + " resilvered at ".length();
        int perSecond = t.indexOf("/s, ", rateStart);
        if (perSecond < 0) {
            return null;
        }
        int pctEnd = t.indexOf("% done", perSecond);
        if (pctEnd < 0) {
            return null;
        }
        OptionalLong bytes = SolarisSize.parse(t.substring(0, at));
        OptionalLong rate = SolarisSize.parse(t.substring(rateStart, perSecond));
        if (bytes.isEmpty() || rate.isEmpty()) {
            return null;
        }
        double percent;
        try {
            percent = Double.parseDouble(t.substring(perSecond + 4, pctEnd));
        } catch (NumberFormatException e) {
            return null;
        }
        if (!(percent >= 0 && percent <= 100)) {
            return null;
        }
        Long eta = null;
        int etaStart = pctEnd + "% done".length();
        if (t.startsWith(", ", etaStart) && t.endsWith(" to go")) {
            OptionalLong seconds = SolarisDuration.parseSeconds(t.substring(etaStart + 2, t.length() - " to go".length()));
            if (seconds.isPresent()) {
                eta = seconds.getAsLong();
            }
        } else if (etaStart != t.length() && !t.startsWith(",", etaStart)) {
            return null;
        }
        return new ResilverProgress(source, bytes.getAsLong(), rate.getAsLong(), percent, eta);
    }

    // ---- command lines in saved terminal transcripts ----------------------------------------------------

    private boolean commandLine(SourceLine source, String t, List<MoveEvent> out) {
        if (t.indexOf("zoneadm ") < 0) {
            return false;
        }
        String[] tokens = t.split("\\s+");
        int zoneadm = -1;
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].equals("zoneadm") || tokens[i].endsWith("/zoneadm")) {
                zoneadm = i;
                break;
            }
        }
        if (zoneadm < 0 || (zoneadm > 0 && !isPromptOrWrapper(tokens[zoneadm - 1]))) {
            return false;
        }
        boolean move = false;
        for (int i = zoneadm + 1; i < tokens.length; i++) {
            if (tokens[i].equals("move")) {
                move = true;
                break;
            }
        }
        if (!move) {
            return false;
        }
        enter(MoveSection.NONE, out);
        command = new CommandParts();
        command.add(tokens, zoneadm + 1);
        if (t.endsWith("\\")) {
            command.lastSource = source;
            out.add(new CommandLinePart(source));
        } else {
            out.add(command.complete(source));
            command = null;
        }
        return true;
    }

    private void continueCommand(SourceLine source, String text, List<MoveEvent> out) {
        String t = text.strip();
        command.add(t.isEmpty() ? new String[0] : t.split("\\s+"), 0);
        if (t.endsWith("\\")) {
            command.lastSource = source;
            out.add(new CommandLinePart(source));
        } else {
            out.add(command.complete(source));
            command = null;
        }
    }

    private static boolean isPromptOrWrapper(String token) {
        if (token.isEmpty()) {
            return false;
        }
        char last = token.charAt(token.length() - 1);
        return last == '#' || last == '$' || last == '%' || last == '>' || token.equals("pfexec")
                || token.equals("sudo");
    }

    /** Arguments of a {@code zoneadm ... move} command line, gathered over its continuation lines. */
    private static final class CommandParts {
        private final List<String> args = new ArrayList<>();
        private SourceLine lastSource;

        void add(String[] tokens, int from) {
            for (int i = from; i < tokens.length; i++) {
                if (!tokens[i].isEmpty() && !tokens[i].equals("\\")) {
                    args.add(tokens[i].endsWith("\\") ? tokens[i].substring(0, tokens[i].length() - 1) : tokens[i]);
                }
            }
        }

        CommandLine complete(SourceLine source) {
            String zone = null;
            List<String> uris = new ArrayList<>();
            boolean verbose = false;
            boolean force = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String next = i + 1 < args.size() ? args.get(i + 1) : null;
                switch (a) {
                    case "-z" -> {
                        zone = next;
                        i++;
                    }
                    case "-p" -> {
                        if (next != null) {
                            uris.add(next);
                        }
                        i++;
                    }
                    case "-x" -> {
                        force |= "force-zpool-attach".equals(next);
                        i++;
                    }
                    case "-v" -> verbose = true;
                    default -> {
                        // other options and the subcommand itself
                    }
                }
            }
            return new CommandLine(source, zone, uris, verbose, force);
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------------

    /** {@code c1d2:}: a word ending in a colon (disk names have no spaces). */
    private static boolean isDiskLabel(String t) {
        int n = t.length();
        return n >= 2 && n <= 64 && t.charAt(n - 1) == ':' && t.indexOf(' ') < 0 && t.indexOf('/') < 0;
    }

    /** The text between {@code marker} and the next single quote, or null. */
    static String quoted(String t, String marker) {
        int at = t.indexOf(marker);
        if (at < 0) {
            return null;
        }
        int start = at + marker.length();
        int end = t.indexOf('\'', start);
        return end > start ? t.substring(start, end) : null;
    }

    /** {@code /var/log/zones/zoneadm.20220117T114644Z.lsm.move} names zone {@code lsm}. */
    static String zoneFromLogFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.startsWith("zoneadm.") || !name.endsWith(".move")) {
            return null;
        }
        String middle = name.substring("zoneadm.".length(), name.length() - ".move".length());
        int dot = middle.indexOf('.');
        return dot > 0 && dot < middle.length() - 1 ? middle.substring(dot + 1) : null;
    }

    private static Integer parseInt(String s) {
        String v = s.strip();
        if (v.isEmpty() || v.length() > 9) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Integer.parseInt(v);
    }
}
