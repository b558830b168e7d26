package org.kzmove.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The tests' task executor: work runs on the caller's thread, at once or (when {@link #deferred()})
 * only when the test says so, so a test can look at the state while work is pending.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {
    private final boolean deferred;
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private boolean closed;

    private SameThreadTaskExecutor(boolean deferred) {
        this.deferred = deferred;
    }

    public static SameThreadTaskExecutor immediate() {
        return new SameThreadTaskExecutor(false);
    }

    public static SameThreadTaskExecutor deferred() {
        return new SameThreadTaskExecutor(true);
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        if (closed) {
            throw new IllegalStateException("executor closed");
        }
        Runnable task = () -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        if (deferred) {
            pending.add(task);
        } else {
            task.run();
        }
    }

    /** Runs the work submitted so far (deferred mode); returns how many tasks ran. */
    public int runPending() {
        int n = 0;
        while (!pending.isEmpty()) {
            pending.poll().run();
            n++;
        }
        return n;
    }

    public int pendingCount() {
        return pending.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
