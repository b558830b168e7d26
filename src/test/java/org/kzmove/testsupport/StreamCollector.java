package org.kzmove.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads a stream (an SSH channel's output, a process's) in the background so a test can wait on
 * what has arrived so far; shared by the simulator's end-to-end fixtures.
 */
public class StreamCollector {
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile boolean ended;

    public StreamCollector(InputStream in) {
        thread = new Thread(() -> {
            byte[] b = new byte[8192];
            try {
                int n;
                while ((n = in.read(b)) >= 0) {
                    synchronized (buf) {
                        buf.write(b, 0, n);
                    }
                }
            } catch (IOException e) {
                // the stream closed with the session
            } finally {
                ended = true;
            }
        }, "test-stream-collector");
        thread.setDaemon(true);
        thread.start();
    }

    /** Everything read so far, as UTF-8. */
    public String text() {
        synchronized (buf) {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }

    /** True once the stream reached its end (or failed). */
    public boolean ended() {
        return ended;
    }

    /** Waits (bounded) until the stream has ended. */
    public void join() {
        try {
            thread.join(JOIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean contains(String s) {
        return text().contains(s);
    }

    /** How often {@code s} occurs in what was read (overlapping occurrences count). */
    public int count(String s) {
        String t = text();
        int n = 0;
        for (int i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }

    /** Writes {@code text} to a channel's input and flushes it, as typing at a terminal would. */
    public static void type(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
