package org.kzmove.solaris.move;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kzmove.solaris.move.MoveEvent.BlankLine;
import org.kzmove.solaris.move.MoveEvent.CheckResult;
import org.kzmove.solaris.move.MoveEvent.CheckStarted;
import org.kzmove.solaris.move.MoveEvent.CheckStatus;
import org.kzmove.solaris.move.MoveEvent.CleanupResult;
import org.kzmove.solaris.move.MoveEvent.CommandLine;
import org.kzmove.solaris.move.MoveEvent.ConfigAction;
import org.kzmove.solaris.move.MoveEvent.ConfigCheck;
import org.kzmove.solaris.move.MoveEvent.DiskListed;
import org.kzmove.solaris.move.MoveEvent.DiskStepResult;
import org.kzmove.solaris.move.MoveEvent.LogFileAnnounced;
import org.kzmove.solaris.move.MoveEvent.NewDevicePlanned;
import org.kzmove.solaris.move.MoveEvent.OnlineWait;
import org.kzmove.solaris.move.MoveEvent.PhaseEntered;
import org.kzmove.solaris.move.MoveEvent.PoolDisk;
import org.kzmove.solaris.move.MoveEvent.PoolHealth;
import org.kzmove.solaris.move.MoveEvent.ResilverProgress;
import org.kzmove.solaris.move.MoveEvent.SectionStarted;
import org.kzmove.solaris.move.MoveEvent.SignalCaught;
import org.kzmove.solaris.move.MoveEvent.UnrecognizedLine;
import org.kzmove.solaris.move.MoveEvent.VerboseEnabled;
import org.kzmove.solaris.move.MoveEvent.ZoneadmError;
import org.kzmove.solaris.move.MoveReport.NewDisk;
import org.kzmove.solaris.move.MoveReport.OriginalDisk;
import org.kzmove.solaris.move.MoveReport.ResilverStats;

/**
 * Builds a {@link MoveReport} from the events of a {@link MoveOutputParser}. Keeps only
 * aggregates (no event list), so a log of millions of progress lines needs constant memory.
 *
 * <pre>{@code
 * MoveTranscript t = new MoveTranscript();
 * for (String line : lines) t.accept(line);
 * MoveReport report = t.finish();
 * }</pre>
 */
public final class MoveTranscript {
    private final MoveOutputParser parser = new MoveOutputParser();

    private String zone;
    private String commandZone;
    private String logFile;
    private boolean verbose;
    private boolean force;
    private final Map<String, Disk> originals = new LinkedHashMap<>();
    private final Map<String, Disk> news = new LinkedHashMap<>();
    private final List<String> addedUris = new ArrayList<>();
    private final List<String> revertedUris = new ArrayList<>();
    private final List<String> removedUris = new ArrayList<>();
    private final List<String> commandUris = new ArrayList<>();
    private final List<MovePhase> phases = new ArrayList<>();
    private String signal;
    private final List<String> errors = new ArrayList<>();
    private String checkHeading;
    private String sectionHeading;
    private long lines;
    private long unrecognized;
    private long blank;
    private long samples;
    private ResilverProgress lastProgress;

    /** Reads a whole transcript or log and sums it up. */
    public static MoveReport read(BufferedReader reader) throws IOException {
        MoveTranscript transcript = new MoveTranscript();
        String line;
        while ((line = reader.readLine()) != null) {
            transcript.accept(line);
        }
        return transcript.finish();
    }

    /** Parses one more line; returns its events (already taken into account). */
    public List<MoveEvent> accept(String line) {
        lines++;
        List<MoveEvent> events = parser.accept(line);
        for (int i = 0; i < events.size(); i++) {
            onEvent(events.get(i));
        }
        return events;
    }

    /** Ends the input and returns the summary. */
    public MoveReport finish() {
        for (MoveEvent e : parser.finish()) {
            onEvent(e);
        }
        return report();
    }

    /** The summary of what was read so far (the outcome stays INCOMPLETE until the text shows one). */
    public MoveReport report() {
        List<Disk> originalsNow = copies(originals);
        fillUris(originalsNow, removedUris);
        List<OriginalDisk> originalDisks = new ArrayList<>();
        for (Disk d : originalsNow) {
            originalDisks.add(new OriginalDisk(d.name, d.uri, d.device, d.bootPriority));
        }
        List<NewDisk> newDisks = new ArrayList<>();
        List<String> uris = !addedUris.isEmpty() ? addedUris : !revertedUris.isEmpty() ? revertedUris : commandUris;
        if (news.isEmpty()) {
            for (String uri : uris) {
                newDisks.add(new NewDisk(null, uri, null, null, null));
            }
        } else {
            List<Disk> newsNow = copies(news);
            fillUris(newsNow, uris);
            for (Disk d : newsNow) {
                newDisks.add(new NewDisk(d.name, d.uri, d.device, d.bootPriority, d.deviceId));
            }
        }
        ResilverStats resilver = lastProgress == null ? null
                : new ResilverStats(samples, lastProgress.percent(), lastProgress.resilveredBytes(),
                        lastProgress.rateBytesPerSecond(), lastProgress.etaSeconds());
        return new MoveReport(zone != null ? zone : commandZone, parser.outcome(), logFile, verbose, force,
                originalDisks, newDisks, phases, resilver, signal, errors, lines, lines - unrecognized - blank,
                unrecognized);
    }

    /** The parser's current phase, for a live view. */
    public MovePhase currentPhase() {
        return parser.currentPhase();
    }

