package org.kzmove.ui.hosts;

/** Where the console stands with one host. */
public enum ConnectionState {
    NOT_CONNECTED("not connected"),
    CONNECTING("connecting…"),
    CONNECTED("connected"),
    FAILED("failed");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    /** Lower-case words for the hosts list and the status bar. */
    public String label() {
        return label;
    }
}
