package org.kzmove.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a subcommand talks through; tests pass their own. */
public record CliIo(InputStream in, PrintStream out, PrintStream err) {
    public static CliIo system() {
        return new CliIo(System.in, System.out, System.err);
    }
}
