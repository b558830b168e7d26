package org.kzmove.ui.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.migration.engine.MoveResult;
import org.kzmove.migration.engine.ProgressSnapshot;
import org.kzmove.solaris.move.MoveEvent;

/**
 * The listener a job view model gives the engine. Its callbacks arrive on the engine's threads; it
 * queues them in order and asks the UI thread for one flush, coalesced: however many lines arrive
 * before the UI thread gets to it (a re-attached move replays its whole output at once), they reach
 * the view model as one batch, in one UI update.
 */
final class MoveFeed implements MoveListener {
    /** What happened, in the order the engine said it. */
    sealed interface Item {
    }

    record Line(String text) implements Item {
    }

    record Event(MoveEvent event) implements Item {
    }

    record Progress(ProgressSnapshot snapshot, Instant at) implements Item {
    }

    record Finished(MoveResult result) implements Item {
    }

    record Lost(Exception cause) implements Item {
    }

    record Trouble(String reason) implements Item {
    }

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<Boolean> flushSignal;
    private final Clock clock;
    private final Consumer<List<Item>> sink;
    private final Object seedLock = new Object();
    /** Set by a re-attach: the first line delivered after seeding may be the seed's last (see {@link #seed}). */
    private String possibleDuplicate;
    /** Set for a re-attached move until it is seeded (guarded by seedLock). */
    private boolean holding;

    MoveFeed(UiThread ui, Clock clock, Consumer<List<Item>> sink) {
        this.clock = clock;
        this.sink = Objects.requireNonNull(sink);
        this.flushSignal = ui.coalescing(ignored -> flush());
    }

    @Override
    public void onLine(String line) {
        synchronized (seedLock) {
            String dup = possibleDuplicate;
            if (dup != null) {
                possibleDuplicate = null;
                if (dup.equals(line)) {
                    return;
                }
            }
            queue.add(new Line(line));
        }
        flushSignal.accept(Boolean.TRUE);
    }

    @Override
    public void onEvent(MoveEvent event) {
        // Only what changes the view; the rest (disk properties, check results) is already in the log lines.
        if (event instanceof MoveEvent.PhaseEntered || event instanceof MoveEvent.SectionStarted
                || event instanceof MoveEvent.LogFileAnnounced || event instanceof MoveEvent.DiskListed
                || event instanceof MoveEvent.SignalCaught || event instanceof MoveEvent.CleanupResult) {
            post(new Event(event));
        }
    }

    @Override
    public void onProgress(ProgressSnapshot snapshot) {
        post(new Progress(snapshot, clock.instant()));
    }

    @Override
    public void onFinished(MoveResult result) {
        post(new Finished(result));
    }

    @Override
    public void onFollowingTrouble(String reason) {
        post(new Trouble(reason));
    }

    @Override
    public void onFollowingLost(Exception cause) {
        post(new Lost(cause));
    }

    /**
     * A re-attached move: the engine was already following it before this listener was added, and
     * the view model was seeded with the output so far. The engine appends a line to its output
     * before telling listeners, one line at a time, so at most the seed's last line can still be
     * delivered here after seeding; it is dropped once. (A new line identical to it arriving right
     * then would be dropped too: a repeated blank line at worst.)
     *
     * <p>Items queued before seeding are dropped: lines, events and progress of lines that are all
     * in the seed, which the view model reads for itself.
     *
     * @return the output so far, complete lines
     */
    String seed(Supplier<String> outputSoFar) {
        synchronized (seedLock) {
            String output = outputSoFar.get();
            queue.clear();
            holding = false;
            String[] lines = output.split("\n");
            possibleDuplicate = output.isEmpty() ? null : lines[lines.length - 1];
            return output;
        }
    }

    private void post(Item item) {
        queue.add(item);
        flushSignal.accept(Boolean.TRUE);
    }

    /** Delivers nothing until {@link #seed}: a flush before it would put new lines ahead of the seed. */
    void holdUntilSeeded() {
        synchronized (seedLock) {
            holding = true;
        }
    }

    private void flush() {
        synchronized (seedLock) {
            if (holding) {
                return;
            }
        }
        List<Item> batch = new ArrayList<>();
        for (Item i = queue.poll(); i != null; i = queue.poll()) {
            batch.add(i);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
