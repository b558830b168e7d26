package org.kzmove.remote.profile;

import java.util.Objects;
import java.util.regex.Pattern;

import org.kzmove.remote.command.Privilege;
import org.kzmove.solaris.InvalidValueException;

/**
 * A saved host: how to reach and log in to it, and how to elevate zoneadm. Never holds a secret:
 * passwords and passphrases are asked at connect time.
 *
 * @param keyFile path of a private key file, or null to use a password
 */
public record HostProfile(String name, String address, int port, String user, String keyFile, Privilege privilege) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}");
    private static final Pattern DNS_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public HostProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        privilege = privilege == null ? Privilege.PFEXEC : privilege;
    }

    /** Checks every field, so a profile that passes can be saved and connected to. */
    public HostProfile validated() throws InvalidValueException {
        validateName(name);
        validateAddress(address);
        if (port < 1 || port > 65535) {
            throw new InvalidValueException("port", Integer.toString(port), "must be between 1 and 65535");
        }
        if (!USER.matcher(user).matches()) {
            throw new InvalidValueException("user name", user,
                    "must start with a letter or '_' and use only letters, digits, '_', '.' and '-' (at most 32)");
        }
        if (keyFile != null && (keyFile.isBlank() || keyFile.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidValueException("key file", keyFile, "is not a usable path");
        }
        return this;
    }

    public static String validateName(String name) throws InvalidValueException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidValueException("host profile name", name,
                    "must start with a letter or digit and use only letters, digits, '.', '_' and '-' (at most 64)");
        }
        return name;
    }

    /** A DNS name, an IPv4 address or an IPv6 address (brackets optional). */
    public static String validateAddress(String address) throws InvalidValueException {
        if (address == null || address.isEmpty()) {
            throw new InvalidValueException("host address", address, "is empty");
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (a.indexOf(':') >= 0) {
            if (!a.matches("[0-9A-Fa-f:.]+") || !isIpv6(a)) {
                throw new InvalidValueException("host address", address, "is not a valid IPv6 address");
            }
            return a;
        }
        if (a.length() > 253) {
            throw new InvalidValueException("host address", address, "is longer than 253 characters");
        }
        if (a.matches("[0-9.]+")) {
            String[] parts = a.split("\\.", -1);
            if (parts.length != 4) {
                throw new InvalidValueException("host address", address, "is not a valid IPv4 address");
            }
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                    throw new InvalidValueException("host address", address, "is not a valid IPv4 address");
                }
            }
            return a;
        }
        for (String label : a.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw new InvalidValueException("host address", address,
                        "is not a valid host name (labels of letters, digits and '-', separated by dots)");
            }
        }
        return a;
    }

    private static boolean isIpv6(String a) {
        try {
            return java.net.InetAddress.getByName(a) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
