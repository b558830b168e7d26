package org.kzmove.ui.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.ProgressSnapshot;
import org.kzmove.solaris.move.MoveEvent;
import org.kzmove.solaris.move.MovePhase;
import org.kzmove.solaris.move.MoveReport;
import org.kzmove.solaris.move.MoveTranscript;

/**
 * Plays a real zoneadm transcript into a listener as the engine would: each line, then its events,
 * then a progress snapshot for each resilver line (bytes percent against {@code allocatedBytes}).
 */
final class TranscriptPlayer {
    private final List<String> lines;
    private final MoveListener listener;
    private final long allocatedBytes;
    private final MoveTranscript transcript = new MoveTranscript();
    private MovePhase phase = MovePhase.NOT_STARTED;
    private int next;

    TranscriptPlayer(String name, MoveListener listener, long allocatedBytes) {
        try {
            this.lines = Files.readAllLines(Path.of("src/test/resources/transcripts", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.listener = listener;
        this.allocatedBytes = allocatedBytes;
    }

    /** Plays lines up to and including the first one {@code stop} accepts; returns whether it was found. */
    boolean playThrough(Predicate<String> stop) {
        while (next < lines.size()) {
            String line = lines.get(next++);
            play(line);
            if (stop.test(line)) {
                return true;
            }
        }
        return false;
    }

    void playAll() {
        playThrough(l -> false);
    }

    int resilverLines() {
        return (int) lines.stream().filter(l -> l.contains(" resilvered at ")).count();
    }

    MoveReport finish() {
        return transcript.finish();
    }

    private void play(String line) {
        List<MoveEvent> events = transcript.accept(line);
        listener.onLine(line);
        ProgressSnapshot snapshot = null;
        for (MoveEvent e : events) {
            listener.onEvent(e);
            if (e instanceof MoveEvent.PhaseEntered p) {
                phase = p.phase();
            } else if (e instanceof MoveEvent.ResilverProgress p) {
                // kzmove's figures stand in: done from the bytes, time from zoneadm's bytes over its rate
                snapshot = new ProgressSnapshot(null, phase, p.percent(), p.resilveredBytes(), p.rateBytesPerSecond(),
                        p.etaSeconds(), p.etaSeconds(), p.etaSeconds() == null ? null : p.etaSeconds() - 5,
                        p.etaSeconds() == null ? null : p.etaSeconds() + 5, phase.compareTo(MovePhase.DETACHING) < 0,
                        100.0 * p.resilveredBytes() / allocatedBytes,
                        p.rateBytesPerSecond() > 0 ? (double) p.resilveredBytes() / p.rateBytesPerSecond() : null);
            }
        }
        if (snapshot != null) {
            listener.onProgress(snapshot);
        }
    }
}
