package org.kzmove.app;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.application.Application;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kzmove.ui.MainView;
import org.kzmove.ui.common.AppearanceViewModel;
import org.kzmove.ui.common.DialogService;
import org.kzmove.ui.common.FxDialogService;
import org.kzmove.ui.common.FxTaskExecutor;
import org.kzmove.ui.common.Stylesheets;
import org.kzmove.ui.common.TaskExecutor;
import org.kzmove.ui.common.Theme;
import org.kzmove.ui.hosts.ConnectionState;
import org.kzmove.ui.hosts.HostViewModel;
import org.kzmove.ui.hosts.HostsViewModel;
import org.kzmove.ui.jobs.JobsViewModel;
import org.kzmove.ui.jobs.UiThread;
import org.kzmove.ui.wizard.MoveActionViewModel;
import org.kzmove.ui.zones.ZoneKey;
import org.kzmove.ui.zones.ZonesViewModel;
import org.tinylog.Logger;

/**
 * The console's composition root: makes the services (one task executor, the dialog service, the
 * Demo host and the saved hosts), hands them to the view models, connects the view models to each
 * other, and puts the main view in the window. The only class outside {@code org.kzmove.ui} that
 * sees a Stage (see LayeringTest and decision 0009).
 *
 * <p>What touches the disk before the window opens (the remembered settings, the desktop's theme,
 * the icon) happens in {@link #init()}, on the JavaFX launcher thread, never on the FX thread.
 */
public final class KzmoveApplication extends Application {
    /** The settings writer started at exit; the launcher waits for it before the JVM ends. */
    private static volatile Thread settingsWriter;

    private KzmovePaths paths;
    private ConsoleSettings settings = ConsoleSettings.DEFAULTS;
    private boolean desktopPrefersDark;
    private Image icon;
    private Console console;
    private MainView mainView;
    private Stage stage;

    /** Everything the console runs on, closed together when the window closes. */
    public record Console(TaskExecutor executor, ConsoleServices services, DemoHost demoHost, HostsViewModel hosts,
            ZonesViewModel zones, MoveActionViewModel moves, JobsViewModel jobs, AppearanceViewModel appearance)
            implements AutoCloseable {

        public MainView mainView() {
            return new MainView(hosts, zones, moves, jobs, appearance);
        }

        /** Shows the main window in {@code stage} at the default size, then starts reading the hosts. */
        public void show(Stage stage) {
            stage.setTitle("kzmove");
            stage.setScene(new Scene(mainView(), ConsoleSettings.DEFAULTS.width(), ConsoleSettings.DEFAULTS.height()));
            stage.show();
            start();
        }

        /**
         * Reads every host's zones and the saved hosts in the background; each host's moves are
         * re-attached (and its history listed) once it is first connected.
         */
        public void start() {
            hosts.refreshAll();
            hosts.loadSavedHosts();
        }

        @Override
        public void close() {
            executor.close();
            hosts.hosts().forEach(h -> h.host().close());
            services.close();
        }
    }

    /** Wires the console with the default appearance (tests). */
    public static Console wire(KzmovePaths paths, double demoTimeScale, DialogService dialogs) {
        return wire(new ConsoleServices(paths, Clock.systemUTC()), demoTimeScale, dialogs,
                new AppearanceViewModel(Theme.SYSTEM, false));
    }

    /** Wires the console's services and view models; {@code dialogs} reaches the user. */
    public static Console wire(ConsoleServices services, double demoTimeScale, DialogService dialogs,
            AppearanceViewModel appearance) {
        return wire(services, new DemoHost(services, demoTimeScale), dialogs, appearance);
    }

