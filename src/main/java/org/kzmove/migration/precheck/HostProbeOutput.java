package org.kzmove.migration.precheck;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the read-only commands of the pre-check round trip. Pure text in, facts out. */
final class HostProbeOutput {
    /** iostat(8) -E: {@code Size: 268.44GB <268435456000 bytes>}. */
    private static final Pattern IOSTAT_SIZE = Pattern.compile("(?m)^\\s*Size:.*<(\\d+) bytes>");
    /** zdb -l: the pool name line of a label, {@code name: 'oldpool'}. */
    private static final Pattern LABEL_NAME = Pattern.compile("(?m)^\\s*name: '([^']*)'");

    private HostProbeOutput() {
    }

    static OptionalLong iostatSize(String output) {
        Matcher m = IOSTAT_SIZE.matcher(output);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The pool named in the disk's ZFS labels; empty when zdb found none ({@code failed to unpack label}). */
    static Optional<String> labelledPool(String output) {
        Matcher m = LABEL_NAME.matcher(output);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether zdb could read the device at all (labels present or definitely absent). */
    static boolean labelsReadable(String output) {
        return LABEL_NAME.matcher(output).find() || output.contains("failed to unpack label");
    }

    /** What zlogin, sudo or the commands print when the user lacks the rights (simulator and real Solaris wording). */
    static boolean isPermissionProblem(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return t.contains("lack sufficient privilege") || t.contains("a password is required")
                || t.contains("permission denied") || t.contains("not privileged") || t.contains("not owner")
                || t.contains("is not in the sudoers");
    }
}
