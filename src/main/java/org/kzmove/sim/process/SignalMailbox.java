package org.kzmove.sim.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Pending signals of one simulated process. Delivering a signal records it and interrupts the
 * process's thread, so a command blocked in {@code SimClock.sleep} wakes at once; the command then
 * asks {@link #take()} which signal it was and decides, as a real program's handler would, whether
 * to clean up, ignore it, or die.
 */
public final class SignalMailbox {
    private final Deque<Signal> pending = new ArrayDeque<>();
    private Thread target;

    /** Binds the mailbox to the thread that runs the process (the thread that calls this). */
    public synchronized void bindToCurrentThread() {
        target = Thread.currentThread();
    }

    /**
     * Forgets the thread bound by {@link #bindToCurrentThread()}: called when the process ends, so a
     * late signal never interrupts a pooled thread that has moved on to another process.
     */
    public synchronized void unbind() {
        target = null;
    }

    public synchronized void deliver(Signal signal) {
        pending.addLast(signal);
        if (target != null) {
            target.interrupt();
        }
    }

    /** The oldest pending signal, removed; empty when none is pending. */
    public synchronized Optional<Signal> take() {
        return Optional.ofNullable(pending.pollFirst());
    }

    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }
}
