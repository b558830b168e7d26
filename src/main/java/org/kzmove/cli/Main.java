package org.kzmove.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kzmove.app.KzmovePaths;
import org.tinylog.Logger;

/**
 * The single entry point of the {@code kzmove} launcher: dispatches to a subcommand, or opens the
 * desktop console when there is none. JavaFX is touched only in that case, so the command-line
 * tools start fast and run on machines without a display.
 */
public final class Main {
    private final Map<String, Subcommand> commands = new LinkedHashMap<>();
    private final DesktopConsole console;

    Main(List<Subcommand> subcommands) {
        this(subcommands, DesktopConsole.JAVAFX);
    }

    Main(List<Subcommand> subcommands, DesktopConsole console) {
        this.console = console;
        for (Subcommand c : subcommands) {
            commands.put(c.name(), c);
        }
    }

    static Main standard() {
        return new Main(List.of(new HostsCommand(KzmovePaths.detect()), new ZonesCommand(KzmovePaths::detect),
                new CheckCommand(KzmovePaths::detect), new MoveCommand(KzmovePaths::detect, InterruptSource.sigint()),
                new JobsCommand(KzmovePaths::detect), new AttachCommand(KzmovePaths::detect, InterruptSource.sigint()),
                new ReplayCommand(), new SimCommandLine(KzmovePaths.detect())));
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
        Subcommand command = commands.get(first);
        if (command == null) {
            io.err().println("kzmove: unknown subcommand '" + first + "'. Try 'kzmove --help'.");
            return ExitCodes.USAGE;
        }
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
        for (Subcommand c : commands.values()) {
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
