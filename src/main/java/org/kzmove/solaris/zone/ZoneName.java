package org.kzmove.solaris.zone;

import org.kzmove.solaris.InvalidValueException;

/**
 * Zone name rules of zonecfg(8): at most 63 characters, starting with a letter or digit, then
 * letters, digits, '-', '_' and '.'; "global" and names starting with "SUNW" are reserved. A name
 * that passes is also safe in a shell word, which is why every remote command checks it here.
 */
public final class ZoneName {
    public static final int MAX_LENGTH = 63;

    private ZoneName() {
    }

    public static String validate(String name) throws InvalidValueException {
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException("zone name", name, "is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidValueException("zone name", name,
                    "is " + name.length() + " characters long; zone names have at most " + MAX_LENGTH);
        }
        char first = name.charAt(0);
        if (!isAsciiAlnum(first)) {
            throw new InvalidValueException("zone name", name, "must start with a letter or a digit");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiAlnum(c) && c != '-' && c != '_' && c != '.') {
                throw new InvalidValueException("zone name", name,
                        "character '" + InvalidValueException.printable(String.valueOf(c)) + "' at position " + (i + 1)
                                + " is not allowed (only letters, digits, '-', '_' and '.')");
            }
        }
        if (name.equals("global")) {
            throw new InvalidValueException("zone name", name, "is the global zone, which has no storage to move");
        }
        if (name.startsWith("SUNW")) {
            throw new InvalidValueException("zone name", name, "names starting with SUNW are reserved by Solaris");
        }
        return name;
    }

    public static boolean isValid(String name) {
        try {
            validate(name);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
