package org.kzmove.remote.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stdout of a {@link RemoteScript#probeThenRead} script, split at its marker line: the probe's
 * merged output and exit status, then everything the read printed, byte for byte (a partial last
 * line included).
 */
public record ProbeThenRead(String probeOutput, int probeStatus, String readOutput) {

    /** Empty when the marker line is missing: the output was cut short and nothing can be trusted. */
    public static Optional<ProbeThenRead> split(String stdout, String marker) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(marker) + " (\\d{1,3})\\r?\\n").matcher(stdout);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ProbeThenRead(stdout.substring(0, m.start()), Integer.parseInt(m.group(1)),
                stdout.substring(m.end())));
    }
}
