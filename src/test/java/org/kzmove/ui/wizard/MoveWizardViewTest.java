package org.kzmove.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.KzmoveApplication;
import org.kzmove.app.KzmovePaths;
import org.kzmove.inventory.FreeStorage;
import org.kzmove.migration.MoveRequest;
import org.kzmove.ui.MainView;
import org.kzmove.ui.common.RecordingDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard driven through the real main window against the real Demo host (the simulated host
 * over SSH): an invalid URI, a target the pre-checks refuse, and a valid one reaching the summary.
 */
@ExtendWith(ApplicationExtension.class)
class MoveWizardViewTest {
    /** 8G: smaller than web01's 16G root pool. */
    private static final String SMALL_LUN = "iscsi://zfssa02/luname.naa.600144F07591695D4ECF191A9D79BBC7";
    /** 64G and free. */
    private static final String GOOD_LUN = "iscsi://zfssa02/luname.naa.600144F0FAC180D6B2E6E1B465E55130";

    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<MoveRequest> started = new CopyOnWriteArrayList<>();
    private KzmoveApplication.Console console;

    @Start
    void start(Stage stage) {
        console = KzmoveApplication.wire(new KzmovePaths(dir.resolve("config"), dir.resolve("data")), 30, dialogs);
        MoveActionViewModel moves = new MoveActionViewModel(console.executor(), dialogs, (h, r) -> started.add(r));
        stage.setScene(new Scene(new MainView(console.hosts(), console.zones(), moves, console.jobs(), console.appearance()),
                1100, 640));
        stage.show();
        console.hosts().refreshAll();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void refusesABadUriAndATooSmallTargetThenReachesTheSummaryWithTheExactCommand(FxRobot robot) throws Exception {
        openWizardFor(robot, "web01");
        assertThat(text(robot, "#wizardStep")).isEqualTo("Move the storage of web01 — step 1 of 5: Current disks and pool");
        robot.clickOn("#wizardNext");

        // An invalid URI: the precise problem next to the field, and Next disabled.
        robot.clickOn("#targetUri0").write("iscsi://zfssa02:99999/luname.naa.600144F0FAC180D6B2E6E1B465E55130");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#targetError0")).startsWith("Not a storage URI:").contains("99999").contains("65535");
        assertThat(button(robot, "#wizardNext").isDisabled()).isTrue();

        // The host's free storage is listed, without the zone's own disk.
        ListView<FreeStorage> free = robot.lookup("#freeStorageList").queryListView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !free.getItems().isEmpty());
        assertThat(free.getItems()).extracting(FreeStorage::uri).contains(SMALL_LUN.toLowerCase(), GOOD_LUN.toLowerCase())
                .noneMatch(u -> u.contains("web01/disk0"));

        // A target too small for the pool: the pre-check's error blocks Next.
        setText(robot, "#targetUri0", SMALL_LUN);
        assertThat(text(robot, "#targetError0")).isEmpty();
        robot.clickOn("#wizardNext");
        assertThat(text(robot, "#wizardStep")).endsWith("step 3 of 5: Options");
        robot.clickOn("#wizardNext");
        ListView<PrecheckStepViewModel.Item> findings = robot.lookup("#precheckList").queryListView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !findings.getItems().isEmpty());
        assertThat(findings.getItems()).anySatisfy(i -> assertThat(i.text()).startsWith("Error (" + SMALL_LUN + "): Target "
                + SMALL_LUN + " holds 8G, less than pool 'rpool' of zone 'web01' (16G)"));
        assertThat(button(robot, "#wizardNext").isDisabled()).isTrue();

        // Back to the targets: a good target passes and reaches the summary.
        robot.clickOn("#wizardBack").clickOn("#wizardBack");
        setText(robot, "#targetUri0", GOOD_LUN);
        robot.clickOn("#wizardNext").clickOn("#wizardNext");
        Label status = robot.lookup("#precheckStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#precheckProgress").query().isVisible()
                && !status.getText().startsWith("Running"));
        if (robot.lookup("#acceptWarnings").queryAs(CheckBox.class).isVisible()) {
            robot.clickOn("#acceptWarnings");
        }
        assertThat(status.getText()).doesNotContain("error");
        robot.clickOn("#wizardNext");

        assertThat(text(robot, "#wizardStep")).endsWith("step 5 of 5: Summary");
        String command = robot.lookup("#summaryCommand").queryAs(TextField.class).getText();
        assertThat(command).isEqualTo("pfexec zoneadm -z web01 move -v -p " + GOOD_LUN);
        robot.clickOn("#copyCommand");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo(command);
        assertThat(text(robot, "#summaryDuration")).startsWith("Resilvering 5.6G should take about ");

        robot.clickOn("#wizardStart");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(started).singleElement().satisfies(r -> {
            assertThat(r.zone()).isEqualTo("web01");
            assertThat(r.targets()).extracting(t -> t.uri().text()).containsExactly(GOOD_LUN);
        });
        assertThat(wizardWindows()).as("Start closes the wizard").isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void enterGoesOnAndEscapeCancels(FxRobot robot) throws Exception {
        openWizardFor(robot, "web01");

        robot.type(KeyCode.ENTER);
        assertThat(text(robot, "#wizardStep")).endsWith("step 2 of 5: Target storage");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wizardWindows()).isEmpty();
        assertThat(started).isEmpty();
    }

    private void openWizardFor(FxRobot robot, String zone) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> console.zones().rows().stream().anyMatch(r -> r.name().equals(zone)));
        // Filter the table down to the zone, as a user would: its row may be below the visible rows.
        setText(robot, "#zoneFilterField", zone);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(cellWithText(zone)).tryQuery().isPresent());
        assertThat(button(robot, "#moveButton").isDisabled()).as("nothing selected yet").isTrue();
        robot.clickOn(robot.lookup(cellWithText(zone)).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button(robot, "#moveButton").isDisabled());
        robot.clickOn("#moveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wizardWindows().isEmpty());
    }

    private static List<Window> wizardWindows() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith("Move storage")).toList();
    }

    private static void setText(FxRobot robot, String query, String value) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(() -> field.setText(value));
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }

    private static Button button(FxRobot robot, String query) {
        return robot.lookup(query).queryButton();
    }

    private static Predicate<Node> cellWithText(String text) {
        return n -> n instanceof TableCell<?, ?> cell && text.equals(cell.getText());
    }
}
