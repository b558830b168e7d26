package org.kzmove.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kzmove.app.ConsoleServices;
import org.kzmove.app.DemoHost;
import org.kzmove.app.KzmoveApplication;
import org.kzmove.app.KzmovePaths;
import org.kzmove.ui.common.AppearanceViewModel;
import org.kzmove.ui.common.Stylesheets;
import org.kzmove.ui.common.Theme;
import org.kzmove.ui.zones.ZoneRow;

/**
 * Takes the README's screenshots from the real console: run under Xvfb with the real glass/GTK
 * toolkit (not Monocle), it opens the main window on the Demo host, selects a zone, goes through the
 * wizard and starts a move, and writes PNG snapshots of the windows as they are drawn.
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1400x900x24" ./mvnw -q -o -Pbench -DskipTests test-compile exec:java \
 *     -Dexec.mainClass=org.kzmove.bench.ScreenshotTour -Dexec.args=docs/screenshots -Dprism.order=sw
 * </pre>
 *
 * Arguments: output directory (default {@code docs/screenshots}), theme LIGHT or DARK (default LIGHT).
 */
public final class ScreenshotTour {
    private static final String ZONE = "db01";
    private static final String TARGET_1 = "iscsi://zfssa02/luname.naa.600144F047BEC1A82EEB3891212E3CEF";
    private static final String TARGET_2 = "iscsi://zfssa02/luname.naa.600144F004A403C2580123A49F7AE7C7";

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Theme theme = args.length > 1 ? Theme.valueOf(args[1]) : Theme.LIGHT;
        String suffix = theme == Theme.DARK ? "-dark" : "";
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("kzmove-tour");
        BenchFx.startPlatform();

        AppearanceViewModel appearance = new AppearanceViewModel(theme, false);
        ConsoleServices services = new ConsoleServices(new KzmovePaths(dir.resolve("config"), dir.resolve("data")),
                Clock.systemUTC());
        KzmoveApplication.Console console = KzmoveApplication.wire(services, DemoHost.TIME_SCALE, new BenchFx.SilentDialogs(),
                appearance);
        Stage stage = BenchFx.onFx(() -> {
            Stylesheets.followAllWindows(appearance);
            Stage s = new Stage();
            console.show(s);
            s.setWidth(1280);
            s.setHeight(800);
            return s;
        });

        await("the Demo host's zones", () -> BenchFx.onFx(() -> console.zones().rows().size() > 5));
        BenchFx.onFx(() -> {
            TableView<ZoneRow> table = lookup(stage.getScene(), "#zonesTable");
            ZoneRow row = table.getItems().stream().filter(r -> r.name().equals(ZONE)).findFirst().orElseThrow();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            return null;
        });
        await("the zone's detail", () -> BenchFx.onFx(() -> !console.zones().detail().disks().isEmpty()));
        settle();
        snapshot(stage.getScene(), out.resolve("main-window" + suffix + ".png"));

        BenchFx.onFx(() -> {
            ((Button) lookup(stage.getScene(), "#moveButton")).fire();
            return null;
        });
        await("the wizard", () -> BenchFx.onFx(() -> wizard().isPresent()));
        Scene wizard = BenchFx.onFx(() -> wizard().orElseThrow().getScene());
        click(wizard, "#wizardNext");
        BenchFx.onFx(() -> {
            ((TextField) lookup(wizard, "#targetUri0")).setText(TARGET_1);
            ((Button) lookup(wizard, "#addTargetButton")).fire();
            return null;
        });
        await("a second target row", () -> BenchFx.onFx(() -> wizard.lookup("#targetUri1") != null));
        BenchFx.onFx(() -> {
            ((TextField) lookup(wizard, "#targetUri1")).setText(TARGET_2);
            return null;
        });
        await("the free storage list", () -> BenchFx.onFx(() -> !((javafx.scene.control.ListView<?>) lookup(wizard,
                "#freeStorageList")).getItems().isEmpty()));
        settle();
        snapshot(wizard, out.resolve("wizard-targets" + suffix + ".png"));
        click(wizard, "#wizardNext");
        click(wizard, "#wizardNext");
        await("the pre-checks", () -> BenchFx.onFx(() -> !lookup(wizard, "#precheckProgress").isVisible()));
        BenchFx.onFx(() -> {
            CheckBox accept = lookup(wizard, "#acceptWarnings");
            if (accept.isVisible() && !accept.isSelected()) {
                accept.fire();
            }
            return null;
        });
        click(wizard, "#wizardNext");
        settle();
        snapshot(wizard, out.resolve("wizard-summary" + suffix + ".png"));
        click(wizard, "#wizardStart");

        await("the move under way", () -> BenchFx.onFx(() -> console.jobs().jobs().stream()
                .anyMatch(j -> j.progressProperty().get() > 0.35)));
        settle();
        snapshot(stage.getScene(), out.resolve("move-in-progress" + suffix + ".png"));
        System.out.println("screenshots written to " + out.toAbsolutePath());
        BenchFx.onFx(() -> {
            console.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static Optional<Window> wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Move storage")).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T lookup(Scene scene, String id) {
        Node n = scene.lookup(id);
        if (n == null) {
            throw new IllegalStateException("no " + id + " in the window");
        }
        return (T) n;
    }

    private static void click(Scene scene, String id) throws Exception {
        BenchFx.onFx(() -> {
            ((Button) lookup(scene, id)).fire();
            return null;
        });
    }

    /** Two pulses' worth of time so layout and CSS have caught up before a snapshot. */
    private static void settle() throws Exception {
        Thread.sleep(600);
        BenchFx.onFx(() -> null);
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean ok() throws Exception;
    }

    private static void snapshot(Scene scene, Path file) throws Exception {
        WritableImage image = BenchFx.onFx(() -> scene.snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        System.out.println("wrote " + file);
    }
}
