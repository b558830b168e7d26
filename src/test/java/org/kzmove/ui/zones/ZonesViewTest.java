package org.kzmove.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.awt.image.BufferedImage;

import javax.imageio.ImageIO;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kzmove.solaris.zone.ZoneState;
import org.kzmove.ui.common.RecordingDialogService;
import org.kzmove.ui.common.SameThreadTaskExecutor;
import org.kzmove.ui.hosts.FakeHostSource;
import org.kzmove.ui.hosts.HostViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real zones table and zone detail, driven headless (Monocle) with the mouse and keyboard, over
 * a hand-made host: db01 (mirror resilvering, a data disk), web01 (live configuration differs),
 * test01 (installed), infra01 (a solaris zone).
 */
@ExtendWith(ApplicationExtension.class)
class ZonesViewTest {
    private ZonesViewModel zones;
    private SplitPane root;

    @Start
    void start(Stage stage) {
        zones = new ZonesViewModel();
        HostViewModel host = new HostViewModel(new FakeHostSource("Demo host").answers(ZoneInventories.host()),
                SameThreadTaskExecutor.immediate(), new RecordingDialogService());
        zones.hostProperty().set(host);
        host.refresh();
        root = new SplitPane(new ZonesView(zones), new ZoneDetailView(zones.detail()));
        root.setOrientation(Orientation.VERTICAL);
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
    }

    private static TableView<ZoneRow> table(FxRobot robot) {
        return robot.lookup("#zonesTable").queryTableView();
    }

    private static List<String> shownZones(FxRobot robot) {
        return table(robot).getItems().stream().map(ZoneRow::name).toList();
    }

    private static Optional<Node> cell(FxRobot robot, String text) {
        return robot.lookup("#zonesTable").lookup((Node n) -> n instanceof TableCell<?, ?> c && text.equals(c.getText()))
                .tryQuery();
    }

    @Test
    void typingInTheFilterShrinksTheRows(FxRobot robot) {
        assertThat(shownZones(robot)).containsExactly("db01", "web01", "test01", "infra01");

        robot.clickOn("#zoneFilterField").write("web");

        assertThat(shownZones(robot)).containsExactly("web01");
        assertThat(robot.lookup("#zoneCount").queryAs(Label.class).getText()).isEqualTo("1 of 4 zones");

        robot.interact(() -> robot.lookup("#zoneFilterField").queryAs(TextField.class).clear());
        robot.clickOn("#zoneFilterField").write("zfssa01");
        assertThat(shownZones(robot)).as("matched by disk URI").containsExactly("db01");

        robot.type(KeyCode.ESCAPE);
        assertThat(shownZones(robot)).as("Esc clears the filter").hasSize(4);
    }

