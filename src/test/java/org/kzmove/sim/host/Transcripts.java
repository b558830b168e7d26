package org.kzmove.sim.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real transcripts of kz-live-storage-migration.md and the normalisation that makes a simulated
 * run comparable with them: names, URIs, devices, numbers and the log stamp are replaced by
 * placeholders, and runs of progress or countdown lines collapse to one.
 */
public final class Transcripts {
    private Transcripts() {
    }

    /**
     * A real transcript without the {@code root# zoneadm ...} command line (and its continuations)
     * above it, and without the blog's {@code ...} elision lines.
     */
    public static String real(String name) {
        String text;
        try (InputStream in = Transcripts.class.getResourceAsStream("/transcripts/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder();
        boolean continuation = false;
        for (String line : text.split("\n", -1)) {
            boolean command = continuation || line.startsWith("root# ");
            continuation = command && line.endsWith("\\");
            if (!command && !line.equals("...")) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);
    }

    static HostModel testHost() {
        try (InputStream in = Transcripts.class.getResourceAsStream("/scenarios/test-host.json")) {
            return HostModel.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> normalize(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("^C")) {
                line = line.substring(2); // the terminal's echo, not zoneadm's
            }
            String n = line
                    .replaceAll("/var/log/zones/zoneadm\\.\\d{8}T\\d{6}Z\\.[^ ]+\\.move", "<LOG>")
                    .replaceAll("(iscsi|dev|lu|nfs|file):[^ ]+", "<URI>")
                    .replaceAll("/dev/(dsk|zvol)/[^ ]+", "<DEV>")
                    .replaceAll("zone '[^']+'", "zone '<Z>'")
                    .replaceAll("c1d\\d+", "c1dN")
                    .replaceAll("\\(bootpri=\\d+\\)", "(bootpri=N)")
                    .replaceAll("(Boot priority|Device ID): \\d+", "$1: N")
                    .replaceAll("^  \\d+$", "  N")
                    .replaceAll("^  \\S+ resilvered at \\S+/s, \\d+\\.\\d\\d% done, \\S+ to go$", "  <PROGRESS>")
                    .replaceAll("^    still DEGRADED, \\d+ more seconds to wait\\.$", "    <COUNTDOWN>");
            if (!out.isEmpty() && out.get(out.size() - 1).equals(n)
                    && (n.equals("  <PROGRESS>") || n.equals("    <COUNTDOWN>"))) {
                continue;
            }
            out.add(n);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The lines of a text from the first line equal to {@code first} on. */
    public static String from(String text, String first) {
        int i = text.indexOf(first + "\n");
        if (i < 0) {
            throw new IllegalArgumentException("no line '" + first + "' in:\n" + text);
        }
        return text.substring(i);
    }
}
