package org.kzmove.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.tinylog.Logger;

/** The console's one background executor: daemon threads, callbacks through {@link FxBridge}. */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "kzmove-background-" + count.incrementAndGet());
            // Daemon: a stuck SSH read must never keep the JVM alive after the window closed.
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(threads);
    }

    @Override
    public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                FxBridge.run(() -> onFailure.accept(e));
                return;
            } catch (Exception e) {
                if (e instanceof RuntimeException) {
                    Logger.error(e, "Background task failed unexpectedly");
                }
                FxBridge.run(() -> onFailure.accept(e));
                return;
            }
            FxBridge.run(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
