package org.kzmove.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (SSH, files) off the FX thread. View models get it injected and never create
 * threads or hop threads themselves: the callbacks arrive on the FX thread in production and on the
 * caller's thread in tests ({@code SameThreadTaskExecutor}).
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background, then exactly one of the callbacks on the UI thread.
     *
     * @param onFailure receives the exception the work threw (checked or not)
     */
    <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Stops accepting work; running work is interrupted. */
    @Override
    void close();
}
