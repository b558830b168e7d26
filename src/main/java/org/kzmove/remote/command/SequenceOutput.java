package org.kzmove.remote.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the output of a {@link RemoteScript#sequence} back into one part per command. When the
 * output is cut short (a dropped connection), the commands without a marker line are reported as
 * missing rather than guessed.
 */
public final class SequenceOutput {

    /** One command's merged output and exit status. */
    public record Part(String output, int exitStatus) {
        public boolean succeeded() {
            return exitStatus == 0;
        }
    }

    private SequenceOutput() {
    }

    /** Parts in command order; fewer than the commands sent when the output ended early. */
    public static List<Part> split(String stdout, String marker) {
        Pattern end = Pattern.compile("^" + Pattern.quote(marker) + " (\\d{1,3})$");
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : stdout.split("\r?\n", -1)) {
            Matcher m = end.matcher(line);
            if (m.matches()) {
                parts.add(new Part(current.toString(), Integer.parseInt(m.group(1))));
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        return parts;
    }
}
