package org.kzmove.remote.command;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.kzmove.solaris.InvalidValueException;

/**
 * The few shell compositions kzmove sends, built from {@link RemoteCommand}s and fixed operators.
 * No operator here ever comes from user input.
 */
public final class RemoteScript {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String line;

    private RemoteScript(String line) {
        this.line = line;
    }

    public static RemoteScript of(RemoteCommand command) {
        return new RemoteScript(command.toShellLine());
    }

    /**
     * Starts {@code command} in the foreground of the login shell, replacing it ({@code exec}), with
     * SIGHUP ignored ({@code nohup}), no terminal, stdin from /dev/null and both output streams in
     * {@code outputFile}; the shell first prints its own pid, which the command keeps. A foreground
     * command inherits the shell's signal dispositions, so SIGINT is not ignored as it would be for
     * an asynchronous list ({@code &}) of a non-interactive shell (POSIX), and a later
     * {@code kill -INT} reaches it whatever it does with an inherited ignore. The SSH channel sees
     * EOF on stdout and stderr as soon as the exec has happened; anything on stderr is the shell's
     * own complaint (the file could not be created)
     * (docs/decisions/0013-moves-start-in-the-foreground-of-their-own-connection.md).
     */
    public static RemoteScript foregroundExec(RemoteCommand command, String outputFile) throws InvalidValueException {
        String file = RemoteCommand.of(Program.CAT, Privilege.NONE).path(outputFile).build().words().get(1);
        return new RemoteScript("echo $$; exec " + RemoteCommand.of(Program.NOHUP, Privilege.NONE).build().toShellLine()
                + " " + command.toShellLine() + " > " + ShellQuoting.quote(file) + " 2>&1 < /dev/null");
    }

    /**
     * Runs {@code probe} with stderr merged and its exit status after a line {@code <marker> N}, then
     * {@code read} with its own stdout, stderr and exit status as the channel's: a look and a read in
     * one round trip, whose outputs cannot be confused ({@link ProbeThenRead}).
     */
    public static RemoteScript probeThenRead(String marker, RemoteCommand probe, RemoteCommand read)
            throws InvalidValueException {
        RemoteCommand echo = RemoteCommand.of(Program.ECHO, Privilege.NONE).word(marker).build();
        return new RemoteScript(probe.toShellLine() + " 2>&1; " + echo.toShellLine() + " $?; " + read.toShellLine());
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

    /** A marker no command's output can contain by chance: it separates the outputs within one script. */
    public static String newMarker() {
        byte[] nonce = new byte[6];
        RANDOM.nextBytes(nonce);
        return "kzmove-end-" + HexFormat.of().formatHex(nonce);
    }

    public String line() {
        return line;
    }

    @Override
    public String toString() {
        return line;
    }
}
