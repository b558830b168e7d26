package org.kzmove.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        HostArguments.Resolved r = HostArguments.resolvePositionals(rest, 2, "HOST and ZONE", paths);
        if (targets.isEmpty()) {
            throw new Options.UsageException("give at least one target with -p URI");
        }
        return new MoveInvocation(r.host(), new MoveRequest(ZoneName.validate(r.rest().get(0)), targets, force));
    }

}
