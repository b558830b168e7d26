package org.kzmove.solaris.storage;

import java.util.Map;
import java.util.Optional;

/**
 * A storage URI of suri(7), the way {@code zoneadm move -p} and zonecfg's {@code storage} name a
 * disk. Instances exist only for URIs that passed {@link StorageUris#parse}'s checks, so every
 * form of one ({@link #text()}, {@link #normalized()}, the properties) is safe in a remote command.
 * Two URIs are equal when they name the same storage, i.e. when their normal forms are equal.
 */
public sealed interface StorageUri permits DevUri, LuUri, IscsiUri, NfsUri, FileUri {

    UriType type();

    /** The URI exactly as given. */
    String text();

    /** The URI as {@code suriadm normalize} and {@code suriadm lookup-uri} print it. */
    String normalized();

    /** The whole-disk device the URI maps to on the host, when the URI alone determines it. */
    Optional<String> mappedDevice();

    /**
     * The rows {@code suriadm parse} prints, in its order, starting with {@code uri-type}; values
     * keep the case of the input, absent ones are {@code -}.
     */
    Map<String, String> properties();

    /** Whether both URIs name the same storage: zoneadm's "already used" and duplicate checks compare this way. */
    default boolean sameStorage(StorageUri other) {
        return other != null && normalized().equals(other.normalized());
    }

    /**
     * The equality every storage URI record has (records cannot inherit one): the same kind of URI
     * with the same normal form, so {@code dev:dsk/c0t0d0s0} equals {@code dev:/dev/dsk/c0t0d0s0}.
     */
    static boolean equalByNormalForm(StorageUri self, Object o) {
        return o != null && o.getClass() == self.getClass() && self.normalized().equals(((StorageUri) o).normalized());
    }

    /** The hash code that goes with {@link #equalByNormalForm}. */
    static int hashOfNormalForm(StorageUri self) {
        return self.normalized().hashCode();
    }
}
