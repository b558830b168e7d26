package org.kzmove.migration.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Held while kzmove checks that no move of a zone runs and starts one: an exclusive lock on a file
 * per host and zone next to the job records, so two kzmove processes of this user (a console and a CLI,
 * two CLIs) cannot both pass the check and start. The operating system lets go of it if the process dies.
 */
public final class ZoneMoveLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ZoneMoveLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another kzmove (process or thread) is starting a move of the zone right now. */
    public static Optional<ZoneMoveLock> tryAcquire(Path jobsDir, String hostKey, String zone) throws IOException {
        Path dir = Files.createDirectories(jobsDir.resolve(".locks"));
        Path file = dir.resolve(hostKey.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + zone + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new ZoneMoveLock(channel, lock));
        } catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
