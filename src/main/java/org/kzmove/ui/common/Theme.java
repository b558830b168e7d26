package org.kzmove.ui.common;

/** The console's colours: the desktop's choice when it can be detected, or one the user picked. */
public enum Theme {
    SYSTEM("Follow the desktop"),
    LIGHT("Light"),
    DARK("Dark");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether this choice shows dark colours, given what the desktop prefers. */
    public boolean isDark(boolean desktopPrefersDark) {
        return this == DARK || (this == SYSTEM && desktopPrefersDark);
    }
}