    /** Wires the console around a given Demo host (benchmarks use a larger scenario). */
    public static Console wire(ConsoleServices services, DemoHost demo, DialogService dialogs,
            AppearanceViewModel appearance) {
        TaskExecutor executor = new FxTaskExecutor();
        ProfileHosts saved = new ProfileHosts(services, dialogs, ProfileHosts.userKnownHosts());
        HostsViewModel hosts = new HostsViewModel(List.of(demo), saved, executor, dialogs);
        ZonesViewModel zones = new ZonesViewModel();
        JobsViewModel jobs = new JobsViewModel(executor, dialogs, UiThread.fx(), services.clock());
        MoveActionViewModel moves = new MoveActionViewModel(executor, dialogs, jobs::start);

        // The zones table shows each zone's latest move.
        jobs.zoneLabels().addListener((MapChangeListener<ZoneKey, String>) change -> {
            if (change.wasAdded()) {
                zones.jobLabels().put(change.getKey(), change.getValueAdded());
            } else if (change.wasRemoved()) {
                zones.jobLabels().remove(change.getKey());
            }
        });
        // A move that ended changed its zone's disks: read that host's zones again.
        jobs.onMoveEnded(hostName -> hosts.hosts().stream().filter(h -> h.nameProperty().get().equals(hostName))
                .findFirst().ifPresent(HostViewModel::refresh));
        // A host's moves are looked for once it is first reached (saved hosts join the list later).
        hosts.hosts().forEach(h -> reattachWhenConnected(h, jobs));
        hosts.hosts().addListener((ListChangeListener<HostViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(h -> reattachWhenConnected(h, jobs));
            }
        });
        return new Console(executor, services, demo, hosts, zones, moves, jobs, appearance);
    }

    private static void reattachWhenConnected(HostViewModel host, JobsViewModel jobs) {
        ChangeListener<ConnectionState> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends ConnectionState> obs, ConnectionState was,
                    ConnectionState now) {
                if (now == ConnectionState.CONNECTED) {
                    host.stateProperty().removeListener(this);
                    jobs.reattach(host.host());
                }
            }
        };
        host.stateProperty().addListener(once);
    }

    @Override
    public void init() {
        paths = KzmovePaths.detect();
        settings = ConsoleSettings.load(paths.consoleSettings());
        desktopPrefersDark = DesktopAppearance.prefersDark();
        icon = new Image(KzmoveApplication.class.getResource("/org/kzmove/ui/kzmove.png").toExternalForm());
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        AppearanceViewModel appearance = new AppearanceViewModel(settings.theme(), desktopPrefersDark);
        Stylesheets.followAllWindows(appearance);
        console = wire(new ConsoleServices(paths, Clock.systemUTC()), DemoHost.TIME_SCALE,
                new FxDialogService(() -> primary), appearance);
        mainView = console.mainView();
        primary.setTitle("kzmove");
        primary.getIcons().add(icon);
        primary.setScene(new Scene(mainView, settings.width(), settings.height()));
        place(primary, settings);
        primary.show();
        mainView.restoreDividerPositions(settings.dividers());
        console.start();
    }

    /** Puts the window where it was, if that place is still on a screen; otherwise centred. */
    private static void place(Stage stage, ConsoleSettings s) {
        if (s.placed() && !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), 100, 100)).isEmpty()) {
            stage.setX(s.x());
            stage.setY(s.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(s.maximized());
    }

    @Override
    public void stop() {
        if (console == null) {
            return;
        }
        ConsoleSettings now = new ConsoleSettings(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), mainView.dividerPositions(), console.appearance().themeProperty().get());
        Logger.info("Console closing: stopping the Demo host");
        console.close();
        // Written off the FX thread; ConsoleLauncher waits for it before the JVM ends.
        Thread writer = new Thread(() -> {
            try {
                now.save(paths.consoleSettings());
            } catch (IOException e) {
                Logger.warn("Cannot remember the window layout in {}: {}", paths.consoleSettings(), e.getMessage());
            }
        }, "kzmove-settings-writer");
        settingsWriter = writer;
        writer.start();
    }

    /**
     * Waits (on the launcher's thread, after the window closed) until the settings are written: the
     * command line ends the JVM with {@code System.exit}, which would cut the write short.
     */
    static void awaitSettingsSaved(long millis) throws InterruptedException {
        Thread writer = settingsWriter;
        if (writer != null) {
            writer.join(millis);
        }
    }
}