    @Test
    void theStateFilterShowsOneState(FxRobot robot) {
        ComboBox<ZoneStateFilter> state = robot.lookup("#zoneStateFilter").queryComboBox();
        assertThat(state.getValue()).isEqualTo(ZoneStateFilter.ALL);

        robot.clickOn(state);
        // The drop-down's own cell: the table has an "installed" cell too.
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && "installed".equals(c.getText()))
                .queryAs(Node.class));

        assertThat(state.getValue()).isEqualTo(new ZoneStateFilter(ZoneState.INSTALLED));
        assertThat(shownZones(robot)).containsExactly("test01");
    }

    @Test
    void selectingAZoneShowsItsDisksAndPoolTree(FxRobot robot) {
        Label placeholder = robot.lookup("#zoneDetailPlaceholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).isEqualTo("Select a zone to see its disks and root pool.");

        robot.clickOn(cell(robot, "db01").orElseThrow());

        assertThat(placeholder.isVisible()).isFalse();
        TableView<DiskRow> disks = robot.lookup("#zoneDisksTable").queryTableView();
        assertThat(disks.isVisible()).isTrue();
        assertThat(disks.getItems()).extracting(DiskRow::disk, DiskRow::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1d0", "boot"),
                        org.assertj.core.groups.Tuple.tuple("c1d1", "boot"),
                        org.assertj.core.groups.Tuple.tuple("c1d2", "data"));
        assertThat(robot.lookup("#zoneDisksTable").lookup((Node n) -> n instanceof TableCell<?, ?> c
                && "/dev/dsk/c0t5000CCA01E6F0464d0".equals(c.getText())).tryQuery()).as("mapped device cell").isPresent();

        TreeView<PoolNode> tree = robot.lookup("#zonePoolTree").query();
        TreeItem<PoolNode> pool = tree.getRoot();
        assertThat(pool.getValue().label()).isEqualTo("rpool  DEGRADED");
        TreeItem<PoolNode> mirror = pool.getChildren().get(0);
        assertThat(mirror.isExpanded()).isTrue();
        assertThat(mirror.getChildren()).extracting(i -> i.getValue().name()).containsExactly("c1d0", "c1d1");
        assertThat(robot.lookup("#zonePoolSummary").queryAs(Label.class).getText())
                .isEqualTo("Root pool rpool · DEGRADED · size 200G · allocated 131G (65 %) · free 69G");
        assertThat(robot.lookup("#configMismatchWarning").queryAs(Label.class).isVisible()).isFalse();
        snapshot(robot, "zone-detail-db01.png");
    }

    @Test
    void aZoneWhoseLiveConfigurationDiffersShowsTheWarning(FxRobot robot) {
        robot.clickOn(cell(robot, "web01").orElseThrow());

        Label warning = robot.lookup("#configMismatchWarning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).startsWith("Warning: The live and persistent configurations of web01 differ")
                .contains("zoneadm move refuses this zone");
        assertThat(warning.getHeight()).as("laid out, not collapsed").isPositive();
        snapshot(robot, "zone-detail-web01.png");
    }

    @Test
    void aZoneThatIsNotRunningSaysWhyItHasNoPool(FxRobot robot) {
        robot.clickOn(cell(robot, "test01").orElseThrow());

        assertThat(robot.lookup("#zonePoolTree").query().isVisible()).isFalse();
        assertThat(robot.lookup("#zonePoolMessage").queryAs(Label.class).getText()).startsWith("test01 is installed, not running");
    }

    @Test
    void selectingSeveralZonesEmptiesTheDetail(FxRobot robot) {
        robot.clickOn(cell(robot, "db01").orElseThrow());
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, "test01").orElseThrow()).release(KeyCode.SHIFT);

        assertThat(zones.selectedRows()).extracting(ZoneRow::name).containsExactly("db01", "web01", "test01");
        assertThat(zones.selectedZoneProperty().get()).isNull();
        Label placeholder = robot.lookup("#zoneDetailPlaceholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).startsWith("3 zones are selected");
    }

    @Test
    void theJobColumnShowsALabelAsSoonAsItIsPut(FxRobot robot) throws TimeoutException {
        robot.interact(() -> zones.jobLabels().put(new ZoneKey("Demo host", "db01"), "moving · 42 %"));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "moving · 42 %").isPresent());

        robot.interact(() -> zones.jobLabels().put(new ZoneKey("Demo host", "db01"), "moving · 43 %"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cell(robot, "moving · 43 %").isPresent());
        assertThat(cell(robot, "moving · 42 %")).isEmpty();
    }

    @Test
    void theSelectionSurvivesSortingByAColumn(FxRobot robot) {
        robot.clickOn(cell(robot, "web01").orElseThrow());

        robot.clickOn(robot.lookup(".column-header").lookup((Node n) -> n instanceof Label l && "Zone".equals(l.getText()))
                .queryAs(Node.class));

        assertThat(shownZones(robot)).containsExactly("db01", "infra01", "test01", "web01");
        assertThat(zones.selectedZoneProperty().get().name()).isEqualTo("web01");
        snapshot(robot, "zones-view.png");
    }

    /** With -Dkzmove.snapshotDir=DIR, writes what the view looks like (for a human; nothing is asserted). */
    private void snapshot(FxRobot robot, String name) {
        String dir = System.getProperty("kzmove.snapshotDir");
        if (dir == null) {
            return;
        }
        robot.interact(() -> {
            try {
                Files.createDirectories(Path.of(dir));
                WritableImage image = root.snapshot(null, null);
                BufferedImage png = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                        BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < png.getHeight(); y++) {
                    for (int x = 0; x < png.getWidth(); x++) {
                        png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                    }
                }
                ImageIO.write(png, "png", Path.of(dir, name).toFile());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
