package org.kzmove.remote.command;

import java.util.regex.Pattern;

/**
 * POSIX sh quoting for one word. Only {@link RemoteCommand} calls it: every argument has already
 * been validated there, so quoting is the second wall, not the only one.
 */
final class ShellQuoting {
    /** Characters that never need quoting in any POSIX shell (no glob, no expansion, no operator). */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private ShellQuoting() {
    }

    static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        // Inside single quotes nothing is special except the quote itself, closed and escaped.
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
