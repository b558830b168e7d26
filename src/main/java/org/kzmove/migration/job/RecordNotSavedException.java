package org.kzmove.migration.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * kzmove's data directory would not take a record: the disk is full, the directory is read-only, and
 * the like. The message is one line naming the file and the system's reason
 * ({@code could not save the record of job ID in FILE: No space left on device}); the record on disk,
 * if any, is the previous one, whole.
 */
public final class RecordNotSavedException extends IOException {
    private static final long serialVersionUID = 1L;

    RecordNotSavedException(String message, IOException cause) {
        super(message + ": " + reason(cause), cause);
    }

    /**
     * What the system said, without the file names that {@link FileSystemException} puts in its message
     * (the file is named once, by the caller).
     */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) {
                return f.getReason();
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
