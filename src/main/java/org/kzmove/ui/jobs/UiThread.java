package org.kzmove.ui.jobs;

import java.util.function.Consumer;
import org.kzmove.ui.common.FxBridge;

/**
 * How updates from the engine's threads reach the thread the view models live on: {@link FxBridge}
 * in the console; in view-model tests, the test's own thread or a queue it drains by hand.
 */
public interface UiThread {

    /** Runs {@code action} on the UI thread. */
    void run(Runnable action);

    /** A consumer callable from any thread that delivers (at least) the latest value on the UI thread. */
    <T> Consumer<T> coalescing(Consumer<? super T> sink);

    /** The JavaFX application thread, through the one bridge. */
    static UiThread fx() {
        return new UiThread() {
            @Override
            public void run(Runnable action) {
                FxBridge.run(action);
            }

            @Override
            public <T> Consumer<T> coalescing(Consumer<? super T> sink) {
                return FxBridge.coalescing(sink);
            }
        };
    }

    /**
     * The calling thread itself: for view models fed only from the UI thread (a record from history)
     * and for tests that call the listener on their own thread.
     */
    static UiThread callerThread() {
        return new UiThread() {
            @Override
            public void run(Runnable action) {
                action.run();
            }

            @Override
            public <T> Consumer<T> coalescing(Consumer<? super T> sink) {
                return sink::accept;
            }
        };
    }
}
