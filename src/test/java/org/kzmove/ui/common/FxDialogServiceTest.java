package org.kzmove.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kzmove.remote.ssh.HostKeyTrust.PresentedHostKey;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The blocking dialogs asked from a background thread (an SSH connection in progress), answered by a user. */
@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {
    private static final PresentedHostKey KEY = new PresentedHostKey("[sol01.example.com]:2222", "ssh-ed25519",
            "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");

    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        dialogs = new FxDialogService(() -> stage);
    }

    @Test
    void theTrustDialogShowsTheFingerprintAndTrustsOnlyWhenAsked(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> dialogs.trustHostKey("sol01", KEY));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyFingerprint").tryQuery().isPresent());

        TextArea details = robot.lookup("#hostKeyFingerprint").queryAs(TextArea.class);
        assertThat(details.getText()).contains("[sol01.example.com]:2222", "ssh-ed25519", KEY.fingerprint());
        assertThat(answer).as("the connection waits for the answer").isNotDone();
        press(robot, "Trust and connect");

        assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void enterOnTheTrustDialogRefusesTheKey(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> answer = CompletableFuture.supplyAsync(() -> dialogs.trustHostKey("sol01", KEY));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#hostKeyFingerprint").tryQuery().isPresent());

        robot.type(javafx.scene.input.KeyCode.ENTER);

        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theSecretDialogReturnsWhatWasTypedAndNothingWhenCancelled(FxRobot robot) throws Exception {
        CompletableFuture<Optional<char[]>> typed = CompletableFuture.supplyAsync(
                () -> dialogs.askSecret("Password for sol01", "Enter the password of ann@sol01."));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#secretField").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#secretField").queryAs(PasswordField.class)).write("s3cret");
        press(robot, "OK");
        assertThat(typed.get(10, TimeUnit.SECONDS)).hasValueSatisfying(s -> assertThat(new String(s)).isEqualTo("s3cret"));

        CompletableFuture<Optional<char[]>> cancelled = CompletableFuture.supplyAsync(
                () -> dialogs.askSecret("Password for sol01", "Enter the password of ann@sol01."));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#secretField").tryQuery().isPresent());
        press(robot, "Cancel");
        assertThat(cancelled.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    /** Clicks the dialog button labelled {@code text} once the dialog's window shows it. */
    private static void press(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof Button b
                && text.equals(b.getText()) && b.getScene() != null && b.getScene().getWindow().isShowing()
                && b.isVisible()).tryQuery().isPresent());
        Button button = robot.lookup(n -> n instanceof Button b && text.equals(b.getText())).queryButton();
        robot.clickOn(button);
    }
}
