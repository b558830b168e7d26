package org.kzmove.remote.command;

import java.util.List;
import java.util.Objects;

import org.kzmove.solaris.InvalidValueException;

/**
 * The few shell compositions kzmove sends, built from {@link RemoteCommand}s and fixed operators.
 * No operator here ever comes from user input.
 */
public final class RemoteScript {
    private final String line;

    private RemoteScript(String line) {
        this.line = line;
    }

    public static RemoteScript of(RemoteCommand command) {
        return new RemoteScript(command.toShellLine());
    }

    /**
     * Starts {@code command} detached from the SSH session: immune to SIGHUP ({@code nohup}), with
     * no terminal, stdin from /dev/null and both output streams appended to {@code outputFile}, then
     * prints its process id. The move keeps running if the connection drops or the console exits
     * (docs/decisions/0006-moves-run-detached-on-the-host.md).
     */
    public static RemoteScript detached(RemoteCommand command, String outputFile) throws InvalidValueException {
        String file = RemoteCommand.of(Program.CAT, Privilege.NONE).path(outputFile).build().words().get(1);
        return new RemoteScript("nohup " + command.toShellLine() + " > " + ShellQuoting.quote(file)
                + " 2>&1 < /dev/null & echo $!");
    }

    /** Runs {@code first}, then {@code second} only if the first succeeded. */
    public static RemoteScript andThen(RemoteCommand first, RemoteCommand second) {
        return new RemoteScript(first.toShellLine() + " && " + second.toShellLine());
    }

    /**
     * Runs each command in turn whatever their status, each with stderr merged into stdout and
     * followed by a line {@code <marker> <exit status>}: many commands in one round trip, whose
     * outputs can still be told apart ({@link SequenceOutput}).
     */
    public static RemoteScript sequence(String marker, List<RemoteCommand> commands) throws InvalidValueException {
        RemoteCommand echo = RemoteCommand.of(Program.ECHO, Privilege.NONE).word(marker).build();
        StringBuilder sb = new StringBuilder();
        for (RemoteCommand c : commands) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(Objects.requireNonNull(c).toShellLine()).append(" 2>&1; ").append(echo.toShellLine()).append(" $?");
        }
        return new RemoteScript(sb.toString());
    }

    public String line() {
        return line;
    }

    @Override
    public String toString() {
        return line;
    }
}
