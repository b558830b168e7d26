package org.kzmove.cli;

/** Exit statuses shared by every subcommand (the per-command meaning of 3-5 is documented with each command). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