    private void onEvent(MoveEvent event) {
        if (event instanceof ResilverProgress p) {
            samples++;
            lastProgress = p;
        } else if (event instanceof UnrecognizedLine) {
            unrecognized++;
        } else if (event instanceof BlankLine) {
            blank++;
        } else if (event instanceof PhaseEntered p) {
            phases.add(p.phase());
        } else if (event instanceof LogFileAnnounced l) {
            logFile = l.path();
            zone(l.zone());
        } else if (event instanceof VerboseEnabled) {
            verbose = true;
        } else if (event instanceof CommandLine c) {
            commandZone = commandZone == null ? c.zone() : commandZone;
            commandUris.addAll(c.uris());
            force |= c.forceZpoolAttach();
            verbose |= c.verbose();
        } else if (event instanceof CheckStarted c) {
            zone(c.zone());
            checkHeading = c.source().text().strip();
        } else if (event instanceof CheckResult r) {
            if (r.status() == CheckStatus.SKIPPED && r.text().contains("force-zpool-attach")) {
                force = true;
            } else if (r.status() == CheckStatus.FAILED) {
                errors.add(label(checkHeading) + (r.subject() == null ? "" : r.subject() + ": ") + r.text());
            }
        } else if (event instanceof PoolHealth h) {
            if (!h.healthy()) {
                errors.add(label(checkHeading) + h.state());
            }
        } else if (event instanceof SectionStarted s) {
            zone(s.zone());
            sectionHeading = s.source().text().strip();
        } else if (event instanceof DiskListed d) {
            if (d.bootable()) {
                Disk disk = originals.computeIfAbsent(d.name(), Disk::new);
                disk.uri = d.uri();
                disk.device = d.mappedDevice();
            }
        } else if (event instanceof PoolDisk p) {
            originals.computeIfAbsent(p.disk(), Disk::new).bootPriority = p.bootPriority();
        } else if (event instanceof NewDevicePlanned n) {
            Disk disk = news.computeIfAbsent(n.name(), Disk::new);
            disk.uri = n.uri();
            disk.device = n.mappedDevice();
            disk.bootPriority = n.bootPriority();
            disk.deviceId = n.deviceId();
        } else if (event instanceof DiskStepResult r) {
            switch (r.section()) {
                case ATTACH, VERIFY_ONLINE, ROLLBACK_DETACH_NEW, ROLLBACK_REMOVE_ADDED ->
                        news.computeIfAbsent(r.disk(), Disk::new);
                case DETACH_ORIGINAL, REMOVE_ORIGINAL -> originals.computeIfAbsent(r.disk(), Disk::new);
                default -> {
                    // no other section has disk steps
                }
            }
            if (!r.ok()) {
                errors.add(label(sectionHeading) + r.disk() + ": " + r.text());
            }
        } else if (event instanceof OnlineWait w) {
            news.computeIfAbsent(w.disk(), Disk::new);
        } else if (event instanceof ConfigCheck c) {
            if (c.action() == ConfigAction.ADD && c.section() == MoveSection.APPLY_ADDED_DEVICES) {
                addedUris.add(c.uri());
            } else if (c.action() == ConfigAction.REMOVE && c.section() == MoveSection.ROLLBACK_REVERT_LIVE_CONFIG) {
                revertedUris.add(c.uri());
            } else if (c.action() == ConfigAction.REMOVE && c.section() == MoveSection.APPLY_REMOVED_DEVICES) {
                removedUris.add(c.uri());
            }
        } else if (event instanceof SignalCaught s) {
            signal = s.signal();
        } else if (event instanceof CleanupResult c) {
            if (!c.success()) {
                errors.add(c.text());
            }
        } else if (event instanceof ZoneadmError e) {
            zone(e.zone());
            if (e.signal() != null && signal == null) {
                signal = e.signal();
            }
            errors.add(e.source().text().strip());
        }
        // the other events add nothing to the summary
    }

    private static List<Disk> copies(Map<String, Disk> disks) {
        List<Disk> out = new ArrayList<>(disks.size());
        for (Disk d : disks.values()) {
            out.add(d.copy());
        }
        return out;
    }

    /** Gives URIs, in order, to the disks that have none, when the counts match exactly. */
    private static void fillUris(List<Disk> disks, List<String> uris) {
        List<Disk> missing = new ArrayList<>();
        List<String> free = new ArrayList<>(uris);
        for (Disk d : disks) {
            if (d.uri == null) {
                missing.add(d);
            } else {
                free.remove(d.uri);
            }
        }
        if (!missing.isEmpty() && missing.size() == free.size()) {
            for (int i = 0; i < missing.size(); i++) {
                missing.get(i).uri = free.get(i);
            }
        }
    }

    private void zone(String z) {
        if (zone == null && z != null && !z.isEmpty()) {
            zone = z;
        }
    }

    private static String label(String heading) {
        if (heading == null) {
            return "";
        }
        String h = heading.endsWith(":") || heading.endsWith(".") ? heading.substring(0, heading.length() - 1) : heading;
        return h + ": ";
    }

    private static final class Disk {
        final String name;
        String uri;
        String device;
        Integer bootPriority;
        Integer deviceId;

        Disk(String name) {
            this.name = name;
        }

        Disk copy() {
            Disk d = new Disk(name);
            d.uri = uri;
            d.device = device;
            d.bootPriority = bootPriority;
            d.deviceId = deviceId;
            return d;
        }
    }
}
