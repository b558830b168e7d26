package org.kzmove.sim.command;

/**
 * A program of the simulated host ({@code zoneadm}, {@code cat}, {@code tail}, ...). The shell
 * looks it up by name, strips {@code pfexec}/{@code sudo -n} into the invocation's credentials, and
 * runs it on the thread of the simulated process.
 */
@FunctionalInterface
public interface SimCommand {

    /**
     * Runs to completion on the calling thread.
     *
     * @return the exit status (0 success, 1 failure, 2 usage error for Solaris tools)
     * @throws InterruptedException when a signal ended the command without a handler of its own;
     *                              the shell then reports 128+signal as a real shell does
     */
    int run(Invocation invocation) throws InterruptedException;
}
