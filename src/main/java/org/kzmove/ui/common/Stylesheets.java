package org.kzmove.ui.common;

import java.util.Objects;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The console's style sheets: {@code kzmove.css} always (states, steps, warnings), {@code dark.css}
 * on top while the dark theme is on. Every window of the console follows the one appearance.
 */
public final class Stylesheets {
    private static final String BASE = url("kzmove.css");
    private static final String DARK = url("dark.css");

    private Stylesheets() {
    }

    /**
     * Styles every window the console opens (main window, wizard, dialogs, notifications) now and
     * whenever the appearance changes: one place, so no view has to remember to.
     */
    public static void followAllWindows(AppearanceViewModel appearance) {
        Window.getWindows().forEach(w -> followWindow(w, appearance));
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(w -> followWindow(w, appearance));
            }
        });
        appearance.darkBinding().addListener((obs, was, dark) -> Window.getWindows().forEach(w -> {
            if (w.getScene() != null) {
                apply(w.getScene(), dark);
            }
        }));
    }

    private static void followWindow(Window window, AppearanceViewModel appearance) {
        if (window.getScene() != null) {
            apply(window.getScene(), appearance.darkBinding().get());
        }
        window.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                apply(scene, appearance.darkBinding().get());
            }
        });
    }

    /** Styles {@code scene} now and whenever the appearance changes. */
    public static void follow(Scene scene, AppearanceViewModel appearance) {
        apply(scene, appearance.darkBinding().get());
        appearance.darkBinding().addListener((obs, was, dark) -> apply(scene, dark));
    }

    /** Styles {@code scene} light or dark, once. */
    public static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().removeAll(BASE, DARK);
        scene.getStylesheets().add(BASE);
        if (dark) {
            scene.getStylesheets().add(DARK);
        }
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
    }

    private static String url(String name) {
        return Objects.requireNonNull(Stylesheets.class.getResource("/org/kzmove/ui/" + name), name).toExternalForm();
    }
}
