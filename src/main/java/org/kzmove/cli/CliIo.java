package org.kzmove.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams a subcommand talks through; tests pass their own. Both output streams are
 * always the {@link SafePrintStream} funnel, so nothing a host sent reaches the terminal raw
 * (issue 10), whatever stream was given and whichever print call forgot to escape.
 */
public record CliIo(InputStream in, PrintStream out, PrintStream err) {
    public CliIo {
        out = SafePrintStream.wrap(out);
        err = SafePrintStream.wrap(err);
    }

    public static CliIo system() {
        return new CliIo(System.in, System.out, System.err);
    }
}
