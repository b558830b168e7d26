package org.kzmove.solaris;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the real Solaris samples under src/test/resources/fixtures/ byte for byte. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String read(String relativePath) {
        String resource = "/fixtures/" + relativePath;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
