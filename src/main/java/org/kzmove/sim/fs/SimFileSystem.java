package org.kzmove.sim.fs;

import java.util.List;
import java.util.Optional;

/**
 * The simulated host's own file tree, held in memory. Nothing here ever reaches the real file
 * system of the machine running the simulator. Paths are absolute, '/'-separated, normalised by
 * the caller (the shell resolves relative paths against the working directory).
 */
public interface SimFileSystem {

    boolean exists(String path);

    boolean isDirectory(String path);

    /** The file's content, or empty when there is no such regular file. */
    Optional<byte[]> read(String path);

    /** Replaces a file's content, creating the file; fails when the parent directory is missing. */
    void write(String path, byte[] content) throws SimFileException;

    /** Appends to a file, creating it; fails when the parent directory is missing. */
    void append(String path, byte[] content) throws SimFileException;

    /** Creates a directory and its missing parents ({@code mkdir -p}). */
    void mkdirs(String path) throws SimFileException;

    /** Removes a file or an empty directory. */
    void delete(String path) throws SimFileException;

    /** Names in a directory, sorted; empty when the path is not a directory. */
    List<String> list(String path);

    /** The current size of a regular file in bytes, or -1 when there is none. */
    long size(String path);

    /**
     * Blocks until the file's size differs from {@code knownSize} or {@code timeoutMillis} of real
     * time pass: lets {@code tail -f} follow a file without polling in a tight loop.
     */
    void awaitChange(String path, long knownSize, long timeoutMillis) throws InterruptedException;
}
