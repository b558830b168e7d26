package org.kzmove.sim.process;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one thread pool of a simulated host. Every simulated process, every session's shell and
 * every terminal reader runs on it, so a host's threads are named after it, are daemons (a
 * forgotten background job never keeps the JVM alive) and end together when the host closes.
 */
public final class SimThreads {
    private SimThreads() {
    }

    /** A cached pool: simulated processes block on the clock for long periods, so it must grow. */
    public static ExecutorService newHostExecutor(String hostname) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "sim-" + hostname + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(factory);
    }
}
