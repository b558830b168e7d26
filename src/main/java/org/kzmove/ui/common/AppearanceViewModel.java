package org.kzmove.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The theme the user chose and whether the console therefore shows dark colours. */
public final class AppearanceViewModel {
    private final ObjectProperty<Theme> theme;
    private final boolean desktopPrefersDark;
    private final BooleanBinding dark;

    public AppearanceViewModel(Theme chosen, boolean desktopPrefersDark) {
        this.theme = new SimpleObjectProperty<>(chosen);
        this.desktopPrefersDark = desktopPrefersDark;
        this.dark = Bindings.createBooleanBinding(() -> theme.get().isDark(desktopPrefersDark), theme);
    }

    /** The user's choice (remembered between runs by the composition root). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public boolean desktopPrefersDark() {
        return desktopPrefersDark;
    }

    /** True while dark colours are shown. */
    public BooleanBinding darkBinding() {
        return dark;
    }
}
