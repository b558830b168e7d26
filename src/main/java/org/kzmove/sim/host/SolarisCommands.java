package org.kzmove.sim.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.kzmove.sim.command.SimCommand;

/** The Solaris commands of a simulated host, for the shell's command registry. */
public final class SolarisCommands {
    private SolarisCommands() {
    }

    /** Registers {@code zoneadm}, {@code zonecfg}, {@code zlogin}, {@code suriadm}, {@code zfs}, {@code iostat -En} and {@code zdb -l} with their full paths. */
    public static void registerAll(HostModel host, BiConsumer<String, SimCommand> register) {
        commands(host).forEach(register);
    }

    /** Name (and {@code /usr/sbin/name}) to command. */
    public static Map<String, SimCommand> commands(HostModel host) {
        Map<String, SimCommand> byName = new LinkedHashMap<>();
        byName.put("zoneadm", new ZoneadmCommand(host));
        byName.put("zonecfg", new ZonecfgCommand(host));
        byName.put("zlogin", new ZloginCommand(host));
        byName.put("suriadm", new SuriadmCommand(host));
        byName.put("zfs", new ZfsCommand(host));
        byName.put("iostat", new IostatCommand(host));
        byName.put("zdb", new ZdbCommand(host));
        Map<String, SimCommand> all = new LinkedHashMap<>(byName);
        byName.forEach((name, cmd) -> all.put("/usr/sbin/" + name, cmd));
        return java.util.Collections.unmodifiableMap(all);
    }
}
