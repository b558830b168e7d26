package org.kzmove.inventory;

import java.util.Objects;

/**
 * Storage a host reports that no zone's configuration uses: a candidate move target.
 *
 * @param uri        the suri(7) URI to pass to {@code zoneadm move -p}
 * @param sizeBytes  the device's size, 0 when the host did not tell
 * @param device     the device it maps to on the host ({@code /dev/dsk/c0t...d0}, {@code /dev/zvol/dsk/...})
 * @param note       why it may not be usable (e.g. "carries the label of pool 'oldpool'"), or empty
 */
public record FreeStorage(String uri, long sizeBytes, String device, String note) {
    public FreeStorage {
        Objects.requireNonNull(uri);
        device = device == null ? "" : device;
        note = note == null ? "" : note;
    }
}
