package org.kzmove.solaris.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;

/**
 * A file URI, a regular file in the global zone: {@code file:///path} or
 * {@code file://user:group@/path}. No Oracle text gives this grammar; what is accepted and why is
 * in docs/decisions/0002-file-uri-grammar.md.
 *
 * @param text the URI as given; construct through {@link StorageUris#parse} for a checked exception
 */
public record FileUri(String text) implements StorageUri {

    private static final String EXPECTED = "file:///path or file://user:group@/path";

    public FileUri {
        SuriSyntax.unchecked(FileUri::parts, text);
    }

    public Optional<String> user() {
        return Optional.ofNullable(parts().user());
    }

    public Optional<String> group() {
        return Optional.ofNullable(parts().group());
    }

    /** The absolute path of the file in the global zone. */
    public String path() {
        return parts().path();
    }

    @Override
    public UriType type() {
        return UriType.FILE;
    }

    /** Only the scheme's case can change: user, group and path are case-sensitive. */
    @Override
    public String normalized() {
        Parts parts = parts();
        return "file://" + (parts.user() == null ? "" : parts.user() + ":" + parts.group() + "@") + parts.path();
    }

    /** The host presents a file through a lofi-like device it picks at boot; not derivable from the URI. */
    @Override
    public Optional<String> mappedDevice() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> properties() {
        Parts parts = parts();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("uri-type", type().word());
        rows.put("user", parts.user() == null ? "-" : parts.user());
        rows.put("group", parts.group() == null ? "-" : parts.group());
        rows.put("path", parts.path());
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

    private Parts parts() {
        return SuriSyntax.unchecked(FileUri::parts, text);
    }

    /** {@code user} and {@code group} are both null or both set. */
    record Parts(String user, String group, String path) {
    }

    static Parts parts(String text) throws InvalidStorageUriException {
        if (SuriSyntax.checkTextAndScheme(text) != UriType.FILE) {
            throw SuriSyntax.error(text, Part.SCHEME, "is not a file:// URI");
        }
        int start = "file://".length();
        String rest = text.substring(start);
        if (rest.isEmpty()) {
            throw SuriSyntax.error(text, Part.PATH, "has no path after 'file://' (" + EXPECTED + ")");
        }
        if (rest.startsWith("/")) {
            SuriSyntax.checkAbsolutePath(text, rest, start);
            return new Parts(null, null, rest);
        }
        int at = rest.indexOf('@');
        int slash = rest.indexOf('/');
        if (at < 0 || (slash >= 0 && slash < at)) {
            String host = slash < 0 ? rest : rest.substring(0, slash);
            throw SuriSyntax.error(text, Part.HOST, "'" + host + "' is a host; a file URI names a file in the "
                    + "global zone and takes no host (" + EXPECTED + ")");
        }
        SuriSyntax.Owner owner = SuriSyntax.owner(text, rest.substring(0, at));
        String path = rest.substring(at + 1);
        if (path.isEmpty()) {
            throw SuriSyntax.error(text, Part.PATH, "has no path after '@' (" + EXPECTED + ")");
        }
        if (!path.startsWith("/")) {
            String host = slash < 0 ? path : rest.substring(at + 1, slash);
            throw SuriSyntax.error(text, Part.HOST, "'" + host + "' after '@' is a host; a file URI names a file in "
                    + "the global zone and takes no host (" + EXPECTED + ")");
        }
        SuriSyntax.checkAbsolutePath(text, path, start + at + 1);
        return new Parts(owner.user(), owner.group(), path);
    }
}
