package org.kzmove.migration.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one step of saving a record that a full disk makes fail: putting the bytes in the (new, empty)
 * temporary file and forcing them to the device. Everything around it (the temporary file, the rename,
 * the clean-up after a failure) is {@link JobStore}'s own, so tests that swap this step for one that
 * runs out of room exercise the store's real handling of a full disk.
 */
@FunctionalInterface
public interface RecordWriter {
    /** Writes with java.nio and forces the data to the device before returning (fsync). */
    RecordWriter NIO = (file, bytes) -> {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    };

    /**
     * Writes all of {@code bytes} to {@code file}, which exists, and returns only once they are on the
     * device; a failure may leave part of them in the file (the caller deletes it).
     */
    void write(Path file, byte[] bytes) throws IOException;
}
