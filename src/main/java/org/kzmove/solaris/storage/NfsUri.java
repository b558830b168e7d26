package org.kzmove.solaris.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;
import org.kzmove.solaris.storage.SuriSyntax.Authority;

/**
 * An NFS URI, for kernel zones only: {@code nfs://user:group@host[:port]/share-path/file}. The
 * file is accessed as the given user and group, which suri(7) allows as names or numeric ids.
 *
 * @param text the URI as given; construct through {@link StorageUris#parse} for a checked exception
 */
public record NfsUri(String text) implements StorageUri {

    public NfsUri {
        SuriSyntax.unchecked(NfsUri::parts, text);
    }

    public String user() {
        return parts().user();
    }

    public String group() {
        return parts().group();
    }

    /** The NFS server as written (IPv6 without brackets). */
    public String host() {
        return parts().authority().hostname();
    }

    public OptionalInt port() {
        String port = parts().authority().port();
        return port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
    }

    /** The absolute path of the file on the server, share path included. */
    public String path() {
        return parts().path();
    }

    @Override
    public UriType type() {
        return UriType.NFS;
    }

    /**
     * Only the host is lower-cased: DNS names are case-insensitive, user, group and path are not.
     * An explicit port is kept even when it is 2049: suriadm's text only documents dropping the
     * iSCSI default port, and nothing says it does the same for NFS.
     */
    @Override
    public String normalized() {
        Parts parts = parts();
        Authority authority = parts.authority();
        return "nfs://" + parts.user() + ":" + parts.group() + "@" + SuriSyntax.lower(authority.host())
                + (authority.port() == null ? "" : ":" + authority.port()) + parts.path();
    }

    /** The device appears only once the host has mounted the share, so the URI alone does not give it. */
    @Override
    public Optional<String> mappedDevice() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> properties() {
        Parts parts = parts();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("uri-type", type().word());
        rows.put("user", parts.user());
        rows.put("group", parts.group());
        rows.put("hostname", parts.authority().hostname());
        rows.put("port", parts.authority().port() == null ? "-" : parts.authority().port());
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
        return SuriSyntax.unchecked(NfsUri::parts, text);
    }

    record Parts(String user, String group, Authority authority, String path) {
    }

    static Parts parts(String text) throws InvalidStorageUriException {
        if (SuriSyntax.checkTextAndScheme(text) != UriType.NFS) {
            throw SuriSyntax.error(text, Part.SCHEME, "is not an nfs:// URI");
        }
        int start = "nfs://".length();
        String rest = text.substring(start);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw SuriSyntax.error(text, Part.PATH, "has no path after the host (nfs://user:group@host[:port]/path/file)");
        }
        String authorityText = rest.substring(0, slash);
        int at = authorityText.indexOf('@');
        if (at < 0) {
            throw SuriSyntax.error(text, Part.USER, "user and group are required (nfs://user:group@host/path/file)");
        }
        if (authorityText.indexOf('@', at + 1) >= 0) {
            throw SuriSyntax.error(text, Part.HOST, "has more than one '@'");
        }
        SuriSyntax.Owner owner = SuriSyntax.owner(text, authorityText.substring(0, at));
        String hostPort = authorityText.substring(at + 1);
        if (hostPort.isEmpty()) {
            throw SuriSyntax.error(text, Part.HOST, "host is empty after '@'");
        }
        Authority authority = SuriSyntax.authority(text, hostPort, true);
        String path = rest.substring(slash);
        SuriSyntax.checkAbsolutePath(text, path, start + slash);
        return new Parts(owner.user(), owner.group(), authority, path);
    }
}
