package org.kzmove.ui.common;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The one way onto the JavaFX application thread (ArchUnit keeps {@code Platform.runLater} here).
 * Streams of updates (progress, log lines) go through {@link #coalescing(Consumer)} so a flood of
 * events from a background thread never floods the FX queue.
 */
public final class FxBridge {
    private FxBridge() {
    }

    /** Runs {@code action} on the FX thread: now when already there, otherwise as soon as possible. */
    public static void run(Runnable action) {
        Objects.requireNonNull(action);
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /**
     * Runs {@code action} on the FX thread after what it is doing now, even when called there: a layout
     * pass cannot ask for another layout from inside itself (its request is cleared when it ends).
     */
    public static void later(Runnable action) {
        Platform.runLater(Objects.requireNonNull(action));
    }

    /**
     * A consumer callable from any thread that delivers only the latest value to {@code sink} on the
     * FX thread: however many values arrive before the FX thread gets to it, at most one update is
     * queued at a time, and the last value is never lost.
     */
    public static <T> Consumer<T> coalescing(Consumer<? super T> sink) {
        Objects.requireNonNull(sink);
        AtomicReference<T> latest = new AtomicReference<>();
        return value -> {
            Objects.requireNonNull(value, "coalesced values must not be null");
            if (latest.getAndSet(value) == null) {
                // Only the first value since the last delivery schedules one; later ones ride along.
                Platform.runLater(() -> sink.accept(latest.getAndSet(null)));
            }
        };
    }
}
