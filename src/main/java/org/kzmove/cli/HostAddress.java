package org.kzmove.cli;

import org.kzmove.remote.profile.HostProfile;
import org.kzmove.solaris.InvalidValueException;

/**
 * {@code [user@]address[:port]} as typed on the command line; an IPv6 address with a port goes in
 * brackets ({@code [fd00::1]:2222}). The address is checked by {@link HostProfile#validateAddress}.
 *
 * @param user null when not given
 * @param port null when not given
 */
record HostAddress(String user, String address, Integer port) {

    static HostAddress parse(String text) throws InvalidValueException {
        if (text == null || text.isEmpty()) {
            throw new InvalidValueException("host", text, "is empty");
        }
        String rest = text;
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (user.isEmpty()) {
                throw new InvalidValueException("host", text, "has an empty user name before '@'");
            }
        }
        Integer port = null;
        String address = rest;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new InvalidValueException("host", text, "has '[' without ']'");
            }
            address = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new InvalidValueException("host", text, "has text after ']' that is not ':PORT'");
                }
                port = port(text, after.substring(1));
            }
        } else if (rest.indexOf(':') >= 0 && rest.indexOf(':') == rest.lastIndexOf(':')) {
            address = rest.substring(0, rest.indexOf(':'));
            port = port(text, rest.substring(rest.indexOf(':') + 1));
        }
        return new HostAddress(user, HostProfile.validateAddress(address), port);
    }

    private static int port(String text, String digits) throws InvalidValueException {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw new InvalidValueException("port", digits, "must be a number between 1 and 65535 (in '" + text + "')");
        }
        return Integer.parseInt(digits);
    }
}
