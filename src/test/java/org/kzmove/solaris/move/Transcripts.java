package org.kzmove.solaris.move;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The transcript fixtures of {@code src/test/resources/transcripts} and ways to vary them. */
public final class Transcripts {
    public static final String DEFAULT = "default-single-disk.txt";
    public static final String VERBOSE_MIRROR = "verbose-mirror.txt";
    public static final String SIGINT_ROLLBACK = "sigint-rollback.txt";
    public static final String INVENTED_PRECHECK_FAILURE = "invented-precheck-failure.txt";

    private Transcripts() {
    }

    public static String text(String name) {
        try (InputStream in = Transcripts.class.getResourceAsStream("/transcripts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(String name) {
        return text(name).lines().toList();
    }

    public static MoveReport report(List<String> lines) {
        MoveTranscript t = new MoveTranscript();
        lines.forEach(t::accept);
        return t.finish();
    }

    public static List<String> map(List<String> lines, UnaryOperator<String> f) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(f.apply(l));
        }
        return out;
    }
}
