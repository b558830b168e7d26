package org.kzmove.migration.job;

import java.util.ArrayList;
import java.util.List;

import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.solaris.InvalidValueException;

/**
 * Where moves keep their output on the host and the commands that read it. One file per move,
 * {@code /var/tmp/kzmove/jobs/<jobId>.out}, written by the detached zoneadm itself, owned by the
 * user who logged in (created without privilege), so any later session of that user can read it.
 */
public final class HostJobFiles {
    public static final String DEFAULT_DIR = "/var/tmp/kzmove/jobs";
    private static final String SUFFIX = ".out";

    private final String dir;

    public HostJobFiles(String dir) {
        this.dir = dir;
    }

    public static HostJobFiles standard() {
        return new HostJobFiles(DEFAULT_DIR);
    }

    public String dir() {
        return dir;
    }

    public String outputFile(JobId id) {
        return dir + "/" + id.value() + SUFFIX;
    }

    public RemoteScript makeDirectory() {
        return RemoteScript.of(build(() -> RemoteCommand.of(Program.MKDIR, Privilege.NONE).flag("-p").path(dir).build()));
    }

    public RemoteScript start(RemoteCommand zoneadm, JobId id) {
        return build(() -> RemoteScript.detached(zoneadm, outputFile(id)));
    }

    /** {@code tail -c +N -f FILE}: everything from byte {@code offset} (0-based) on, then whatever is appended. */
    public RemoteScript follow(JobId id, long offset) {
        return RemoteScript.of(build(() -> RemoteCommand.of(Program.TAIL, Privilege.NONE).flag("-c").fromPosition(offset + 1)
                .flag("-f").path(outputFile(id)).build()));
    }

    /** {@code tail -c +N FILE}: the rest of the file from byte {@code offset} (0-based), once. */
    public RemoteScript readFrom(JobId id, long offset) {
        return RemoteScript.of(build(() -> RemoteCommand.of(Program.TAIL, Privilege.NONE).flag("-c").fromPosition(offset + 1)
                .path(outputFile(id)).build()));
    }

    /** {@code ps -o pid,args -p PID}: exit status 1 and only a header once the process is gone. */
    public static RemoteScript processStatus(long pid) {
        return RemoteScript.of(build(() -> RemoteCommand.of(Program.PS, Privilege.NONE).flag("-o").word("pid,args")
                .flag("-p").number(pid).build()));
    }

    /**
     * SIGINT through the same privilege zoneadm was started with: a pfexec'd zoneadm keeps the user's
     * real uid, so plain kill would do, but a sudo'd one runs as root and only {@code sudo -n kill} may signal it.
     */
    public static RemoteScript interrupt(Privilege privilege, long pid) {
        return RemoteScript.of(build(() -> RemoteCommand.of(Program.KILL, privilege).flag("-INT").number(pid).build()));
    }

    public RemoteScript list() {
        return RemoteScript.of(build(() -> RemoteCommand.of(Program.LS, Privilege.NONE).path(dir).build()));
    }

    /** Job ids among the names {@code ls} printed. */
    public static List<JobId> jobIds(String lsOutput) {
        List<JobId> ids = new ArrayList<>();
        for (String name : lsOutput.split("\n")) {
            String n = name.strip();
            if (n.endsWith(SUFFIX)) {
                String id = n.substring(0, n.length() - SUFFIX.length());
                if (JobId.isValid(id)) {
                    ids.add(new JobId(id));
                }
            }
        }
        return ids;
    }

    private interface Build<T> {
        T get() throws InvalidValueException;
    }

    private static <T> T build(Build<T> b) {
        try {
            return b.get();
        } catch (InvalidValueException e) {
            // Job ids, pids and the directory are made and checked by kzmove itself.
            throw new IllegalStateException("job file command with an invalid argument", e);
        }
    }
}
