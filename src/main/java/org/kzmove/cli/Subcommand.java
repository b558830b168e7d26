package org.kzmove.cli;

import java.util.List;

/** One {@code kzmove <name> ...} command. */
public interface Subcommand {
    String name();

    /** One line for {@code kzmove --help}. */
    String summary();

    /** The full usage text printed by {@code kzmove <name> --help} and on usage errors. */
    String usage();

    /** Runs the command; returns the process exit status. Never throws for bad input: prints and returns. */
    int run(List<String> args, CliIo io);
}
