package org.kzmove.migration.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.ProbeThenRead;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.solaris.InvalidValueException;

/**
 * Where moves keep their output on the host and the commands that start, read and stop them. Each
 * login user has a directory of their own, {@code /var/tmp/kzmove-<user>} (mode 700, created by that
 * user without privilege), holding one file per move, {@code <jobId>.out}, written by zoneadm itself:
 * a second administrator never shares, or is locked out of, the first one's directory. Every form
 * here is one that Solaris 11.4's own tools accept (docs/remote-commands.md): {@code mkdir -p -m},
 * {@code ls -ld}, {@code ps -o pid,args -p}, the legacy {@code tail +Nc}, {@code kill -INT}.
 */
public final class HostJobFiles {
    /** Where the per-user directories live on a real host: survives a reboot, unlike swap-backed /tmp. */
    public static final String DEFAULT_BASE = "/var/tmp";
    private static final String PREFIX = "kzmove-";
    private static final String SUFFIX = ".out";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}");

    private final String dir;
    private final String user;

    private HostJobFiles(String dir, String user) {
        this.dir = dir;
        this.user = user;
    }

    /** The job directory of {@code user} under /var/tmp. */
    public static HostJobFiles forUser(String user) {
        return under(DEFAULT_BASE, user);
    }

    /** The job directory of {@code user} under {@code base} (a directory like /var/tmp: sticky, writable by all). */
    public static HostJobFiles under(String base, String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("The login name '" + user + "' cannot name a job directory on the host.");
        }
        String dir = (base.endsWith("/") ? base : base + "/") + PREFIX + user;
        build(() -> RemoteCommand.of(Program.LS, Privilege.NONE).path(dir).build());
        return new HostJobFiles(dir, user);
    }

    public String dir() {
        return dir;
    }

    public String outputFile(JobId id) {
        return dir + "/" + id.value() + SUFFIX;
    }

    /**
     * {@code mkdir -p -m 700 DIR && ls -ld DIR}: creates the directory if needed (private to the user)
     * and lists it, so that {@link #directoryProblem} can check who owns it before anything is started.
     */
    public RemoteScript prepareDirectory() {
        return build(() -> RemoteScript.andThen(
                RemoteCommand.of(Program.MKDIR, Privilege.NONE).flag("-p").flag("-m").number(700).path(dir).build(),
                RemoteCommand.of(Program.LS, Privilege.NONE).flag("-ld").path(dir).build()));
    }

    /**
     * What is wrong with the directory that {@code ls -ld} listed, in words, or empty when it is a
     * directory of the login user that nobody else may write to. A directory made by someone else under
     * this name (or a link) could let them read or replace a move's output: kzmove refuses to use it.
     */
    public Optional<String> directoryProblem(String lsOutput) {
        String line = lsOutput.strip().lines().reduce((a, b) -> b).orElse("");
        String[] f = line.split("\\s+");
        if (f.length < 4 || f[0].length() < 10) {
            return Optional.of("'ls -ld " + dir + "' printed something kzmove cannot read: " + line);
        }
        String mode = f[0];
        String owner = f[2];
        if (mode.charAt(0) != 'd') {
            return Optional.of(dir + " on the host is not a directory (" + mode + "); kzmove will not write moves "
                    + "through it. Remove it, then start the move again.");
        }
        if (!owner.equals(user)) {
            return Optional.of(dir + " on the host belongs to " + owner + ", not to " + user + ", so kzmove will not "
                    + "keep " + user + "'s moves there. Ask " + owner + " or the host's administrator to remove it.");
        }
        if (mode.charAt(5) == 'w' || mode.charAt(8) == 'w') {
            return Optional.of(dir + " on the host can be written by others (" + mode + "); make it private with "
                    + "'chmod 700 " + dir + "', then start the move again.");
        }
        return Optional.empty();
    }

    /** {@code echo $$; exec nohup PRIV zoneadm ... > FILE 2>&1 < /dev/null} (see {@link RemoteScript#foregroundExec}). */
    public RemoteScript start(RemoteCommand zoneadm, JobId id) {
        return build(() -> RemoteScript.foregroundExec(zoneadm, outputFile(id)));
    }

    /**
     * One look at a move: {@code ps -o pid,args -p PID} (is zoneadm still there?), then
     * {@code tail +Nc FILE}, everything from byte {@code offset} (0-based) on. The look comes first, so
     * when it finds zoneadm gone the read has all that zoneadm ever wrote. Without a pid only the read.
     */
    public static RemoteScript poll(String file, long offset, Long pid, String marker) {
        return build(() -> {
            RemoteCommand read = RemoteCommand.of(Program.TAIL, Privilege.NONE).fromByte(offset + 1).path(file).build();
            if (pid == null) {
                return RemoteScript.of(read);
            }
            return RemoteScript.probeThenRead(marker, processStatusCommand(pid), read);
        });
    }

    /** What a {@link #poll} with a pid saw; empty when its output was cut short. */
    public static Optional<Look> look(String stdout, String marker, long pid) {
        return ProbeThenRead.split(stdout, marker).map(p -> new Look(zoneadmAlive(p.probeOutput(), pid), p.readOutput()));
    }

    /**
     * @param zoneadm whether ps listed zoneadm under its pid; empty when ps's answer was not one kzmove
     *                can read (then nothing may be concluded from it)
     * @param text    the job file from the polled offset on
     */
    public record Look(Optional<Boolean> zoneadm, String text) {
    }

    /**
     * Reads {@code ps -o pid,args -p PID}: alive when a line starts with the pid and names zoneadm (a pid
     * reused by another program after zoneadm ended is not zoneadm); gone when ps printed its header and
     * no such line; unknown otherwise (ps itself failed).
     */
    static Optional<Boolean> zoneadmAlive(String psOutput, long pid) {
        List<String> lines = psOutput.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.get(0).contains("PID")) {
            return Optional.empty();
        }
        String prefix = pid + " ";
        return Optional.of(lines.stream().skip(1).map(String::strip)
                .anyMatch(l -> l.startsWith(prefix) && l.contains("zoneadm")));
    }

    private static RemoteCommand processStatusCommand(long pid) throws InvalidValueException {
        return RemoteCommand.of(Program.PS, Privilege.NONE).flag("-o").word("pid,args").flag("-p").number(pid).build();
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
