package org.kzmove.remote.command;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a command is elevated on the host. Solaris ships {@code PermitRootLogin no}, so an admin logs
 * in as themselves and runs zoneadm through a rights profile ({@code pfexec}) or sudo.
 */
public enum Privilege {
    NONE(List.of()),
    PFEXEC(List.of("pfexec")),
    SUDO(List.of("sudo", "-n"));

    private final List<String> prefix;

    Privilege(List<String> prefix) {
        this.prefix = prefix;
    }

    /** The words placed before the program, e.g. {@code sudo -n}. */
    public List<String> prefix() {
        return prefix;
    }

    /** The spelling used in profiles and on the command line: {@code pfexec}, {@code sudo}, {@code none}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Privilege> fromLabel(String label) {
        for (Privilege p : values()) {
            if (p.label().equals(label) || (p == SUDO && "sudo -n".equals(label))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
