package org.kzmove.sim.fs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulated host's own file tree, held in memory. Nothing here ever reaches the real file
 * system of the machine running the simulator. Paths are absolute, '/'-separated, normalised by
 * the caller (the shell resolves relative paths against the working directory).
 *
 * <p>Every file and directory has an owner, a group and a mode. The methods taking a
 * {@link FileAccess} check permissions as Solaris does (search permission on every directory of
 * the path, write and search permission on the parent to create or remove, the sticky bit, read
 * or write permission on the file itself; effective uid 0 bypasses them). The methods without one
 * act as the host itself, as root: the host model's own files (zoneadm's logs) and test set-up.
 */
public interface SimFileSystem {

    boolean exists(String path);

    boolean isDirectory(String path);

    /** Owner, group, mode, size and time of a file or directory; empty when there is none. */
    Optional<SimFileStat> stat(String path);

    /** The content of a regular file, or empty when there is none; no permission check. */
    Optional<byte[]> read(String path);

    /** Reads a regular file as {@code who}: needs search permission on the path and read permission on the file. */
    byte[] read(String path, FileAccess who) throws SimFileException;

    /**
     * Replaces a file's content, creating it (owned by {@code who}, mode 0666 minus the umask) when
     * missing; needs write permission on an existing file, write and search permission on the
     * parent to create one.
     */
    void write(String path, byte[] content, FileAccess who) throws SimFileException;

    /** Appends to a file, creating it as {@link #write(String, byte[], FileAccess)} does. */
    void append(String path, byte[] content, FileAccess who) throws SimFileException;

    /** Creates one directory with exactly {@code mode} (the caller applies the umask), owned by {@code who}. */
    void mkdir(String path, int mode, FileAccess who) throws SimFileException;

    /** Removes a file or an empty directory: write and search permission on the parent, sticky bit honoured. */
    void delete(String path, FileAccess who) throws SimFileException;

    /** Sets the permission bits (sticky, setgid and setuid included); the host's own operation. */
    void chmod(String path, int mode) throws SimFileException;

    /** Sets owner and group; the host's own operation. */
    void chown(String path, int uid, int gid) throws SimFileException;

    /** Replaces a file's content as root, creating the file; fails when the parent directory is missing. */
    default void write(String path, byte[] content) throws SimFileException {
        write(path, content, FileAccess.ROOT);
    }

    /** Appends to a file as root, creating it; fails when the parent directory is missing. */
    default void append(String path, byte[] content) throws SimFileException {
        append(path, content, FileAccess.ROOT);
    }

    /** Creates a directory and its missing parents as root, mode 755 ({@code mkdir -p}). */
    void mkdirs(String path) throws SimFileException;

    /** Removes a file or an empty directory as root. */
    default void delete(String path) throws SimFileException {
        delete(path, FileAccess.ROOT);
    }

    /** Names in a directory, sorted; empty when the path is not a directory. */
    List<String> list(String path);

    /** The current size of a regular file in bytes, or -1 when there is none. */
    long size(String path);

    /**
     * Blocks until the file's size differs from {@code knownSize} or {@code timeoutMillis} of real
     * time pass: lets GNU {@code tail -f} follow a file without polling in a tight loop.
     */
    void awaitChange(String path, long knownSize, long timeoutMillis) throws InterruptedException;

    /** Where modification times come from (the host's simulated clock); the epoch until set. */
    void timeSource(Supplier<Instant> now);
}
