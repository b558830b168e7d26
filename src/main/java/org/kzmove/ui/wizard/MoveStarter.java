package org.kzmove.ui.wizard;

import org.kzmove.console.ConsoleHost;
import org.kzmove.migration.MoveRequest;

/**
 * What the wizard's Start button hands the move to. The wizard only describes the move; starting
 * and following it (a job view, the jobs list) belongs to whoever gives the wizard this starter.
 * Called on the FX thread: implementations start the move through the task executor.
 */
@FunctionalInterface
public interface MoveStarter {
    void start(ConsoleHost host, MoveRequest request);
}
