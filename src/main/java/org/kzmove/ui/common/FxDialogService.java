package org.kzmove.ui.common;

import java.util.function.Supplier;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Dialogs as JavaFX alerts, owned by the main window so they stay on top of it. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        FxBridge.run(() -> {
            Alert alert = new Alert(Alert.AlertType.ERROR, message);
            alert.setTitle("kzmove");
            alert.setHeaderText(title);
            Window window = owner.get();
            if (window != null) {
                alert.initOwner(window);
            }
            alert.show();
        });
    }
}
