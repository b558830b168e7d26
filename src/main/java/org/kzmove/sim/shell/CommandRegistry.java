package org.kzmove.sim.shell;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.kzmove.sim.command.SimCommand;

/**
 * The programs installed on the simulated host, by name and by path. The shell looks a command up
 * here after stripping {@code nohup}, {@code pfexec} and {@code sudo}; what is not here gets
 * {@code sh: NAME: not found} and status 127.
 *
 * <p>Register a Solaris command by its full path, e.g.
 * {@code registry.register("/usr/sbin/zoneadm", new Zoneadm(host))}: the command is then found as
 * {@code zoneadm} and as {@code /usr/sbin/zoneadm}. A bare name registers the name and
 * {@code /usr/bin/NAME}. Registering a name again replaces the command (tests use this to replace a
 * tool by a fake).
 */
public final class CommandRegistry {
    private final Map<String, SimCommand> commands = new ConcurrentHashMap<>();

    public synchronized CommandRegistry register(String nameOrPath, SimCommand command) {
        if (nameOrPath.startsWith("/")) {
            commands.put(nameOrPath, command);
            commands.put(nameOrPath.substring(nameOrPath.lastIndexOf('/') + 1), command);
        } else if (nameOrPath.contains("/") || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("a command name or an absolute path: " + nameOrPath);
        } else {
            commands.put(nameOrPath, command);
            commands.put("/usr/bin/" + nameOrPath, command);
        }
        return this;
    }

    /**
     * Registers a command only under the names still free: how the shell's own tools are installed,
     * so a command the host model registered first keeps its names.
     */
    public synchronized CommandRegistry registerDefault(String nameOrPath, SimCommand command) {
        String base = nameOrPath.substring(nameOrPath.lastIndexOf('/') + 1);
        String path = nameOrPath.startsWith("/") ? nameOrPath : "/usr/bin/" + nameOrPath;
        commands.putIfAbsent(path, command);
        commands.putIfAbsent(base, command);
        return this;
    }

    /** A name with a slash is looked up as a path only; a bare name as on $PATH. */
    public Optional<SimCommand> lookup(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public boolean contains(String name) {
        return commands.containsKey(name);
    }

    /** Every registered name and path, sorted (for diagnostics). */
    public Set<String> names() {
        return new TreeSet<>(commands.keySet());
    }
}
