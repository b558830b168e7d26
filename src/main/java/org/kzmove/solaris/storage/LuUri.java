package org.kzmove.solaris.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;
import org.kzmove.solaris.storage.SuriSyntax.Designator;

/**
 * A logical unit URI: {@code lu:luname.naa.<ID>}, {@code lu:luname.eui.<ID>}, or with the path
 * pinned, {@code lu:initiator.naa.<ID>,target.naa.<ID>,luname.naa.<ID>} (Fibre Channel, SAS).
 * suri(7): "IDs are case insensitive"; the normal form is lower case.
 *
 * @param text the URI as given; construct through {@link StorageUris#parse} for a checked exception
 */
public record LuUri(String text) implements StorageUri {

    private static final String EXPECTED =
            "expected luname.naa.<ID>, luname.eui.<ID> or initiator.naa.<ID>,target.naa.<ID>,luname.naa.<ID>";

    public LuUri {
        SuriSyntax.unchecked(LuUri::parts, text);
    }

    /** The logical unit name as written, e.g. {@code naa.5000c5000288fa25}. */
    public String luname() {
        return parts().luname().toString();
    }

    /** The initiator port as written, e.g. {@code naa.2100001d38089fb0}, when the path is pinned. */
    public Optional<String> initiator() {
        return Optional.ofNullable(parts().initiator()).map(Designator::toString);
    }

    /** The target port as written, when the path is pinned. */
    public Optional<String> target() {
        return Optional.ofNullable(parts().target()).map(Designator::toString);
    }

    @Override
    public UriType type() {
        return UriType.LU;
    }

    @Override
    public String normalized() {
        return SuriSyntax.lower(text);
    }

    @Override
    public Optional<String> mappedDevice() {
        return Optional.of("/dev/dsk/c0t" + parts().luname().id().toUpperCase(Locale.ROOT) + "d0");
    }

    @Override
    public Map<String, String> properties() {
        Parts parts = parts();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("uri-type", type().word());
        rows.put("initiator", parts.initiator() == null ? "-" : parts.initiator().toString());
        rows.put("target", parts.target() == null ? "-" : parts.target().toString());
        rows.put("luname", parts.luname().toString());
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
        return SuriSyntax.unchecked(LuUri::parts, text);
    }

    record Parts(Designator initiator, Designator target, Designator luname) {
    }

    static Parts parts(String text) throws InvalidStorageUriException {
        if (SuriSyntax.checkTextAndScheme(text) != UriType.LU) {
            throw SuriSyntax.error(text, Part.SCHEME, "is not an lu: URI");
        }
        String body = text.substring("lu:".length());
        if (body.isEmpty()) {
            throw SuriSyntax.error(text, Part.LOGICAL_UNIT, "has nothing after 'lu:' (" + EXPECTED + ")");
        }
        String[] items = body.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            if (items[i].isEmpty()) {
                throw SuriSyntax.error(text, Part.LOGICAL_UNIT,
                        "part " + (i + 1) + " of " + items.length + " between commas is empty (" + EXPECTED + ")");
            }
        }
        if (items.length == 1) {
            return new Parts(null, null, SuriSyntax.designator(text, items[0], "luname", true, Part.LOGICAL_UNIT));
        }
        if (items.length != 3) {
            throw SuriSyntax.error(text, Part.LOGICAL_UNIT,
                    "has " + items.length + " comma-separated parts; " + EXPECTED);
        }
        return new Parts(
                SuriSyntax.designator(text, items[0], "initiator", false, Part.INITIATOR),
                SuriSyntax.designator(text, items[1], "target", false, Part.TARGET),
                SuriSyntax.designator(text, items[2], "luname", true, Part.LOGICAL_UNIT));
    }
}
