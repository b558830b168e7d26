package org.kzmove.ui.wizard;

import org.kzmove.console.ConsoleHost;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.engine.MoveListener;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.TaskExecutor;

/**
 * A minimal {@link MoveStarter}: starts the move in the background and says whether it started.
 * The jobs view replaces it with one that also follows the move; until then the engine follows it
 * and records it in the job store.
 */
public final class BackgroundMoveStarter implements MoveStarter {
    private final TaskExecutor executor;
    private final DialogService dialogs;

    public BackgroundMoveStarter(TaskExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
    }

    @Override
    public void start(ConsoleHost host, MoveRequest request) {
        executor.submit(() -> host.startMove(request, MoveListener.NONE),
                job -> dialogs.notify("Move started", "The storage of " + request.zone() + " on " + host.name()
                        + " is moving.", false),
                failure -> dialogs.showError("Cannot start the move of " + request.zone(), failure.getMessage()));
    }
}
