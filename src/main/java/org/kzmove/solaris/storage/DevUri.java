package org.kzmove.solaris.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;

/**
 * A device URI: {@code dev:dsk/c0t0d0s0}, {@code dev:/dev/dsk/c0t0d0s0} or
 * {@code dev:///dev/dsk/c0t0d0s0}, all naming {@code /dev/dsk/c0t0d0s0}. The path is a file name,
 * so unlike the other types its case is kept in the normal form.
 *
 * @param text the URI as given; construct through {@link StorageUris#parse} for a checked exception
 */
public record DevUri(String text) implements StorageUri {

    public DevUri {
        SuriSyntax.unchecked(DevUri::relativePath, text);
    }

    /** The device path relative to /dev, e.g. {@code dsk/c4t1d0} or {@code zvol/dsk/rpool/VARSHARE/zones/mykz/disk1}. */
    public String path() {
        return SuriSyntax.unchecked(DevUri::relativePath, text);
    }

    @Override
    public UriType type() {
        return UriType.DEV;
    }

    @Override
    public String normalized() {
        return "dev:" + path();
    }

    /** dev URIs map to themselves: a zvol is used as it is, a slice stays a slice. */
    @Override
    public Optional<String> mappedDevice() {
        return Optional.of("/dev/" + path());
    }

    @Override
    public Map<String, String> properties() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("uri-type", type().word());
        // The only sample (dev:/dev/dsk/c4t1d0) shows the absolute path; assumed the same for dev:dsk/...
        rows.put("path", "/dev/" + path());
        return Collections.unmodifiableMap(rows);
    }

    @Override
    public boolean equals(Object o) {
        return StorageUri.equalByNormalForm(this, o);
    }

    @Override
    public int hashCode() {
        return StorageUri.hashOfNormalForm(this);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Parses the URI and returns its path relative to /dev. */
    static String relativePath(String text) throws InvalidStorageUriException {
        if (SuriSyntax.checkTextAndScheme(text) != UriType.DEV) {
            throw SuriSyntax.error(text, Part.SCHEME, "is not a dev: URI");
        }
        int offset = "dev:".length();
        String path = text.substring(offset);
        if (path.isEmpty()) {
            throw SuriSyntax.error(text, Part.PATH, "has no device path after 'dev:'");
        }
        if (path.startsWith("//")) {
            // dev://<absolute-path> (11.4 text), i.e. dev:///dev/...; what follows '//' is not a host.
            path = path.substring(2);
            offset += 2;
            if (!path.startsWith("/")) {
                throw SuriSyntax.error(text, Part.PATH,
                        "'dev://' must be followed by an absolute path, as in dev:///dev/dsk/c0t0d0s0");
            }
        }
        if (path.startsWith("/")) {
            if (path.equals("/dev") || path.equals("/dev/")) {
                throw SuriSyntax.error(text, Part.PATH, "path '" + path + "' is /dev itself, not a device");
            }
            if (!path.startsWith("/dev/")) {
                throw SuriSyntax.error(text, Part.PATH, "path '" + path + "' is not under /dev");
            }
            path = path.substring("/dev/".length());
            offset += "/dev/".length();
        }
        SuriSyntax.checkPath(text, path, offset, "device path", "/dev/");
        return path;
    }
}
