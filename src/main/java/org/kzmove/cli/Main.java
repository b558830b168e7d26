package org.kzmove.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.kzmove.app.KzmovePaths;
import org.tinylog.Logger;

/**
 * The single entry point of the {@code kzmove} launcher: dispatches to a subcommand, or opens the
 * desktop console when there is none. JavaFX is touched only in that case, so the command-line
 * tools start fast and run on machines without a display.
 */
public final class Main {
    /**
     * A subcommand as {@code kzmove --help} lists it, built only when it runs: building them all up
     * front loaded Jackson, sshj and BouncyCastle for a help text (kzmove's start time is a feature).
     */
    record Listed(String name, String summary, Supplier<Subcommand> build) {
    }

    private final Map<String, Listed> commands = new LinkedHashMap<>();
    private final DesktopConsole console;

    Main(List<Subcommand> subcommands) {
        this(subcommands, DesktopConsole.JAVAFX);
    }

    Main(List<Subcommand> subcommands, DesktopConsole console) {
        this(console, subcommands.stream().map(c -> new Listed(c.name(), c.summary(), () -> c)).toList());
    }

    private Main(DesktopConsole console, List<Listed> listed) {
        this.console = console;
        for (Listed c : listed) {
            commands.put(c.name(), c);
        }
    }

    static Main standard() {
        return new Main(DesktopConsole.JAVAFX, List.of(
                new Listed(HostsCommand.NAME, HostsCommand.SUMMARY, () -> new HostsCommand(KzmovePaths.detect())),
                new Listed(ZonesCommand.NAME, ZonesCommand.SUMMARY, () -> new ZonesCommand(KzmovePaths::detect)),
                new Listed(CheckCommand.NAME, CheckCommand.SUMMARY, () -> new CheckCommand(KzmovePaths::detect)),
                new Listed(MoveCommand.NAME, MoveCommand.SUMMARY,
                        () -> new MoveCommand(KzmovePaths::detect, InterruptSource.sigint())),
                new Listed(JobsCommand.NAME, JobsCommand.SUMMARY, () -> new JobsCommand(KzmovePaths::detect)),
                new Listed(AttachCommand.NAME, AttachCommand.SUMMARY,
                        () -> new AttachCommand(KzmovePaths::detect, InterruptSource.sigint())),
                // A lambda, not ReplayCommand::new: a constructor reference loads the class when it is made.
                new Listed(ReplayCommand.NAME, ReplayCommand.SUMMARY, () -> new ReplayCommand()),
                new Listed(SimCommandLine.NAME, SimCommandLine.SUMMARY, () -> new SimCommandLine(KzmovePaths.detect()))));
    }

    Listed listed(String name) {
        return commands.get(name);
    }

    /** The names {@code kzmove --help} lists, in its order. */
    List<String> names() {
        return List.copyOf(commands.keySet());
    }

    public static void main(String[] args) {
        guardStandardStreams();
        int status = standard().run(List.of(args), CliIo.system());
        System.out.flush();
        System.exit(status);
    }

    /**
     * Puts the print funnel under System.out and System.err too: tinylog's console writer prints
     * warnings to whatever System.err is when it writes, and they quote host text (remote stderr).
     */
    static void guardStandardStreams() {
        System.setOut(SafePrintStream.wrap(System.out));
        System.setErr(SafePrintStream.wrap(System.err));
    }

    int run(List<String> args, CliIo io) {
        if (args.isEmpty()) {
            return console.open(io);
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            printHelp(io);
            return ExitCodes.OK;
        }
        if (first.equals("--version")) {
            io.out().println("kzmove " + version());
            return ExitCodes.OK;
        }
        Listed listed = commands.get(first);
        if (listed == null) {
            io.err().println("kzmove: unknown subcommand '" + first + "'. Try 'kzmove --help'.");
            return ExitCodes.USAGE;
        }
        Subcommand command = listed.build().get();
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            io.out().print(command.usage());
            return ExitCodes.OK;
        }
        try {
            return command.run(rest, io);
        } catch (RuntimeException e) {
            // A bug, not bad input: log the trace once, show one line.
            Logger.error(e, "kzmove {} failed unexpectedly", first);
            io.err().println("kzmove " + first + ": internal error: " + e + " (details in the log)");
            return ExitCodes.ERROR;
        }
    }

    private void printHelp(CliIo io) {
        io.out().println("Usage: kzmove [<subcommand> [options...]]");
        io.out().println();
        io.out().println("Moves the storage of running Solaris kernel zones (zoneadm move), with checks,");
        io.out().println("progress and rollback. With no subcommand, starts the desktop console.");
        io.out().println();
        io.out().println("Subcommands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(8);
        for (Listed c : commands.values()) {
            io.out().printf("  %-" + width + "s  %s%n", c.name(), c.summary());
        }
        io.out().println();
        io.out().println("'kzmove <subcommand> --help' describes one subcommand.");
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
