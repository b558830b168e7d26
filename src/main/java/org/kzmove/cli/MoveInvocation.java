package org.kzmove.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.kzmove.app.KzmovePaths;
import org.kzmove.migration.MoveRequest;
import org.kzmove.migration.MoveTarget;
import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.zone.ZoneName;

/** {@code HOST ZONE -p URI [-x id=N] ... [-x force-zpool-attach]} as {@code check} and {@code move} take it. */
record MoveInvocation(HostArguments host, MoveRequest request) {

    /** Reads and checks everything typed; nothing is sent. Duplicated URIs are left for the pre-checks to report. */
    static MoveInvocation parse(List<String> args, KzmovePaths paths)
            throws Options.UsageException, InvalidValueException, IOException {
        List<String> rest = new ArrayList<>();
        List<MoveTarget> targets = new ArrayList<>();
        boolean force = CheckCommand.readTargets(args, rest, targets);
        Options o = HostArguments.parse(rest, Set.of(), Set.of());
        if (o.positional().size() != 2) {
            throw new Options.UsageException("expected HOST and ZONE");
        }
        if (targets.isEmpty()) {
            throw new Options.UsageException("give at least one target with -p URI");
        }
        MoveRequest request = new MoveRequest(ZoneName.validate(o.positional().get(1)), targets, force);
        HostArguments host = HostArguments.resolve(o.positional().get(0), o, paths, System.console());
        return new MoveInvocation(host, request);
    }

    /**
     * Prints why the arguments were refused, the way every host command does, and returns the exit
     * status: 2 for what was typed (nothing sent), 1 when local files could not be read.
     */
    static int refuse(String command, Exception e, CliIo io) {
        io.err().println("kzmove " + command + ": " + e.getMessage());
        if (e instanceof Options.UsageException) {
            io.err().println("Try 'kzmove " + command + " --help'.");
            return ExitCodes.USAGE;
        }
        return e instanceof InvalidValueException ? ExitCodes.USAGE : ExitCodes.ERROR;
    }
}
