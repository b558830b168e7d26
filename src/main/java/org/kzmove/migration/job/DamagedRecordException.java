package org.kzmove.migration.job;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A job record on disk that cannot be used as it is: not JSON, not a record, or holding a value kzmove
 * would refuse (a zone name or id that is not one). The message is one line naming the file and what is
 * wrong; the file is left as it is, for a person to look at.
 */
public final class DamagedRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DamagedRecordException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + "; left as it is", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
