package org.kzmove.app;

import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kzmove.ui.MainView;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.FxDialogService;
import org.kzmove.ui.common.FxTaskExecutor;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.ui.hosts.HostsViewModel;
import org.kzmove.ui.jobs.JobsViewModel;
import org.kzmove.ui.jobs.UiThread;
import org.kzmove.ui.zones.ZonesViewModel;
import org.tinylog.Logger;

/**
 * The console's composition root: makes the services (one task executor, the dialog service, the
 * Demo host), hands them to the view models, and puts the main view in the window. The only class
 * outside {@code org.kzmove.ui} that sees a Stage (see LayeringTest and decision 0009).
 */
public final class KzmoveApplication extends Application {
    private Console console;

    /** Everything the console runs on, closed together when the window closes. */
    public record Console(TaskExecutor executor, ConsoleServices services, DemoHost demoHost, HostsViewModel hosts,
            ZonesViewModel zones, JobsViewModel jobs)
            implements AutoCloseable {

        public Parent mainView() {
            return new MainView(hosts, zones, jobs);
        }

        /** Shows the main window in {@code stage}, then reads every host's zones in the background. */
        public void show(Stage stage) {
            stage.setTitle("kzmove");
            stage.setScene(new Scene(mainView(), 1200, 860));
            stage.show();
            hosts.refreshAll();
            // Moves still running on a host from an earlier session, and the finished ones.
            hosts.hosts().forEach(h -> jobs.reattach(h.host()));
        }

        @Override
        public void close() {
            executor.close();
            hosts.hosts().forEach(h -> h.host().close());
            services.close();
        }
    }

    /** Wires the console's services and view models; {@code dialogs} reaches the user. */
    public static Console wire(KzmovePaths paths, double demoTimeScale, DialogService dialogs) {
        TaskExecutor executor = new FxTaskExecutor();
        ConsoleServices services = new ConsoleServices(paths, Clock.systemUTC());
        DemoHost demo = new DemoHost(services, demoTimeScale);
        HostsViewModel hosts = new HostsViewModel(List.of(demo), executor, dialogs);
        JobsViewModel jobs = new JobsViewModel(executor, dialogs, UiThread.fx(), Clock.systemUTC());
        return new Console(executor, services, demo, hosts, new ZonesViewModel(), jobs);
    }

    @Override
    public void start(Stage stage) {
        console = wire(KzmovePaths.detect(), DemoHost.TIME_SCALE, new FxDialogService(() -> stage));
        console.show(stage);
    }

    @Override
    public void stop() {
        if (console != null) {
            Logger.info("Console closing: stopping the Demo host");
            console.close();
        }
    }
}
