package org.kzmove.inventory;

import java.util.List;

import org.kzmove.remote.command.Privilege;
import org.kzmove.remote.command.Program;
import org.kzmove.remote.command.RemoteCommand;
import org.kzmove.remote.command.RemoteScript;
import org.kzmove.solaris.InvalidValueException;

/** The small pieces the inventory's probes build their command sequences from. */
final class Scripts {
    private Scripts() {
    }

    /** A command of constant words ("-x" words are flags): they are valid by construction. */
    static RemoteCommand command(Program program, Privilege privilege, String... words) {
        try {
            RemoteCommand.Builder b = RemoteCommand.of(program, privilege);
            for (String w : words) {
                b = w.startsWith("-") ? b.flag(w) : b.word(w);
            }
            return b.build();
        } catch (InvalidValueException e) {
            throw new IllegalStateException("constant arguments are valid", e);
        }
    }

    static RemoteScript sequence(String marker, List<RemoteCommand> commands) {
        try {
            return RemoteScript.sequence(marker, commands);
        } catch (InvalidValueException e) {
            throw new IllegalStateException("the marker is a plain word", e);
        }
    }

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
