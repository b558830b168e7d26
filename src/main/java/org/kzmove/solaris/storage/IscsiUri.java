package org.kzmove.solaris.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;
import org.kzmove.solaris.storage.SuriSyntax.Authority;
import org.kzmove.solaris.storage.SuriSyntax.Designator;

/**
 * An iSCSI URI: {@code iscsi://[host[:port]]/luname.naa.<ID>} (or {@code luname.eui.<ID>}), or
 * {@code iscsi://[host[:port]]/target.<IQN>,lun.<LUN>}. The host, when given, is where the
 * initiator does SendTargets discovery. The normal form is lower case without the default port 3260.
 *
 * @param text the URI as given; construct through {@link StorageUris#parse} for a checked exception
 */
public record IscsiUri(String text) implements StorageUri {

    /** The iSCSI port suriadm normalize drops. */
    public static final int DEFAULT_PORT = 3260;

    private static final String EXPECTED = "expected luname.naa.<ID>, luname.eui.<ID> or target.<IQN>,lun.<LUN>";

    public IscsiUri {
        SuriSyntax.unchecked(IscsiUri::parts, text);
    }

    /** The discovery host as written (IPv6 without brackets); empty when the URI has none. */
    public Optional<String> host() {
        Authority authority = parts().authority();
        return authority.hasHost() ? Optional.of(authority.hostname()) : Optional.empty();
    }

