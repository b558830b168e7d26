package org.kzmove.migration;

import java.util.Objects;

import org.kzmove.solaris.InvalidValueException;
import org.kzmove.solaris.storage.StorageUri;

/**
 * One disk a move adds: a storage URI and, optionally, the device id it should get
 * ({@code -x id=N} after its {@code -p}; the guest then sees {@code c1d<N>}).
 */
public record MoveTarget(StorageUri uri, Integer diskId) {
    /** The largest id zonecfg accepts for a kernel-zone device (INFERENCE: ids are small integers). */
    public static final int MAX_DISK_ID = 999;

    public MoveTarget {
        Objects.requireNonNull(uri, "uri");
    }

    public MoveTarget validated() throws InvalidValueException {
        if (diskId != null && (diskId < 0 || diskId > MAX_DISK_ID)) {
            throw new InvalidValueException("disk id", diskId.toString(), "must be between 0 and " + MAX_DISK_ID);
        }
        return this;
    }
}
