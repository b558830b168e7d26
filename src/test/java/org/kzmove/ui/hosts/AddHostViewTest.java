package org.kzmove.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kzmove.app.ConsoleServices;
import org.kzmove.app.KzmovePaths;
import org.kzmove.app.ProfileHosts;
import org.kzmove.remote.profile.HostProfileStore;
import org.kzmove.testsupport.LiveHost;
import org.kzmove.ui.common.FxTaskExecutor;
import org.kzmove.ui.common.RecordingDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The hosts pane and its add-host dialog, driven headless like a user would, saving to a real
 * profile file and connecting to the simulated host over real SSH.
 */
@ExtendWith(ApplicationExtension.class)
class AddHostViewTest {
    @TempDir
    Path dir;

    private final RecordingDialogService dialogs = new RecordingDialogService().trustKeys(true);
    private LiveHost live;
    private KzmovePaths paths;
    private ConsoleServices services;
    private FxTaskExecutor executor;
    private HostsViewModel hosts;
    private Path keyFile;

    @Start
    void start(Stage stage) throws Exception {
        live = LiveHost.demo(dir.resolve("host"));
        keyFile = dir.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(keyFile)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(live.clientKey, "test", null, out);
        }
        paths = new KzmovePaths(dir.resolve("config"), dir.resolve("data"));
        services = new ConsoleServices(paths, Clock.systemUTC());
        executor = new FxTaskExecutor();
        hosts = new HostsViewModel(List.of(), new ProfileHosts(services, dialogs, dir.resolve("home/.ssh/known_hosts")),
                executor, dialogs);
        stage.setScene(new Scene(new HostsView(hosts), 400, 300));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        hosts.hosts().forEach(h -> h.host().close());
        services.close();
        live.close();
    }

    @Test
    void anInvalidPortIsExplainedNextToTheFieldAndSaveIsDisabled(FxRobot robot) {
        robot.clickOn("#addHostButton");
        fill(robot, "sol01", "127.0.0.1", "kzadmin", keyFile.toString());
        Button save = robot.lookup("#saveHostButton").queryButton();
        assertThat(save.isDisabled()).isFalse();

        replace(robot, "#hostPortField", "70000");

        Label error = robot.lookup("#hostPortError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("port '70000': must be between 1 and 65535 (SSH uses 22)");
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#testConnectionButton").queryButton().isDisabled()).isTrue();
        assertThat(paths.hostProfiles()).doesNotExist();
    }

    @Test
    void testConnectionReachesTheSimulatedHostAndSaveListsIt(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        fill(robot, "sol01", "127.0.0.1", "kzadmin", keyFile.toString());
        replace(robot, "#hostPortField", Integer.toString(live.host.port()));

        robot.clickOn("#testConnectionButton");
        Label result = robot.lookup("#testResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> result.getText().startsWith("Connected"));

        assertThat(result.getText()).matches("Connected: Solaris 11\\.4 SRU \\d+, \\d+ zones");
        assertThat(dialogs.keysAsked()).singleElement().satisfies(
                k -> assertThat(k.fingerprint()).isEqualTo(live.host.hostKeyFingerprint()));

        robot.clickOn("#saveHostButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !hosts.hosts().isEmpty()
                && hosts.hosts().get(0).stateProperty().get() == ConnectionState.CONNECTED);

        assertThat(robot.lookup("#addHostView").tryQuery()).as("the dialog closed").isEmpty();
        assertThat(new HostProfileStore(paths.hostProfiles()).list()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("sol01");
            assertThat(p.port()).isEqualTo(live.host.port());
            assertThat(p.keyFile()).isEqualTo(keyFile.toString());
        });
        assertThat(hosts.selectedProperty().get().nameProperty().get()).isEqualTo("sol01");
        assertThat(dialogs.keysAsked()).as("the tested connection was kept").hasSize(1);
        assertThat(dialogs.errors()).isEmpty();

        dialogs.answerConfirmations(true);
        robot.clickOn("#removeHostButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> hosts.hosts().isEmpty());
        assertThat(dialogs.confirmations()).singleElement().satisfies(c -> assertThat(c.title()).isEqualTo("Remove sol01?"));
        assertThat(new HostProfileStore(paths.hostProfiles()).list()).isEmpty();
    }

    private static void fill(FxRobot robot, String name, String address, String user, String key) {
        robot.clickOn("#hostNameField").write(name);
        robot.clickOn("#hostAddressField").write(address);
        robot.clickOn("#hostUserField").write(user);
        robot.clickOn("#keyFileField").write(key);
    }

    private static void replace(FxRobot robot, String field, String text) {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text);
    }
}