    /** The port when written in the URI. */
    public OptionalInt port() {
        String port = parts().authority().port();
        return port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port));
    }

    /** The logical unit name as written, e.g. {@code naa.600144F0...}, for the luname form. */
    public Optional<String> luname() {
        return Optional.ofNullable(parts().luname()).map(Designator::toString);
    }

    /** The iSCSI target name as written, for the target form. */
    public Optional<String> target() {
        return Optional.ofNullable(parts().target());
    }

    /** The LUN, for the target form. */
    public OptionalInt lun() {
        String lun = parts().lun();
        return lun == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(lun));
    }

    @Override
    public UriType type() {
        return UriType.ISCSI;
    }

    @Override
    public String normalized() {
        Parts parts = parts();
        Authority authority = parts.authority();
        StringBuilder sb = new StringBuilder("iscsi://").append(authority.host());
        if (authority.port() != null && Integer.parseInt(authority.port()) != DEFAULT_PORT) {
            sb.append(':').append(authority.port());
        }
        sb.append('/');
        if (parts.luname() != null) {
            sb.append("luname.").append(parts.luname());
        } else {
            sb.append("target.").append(parts.target()).append(",lun.").append(parts.lun());
        }
        return SuriSyntax.lower(sb.toString());
    }

    /**
     * {@code c0t<ID>d0} under scsi_vhci for a logical unit name (as zoneadm move prints it); a
     * target and LUN say nothing about the device name until the host has logged in.
     */
    @Override
    public Optional<String> mappedDevice() {
        Designator luname = parts().luname();
        return luname == null ? Optional.empty()
                : Optional.of("/dev/dsk/c0t" + luname.id().toUpperCase(Locale.ROOT) + "d0");
    }

    @Override
    public Map<String, String> properties() {
        Parts parts = parts();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("uri-type", type().word());
        rows.put("hostname", parts.authority().hasHost() ? parts.authority().hostname() : "-");
        rows.put("port", parts.authority().port() == null ? "-" : parts.authority().port());
        if (parts.luname() != null) {
            rows.put("luname", parts.luname().toString());
        } else {
            rows.put("target", parts.target());
            rows.put("lun", parts.lun());
        }
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
        return SuriSyntax.unchecked(IscsiUri::parts, text);
    }

    /** Either {@code luname} or {@code target} and {@code lun} are set. */
    record Parts(Authority authority, Designator luname, String target, String lun) {
    }

    static Parts parts(String text) throws InvalidStorageUriException {
        if (SuriSyntax.checkTextAndScheme(text) != UriType.ISCSI) {
            throw SuriSyntax.error(text, Part.SCHEME, "is not an iscsi:// URI");
        }
        String rest = text.substring("iscsi://".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw SuriSyntax.error(text, Part.LOGICAL_UNIT,
                    "has no '/' after the host (iscsi://[host[:port]]/luname.naa.<ID>)");
        }
        String authorityText = rest.substring(0, slash);
        int at = authorityText.indexOf('@');
        if (at >= 0) {
            throw SuriSyntax.error(text, Part.HOST,
                    "user information ('" + authorityText.substring(0, at + 1) + "') is not allowed in an iSCSI URI");
        }
        Authority authority = SuriSyntax.authority(text, authorityText, false);
        String path = rest.substring(slash + 1);
        if (path.isEmpty()) {
            throw SuriSyntax.error(text, Part.LOGICAL_UNIT, "has nothing after the host (" + EXPECTED + ")");
        }
        if (SuriSyntax.startsWithIgnoreCase(path, "luname.")) {
            if (path.indexOf(',') >= 0) {
                throw SuriSyntax.error(text, Part.LOGICAL_UNIT,
                        "'" + path + "': a logical unit name is not followed by ',' parts (" + EXPECTED + ")");
            }
            return new Parts(authority, SuriSyntax.designator(text, path, "luname", true, Part.LOGICAL_UNIT),
                    null, null);
        }
        if (SuriSyntax.startsWithIgnoreCase(path, "target.")) {
            int comma = path.indexOf(',');
            if (comma < 0) {
                throw SuriSyntax.error(text, Part.LUN, "'" + path + "' has no ',lun.<LUN>' part");
            }
            String target = path.substring("target.".length(), comma);
            checkIscsiName(text, target, "iscsi://".length() + slash + 1 + "target.".length());
            String lunPart = path.substring(comma + 1);
            if (!SuriSyntax.startsWithIgnoreCase(lunPart, "lun.")) {
                throw SuriSyntax.error(text, Part.LUN, "'" + lunPart + "' after the target should be 'lun.<LUN>'");
            }
            String lun = lunPart.substring("lun.".length());
            checkLun(text, lun);
            return new Parts(authority, null, target, lun);
        }
        throw SuriSyntax.error(text, Part.LOGICAL_UNIT, "'" + path + "' is not a logical unit (" + EXPECTED + ")");
    }

    /**
     * iSCSI names (RFC 3720 §3.2.6): {@code iqn.}, {@code eui.} or {@code naa.} names. IQNs are
     * checked loosely: Oracle's own example {@code iqn.com.sun:02:...} has no date part.
     */
    private static void checkIscsiName(String text, String name, int offset) throws InvalidStorageUriException {
        if (name.isEmpty()) {
            throw SuriSyntax.error(text, Part.TARGET, "target name is empty after 'target.'");
        }
        if (name.length() > SuriSyntax.MAX_ISCSI_NAME) {
            throw SuriSyntax.error(text, Part.TARGET, "target name is " + name.length()
                    + " characters long; iSCSI names have at most " + SuriSyntax.MAX_ISCSI_NAME);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!SuriSyntax.isAsciiAlnum(c) && c != '.' && c != ':' && c != '-') {
                throw SuriSyntax.error(text, Part.TARGET, "character '" + c + "' at position " + (offset + i + 1)
                        + " is not allowed in an iSCSI name (only letters, digits, '.', ':' and '-')");
            }
        }
        String lower = SuriSyntax.lower(name);
        if (lower.startsWith("iqn.")) {
            if (name.length() == "iqn.".length()) {
                throw SuriSyntax.error(text, Part.TARGET, "target name '" + name + "' has nothing after 'iqn.'");
            }
        } else if (lower.startsWith("eui.")) {
            String id = name.substring(4);
            if (!(SuriSyntax.isHex(id) && id.length() == 16)) {
                throw SuriSyntax.error(text, Part.TARGET,
                        "target name '" + name + "' is not an EUI-64 name (eui. and 16 hexadecimal digits)");
            }
        } else if (lower.startsWith("naa.")) {
            String id = name.substring(4);
            if (!(SuriSyntax.isHex(id) && (id.length() == 16 || id.length() == 32))) {
                throw SuriSyntax.error(text, Part.TARGET,
                        "target name '" + name + "' is not a NAA name (naa. and 16 or 32 hexadecimal digits)");
            }
        } else {
            throw SuriSyntax.error(text, Part.TARGET,
                    "target name '" + name + "' should start with 'iqn.', 'eui.' or 'naa.'");
        }
    }

    private static void checkLun(String text, String lun) throws InvalidStorageUriException {
        if (lun.isEmpty()) {
            throw SuriSyntax.error(text, Part.LUN, "LUN is empty after 'lun.'");
        }
        if (!SuriSyntax.isDigits(lun)) {
            throw SuriSyntax.error(text, Part.LUN, "LUN '" + lun + "' is not a decimal number");
        }
        if (lun.length() > 1 && lun.startsWith("0")) {
            throw SuriSyntax.error(text, Part.LUN, "LUN '" + lun + "' has a leading zero");
        }
        if (lun.length() > 5 || Integer.parseInt(lun) > SuriSyntax.MAX_LUN) {
            throw SuriSyntax.error(text, Part.LUN, "LUN " + lun + " is out of range (0-" + SuriSyntax.MAX_LUN + ")");
        }
    }
}
