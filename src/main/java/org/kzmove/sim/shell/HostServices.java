package org.kzmove.sim.shell;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.kzmove.sim.audit.CommandAudit;
import org.kzmove.sim.clock.SimClock;
import org.kzmove.sim.fs.SimFileSystem;
import org.kzmove.sim.process.SimProcessTable;

/**
 * Everything one simulated host shares between its SSH sessions: name, users, clock, files,
 * installed commands, process table, audit, and the one executor its processes run on.
 */
public record HostServices(String hostname, SimUsers users, SimClock clock, SimFileSystem files,
        CommandRegistry registry, SimProcessTable processes, CommandAudit audit, ExecutorService executor) {

    /** INVENTED: build numbers of an 11.4 SRU48-or-later kernel; no real uname output was at hand. */
    public static final String SOLARIS_VERSION = "11.4.48.126.2";
    public static final String SOLARIS_RELEASE = "5.11";

    public HostServices {
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(processes, "processes");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(executor, "executor");
    }

}
