package org.kzmove.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.kzmove.migration.job.RecordWriter;

/**
 * A disk that runs out of room when a test says so, for {@code JobStore}: writes go to the real file
 * through {@link RecordWriter#NIO} until the room left is used up; the write that does not fit puts
 * what still fits in the file (a half-written temporary file, as on a real disk) and then fails with
 * the very {@link IOException} the JDK gives on a full disk on Linux: it is what writing to
 * {@code /dev/full} throws ({@code No space left on device}).
 */
public final class FillingDisk implements RecordWriter {
    private long room = Long.MAX_VALUE;
    private final AtomicInteger refused = new AtomicInteger();

    /** From now on, every write fails (after writing nothing). */
    public synchronized void fill() {
        room = 0;
    }

    /** From now on {@code bytes} more fit, then the disk is full. */
    public synchronized void leaveRoomFor(long bytes) {
        room = bytes;
    }

    /** Room again (the admin cleaned up). */
    public synchronized void free() {
        room = Long.MAX_VALUE;
    }

    /** Writes refused so far. */
    public int refused() {
        return refused.get();
    }

    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        int fits;
        synchronized (this) {
            fits = (int) Math.min(room, bytes.length);
            room -= fits;
        }
        RecordWriter.NIO.write(file, Arrays.copyOf(bytes, fits));
        if (fits < bytes.length) {
            refused.incrementAndGet();
            throw noSpaceLeft();
        }
    }

    /** The JDK's own exception for ENOSPC, from {@code /dev/full}; a look-alike where there is none. */
    public static IOException noSpaceLeft() {
        Path full = Path.of("/dev/full");
        if (Files.isWritable(full)) {
            try {
                Files.write(full, new byte[] {0});
            } catch (IOException e) {
                return e;
            }
        }
        return new IOException("No space left on device");
    }
}
