package org.kzmove.ui.common;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kzmove.remote.ssh.HostKeyTrust.PresentedHostKey;
import org.kzmove.solaris.text.HostText;
import org.tinylog.Logger;

/** Dialogs as JavaFX alerts, owned by the main window so they stay on top of it. */
public final class FxDialogService implements DialogService {
    /** Messages longer than this are shown in a selectable text area rather than a label. */
    private static final int LONG_MESSAGE = 160;

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        showErrorSafe(HostText.forDisplay(title), HostText.forDisplay(message));
    }

    // Titles and messages are escaped at this one funnel (issue 10): they often quote a host's stderr.
    private void showErrorSafe(String title, String message) {
        FxBridge.run(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setTitle("kzmove");
            alert.setHeaderText(title);
            if (message.length() > LONG_MESSAGE) {
                // Long explanations (a changed host key) hold paths and commands the user wants to copy.
                TextArea text = new TextArea(message);
                text.setId("errorMessage");
                text.setEditable(false);
                text.setWrapText(true);
                text.setPrefRowCount(Math.min(12, 2 + message.length() / 70));
                alert.getDialogPane().setContent(text);
                alert.getDialogPane().setPrefWidth(600);
            }
            own(alert);
            alert.show();
        });
    }

    @Override
    public void notify(String rawTitle, String rawMessage, boolean problem) {
        String title = HostText.forDisplay(rawTitle);
        String message = HostText.forDisplay(rawMessage);
        FxBridge.run(() -> {
            Window window = owner.get();
            if (window == null || !window.isShowing()) {
                Logger.info("{}: {}", title, message);
                return;
            }
            Notifications n = Notifications.create().title(title).text(message).owner(window)
                    .hideAfter(Duration.seconds(problem ? 30 : 10));
            if (problem) {
                n.showWarning();
            } else {
                n.showInformation();
            }
        });
    }

    @Override
    public boolean confirm(String rawTitle, String rawMessage, String confirmLabel, String keepLabel) {
        String title = HostText.forDisplay(rawTitle);
        String message = HostText.forDisplay(rawMessage);
        ButtonType go = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(keepLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, go, keep);
        alert.setTitle("kzmove");
        alert.setHeaderText(title);
        own(alert);
        // The safe answer is the default: Enter keeps things as they are.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public boolean trustHostKey(String hostName, PresentedHostKey key) {
        return onFxThreadAndWait(() -> {
            ButtonType trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
            ButtonType refuse = new ButtonType("Do not connect", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.WARNING, "", trust, refuse);
            alert.setTitle("kzmove");
            alert.setHeaderText("Unknown host key for " + hostName);
            TextArea details = new TextArea("Host:        " + key.hostEntry() + "\nKey type:    " + key.keyType()
                    + "\nFingerprint: " + key.fingerprint());
            details.setEditable(false);
            details.setPrefRowCount(3);
            details.setId("hostKeyFingerprint");
            details.setStyle("-fx-font-family: monospace;");
            Label explain = new Label("Neither your ~/.ssh/known_hosts nor kzmove's own known_hosts lists this host's "
                    + "key, so kzmove cannot tell it is the host you mean. Compare the fingerprint below with the one "
                    + "the host shows: on its console, run ssh-keygen -lf /etc/ssh/" + hostKeyFile(key.keyType())
                    + ". If they match and you trust it, kzmove remembers the key in its own known_hosts (never in "
                    + "~/.ssh) and will refuse any other key from this host.");
            explain.setWrapText(true);
            VBox content = new VBox(8, explain, details);
            content.setPadding(new Insets(4, 0, 0, 0));
            alert.getDialogPane().setContent(content);
            alert.getDialogPane().setPrefWidth(560);
            own(alert);
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(trust)).setDefaultButton(false);
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(refuse)).setDefaultButton(true);
            return alert.showAndWait().filter(trust::equals).isPresent();
        }, false);
    }

    @Override
    public Optional<char[]> askSecret(String title, String prompt) {
        return onFxThreadAndWait(() -> {
            Dialog<char[]> dialog = new Dialog<>();
            dialog.setTitle("kzmove");
            dialog.setHeaderText(title);
            PasswordField field = new PasswordField();
            field.setId("secretField");
            Label label = new Label(prompt);
            label.setWrapText(true);
            dialog.getDialogPane().setContent(new VBox(8, label, field));
            dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
            own(dialog);
            dialog.setOnShown(e -> field.requestFocus());
            Optional<char[]> answer = dialog.showAndWait();
            // The field's text is a String and cannot be wiped; at least do not keep a reference to it.
            field.clear();
            return answer;
        }, Optional.empty());
    }

    /** The public host key file of that type on a Solaris host, for the fingerprint check. */
    static String hostKeyFile(String keyType) {
        if (keyType.startsWith("ecdsa")) {
            return "ssh_host_ecdsa_key.pub";
        }
        if (keyType.contains("rsa")) {
            return "ssh_host_rsa_key.pub";
        }
        return "ssh_host_ed25519_key.pub";
    }

    private void own(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            dialog.initOwner(window);
        }
    }

    /** Shows a modal dialog from a background thread and waits for its answer. */
    private static <T> T onFxThreadAndWait(Supplier<T> dialog, T onFailure) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a blocking dialog was asked for on the FX thread");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        FxBridge.run(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onFailure;
        } catch (ExecutionException e) {
            Logger.error(e.getCause(), "A dialog failed");
            return onFailure;
        }
    }
}
