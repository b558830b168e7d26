package org.kzmove.sim.host;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * INTERIM storage URI helper of the simulated host: parses enough of suri(7) ({@code dev:},
 * {@code lu:}, {@code iscsi:}, {@code nfs:}, {@code file:}) to validate, normalise and map URIs as
 * {@code suriadm} and {@code zoneadm move} do (solaris-formats.md §5).
 *
 * <p>TODO(integration): replace with org.kzmove.solaris.storage.StorageUris once it lands; this
 * class exists only because that parser is written in parallel.
 */
// TODO(integration): replace with org.kzmove.solaris.storage.StorageUris
public final class HostUris {
    private static final Pattern PATH_COMPONENT = Pattern.compile("[0-9A-Za-z._-]+");
    private static final Pattern LUNAME = Pattern.compile("(?i)luname\\.(naa|eui)\\.([0-9a-f]{8,32})");
    private static final Pattern LU_FULL = Pattern.compile(
            "(?i)initiator\\.(naa\\.[0-9a-f]{8,32}),target\\.(naa\\.[0-9a-f]{8,32}),luname\\.(naa|eui)\\.([0-9a-f]{8,32})");
    private static final Pattern ISCSI = Pattern.compile("(?i)iscsi://(\\[[0-9a-f:.]+\\]|[0-9A-Za-z.-]*)(?::(\\d+))?/(.+)");
    private static final Pattern ISCSI_TARGET = Pattern.compile("(?i)target\\.(iqn\\.[^,]+),lun\\.(\\d+)");
    private static final Pattern NFS = Pattern.compile("nfs://([^:@/]+):([^:@/]+)@(\\[[0-9a-fA-F:.]+\\]|[0-9A-Za-z.-]+)(?::(\\d+))?(/.+)");
    private static final Pattern FILE = Pattern.compile("file://(?:([^:@/]+):([^:@/]+)@)?(/.+)");

    private HostUris() {
    }

    /** A storage URI the helper understood. */
    public record ParsedUri(String original, String type, String normalized, Map<String, String> properties,
                            String mappedDevice) {
    }

    /** A URI that is not valid suri(7); the message is the reason, fit for an error line. */
    public static final class InvalidUriException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidUriException(String message) {
            super(message);
        }
    }

    public static ParsedUri parse(String uri) throws InvalidUriException {
        if (uri == null || uri.isEmpty()) {
            throw new InvalidUriException("empty URI");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new InvalidUriException("invalid character in URI");
            }
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            throw new InvalidUriException("missing URI type");
        }
        String type = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        return switch (type) {
            case "dev" -> parseDev(uri, rest);
            case "lu" -> parseLu(uri, rest);
            case "iscsi" -> parseIscsi(uri);
            case "nfs" -> parseNfs(uri);
            case "file" -> parseFile(uri);
            default -> throw new InvalidUriException("unsupported URI type '" + uri.substring(0, colon) + "'");
        };
    }

    /** The normal form used to compare URIs; falls back to the text itself for an invalid URI. */
    public static String normalizeOrSelf(String uri) {
        try {
            return parse(uri).normalized();
        } catch (InvalidUriException e) {
            return uri;
        }
    }

    private static ParsedUri parseDev(String uri, String rest) throws InvalidUriException {
        String path = rest.replaceFirst("^/+", "");
        if (path.startsWith("dev/")) {
            path = path.substring(4);
        }
        if (path.isEmpty()) {
            throw new InvalidUriException("missing device path");
        }
        for (String part : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(part).matches()) {
                throw new InvalidUriException("invalid device path '/dev/" + path + "'");
            }
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("uri-type", "dev");
        props.put("path", "/dev/" + path);
        return new ParsedUri(uri, "dev", "dev:" + path, props, "/dev/" + path);
    }

    private static ParsedUri parseLu(String uri, String rest) throws InvalidUriException {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("uri-type", "lu");
        Matcher full = LU_FULL.matcher(rest);
        String scheme;
        String id;
        if (full.matches()) {
            props.put("initiator", full.group(1));
            props.put("target", full.group(2));
            scheme = full.group(3);
            id = full.group(4);
        } else {
            Matcher m = LUNAME.matcher(rest);
            if (!m.matches()) {
                throw new InvalidUriException("invalid logical unit name '" + rest + "'");
            }
            props.put("initiator", "-");
            props.put("target", "-");
            scheme = m.group(1);
            id = m.group(2);
        }
        props.put("luname", scheme + "." + id);
        return new ParsedUri(uri, "lu", uri.toLowerCase(Locale.ROOT), props, lunDevice(id));
    }

    private static ParsedUri parseIscsi(String uri) throws InvalidUriException {
        Matcher m = ISCSI.matcher(uri);
        if (!m.matches()) {
            throw new InvalidUriException("invalid iSCSI URI");
        }
        String host = m.group(1);
        String port = m.group(2);
        String tail = m.group(3);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("uri-type", "iscsi");
        props.put("hostname", host.isEmpty() ? "-" : host);
        props.put("port", port == null ? "-" : port);
        String mapped;
        Matcher lun = LUNAME.matcher(tail);
        Matcher target = ISCSI_TARGET.matcher(tail);
        if (lun.matches()) {
            props.put("luname", lun.group(1) + "." + lun.group(2));
            mapped = lunDevice(lun.group(2));
        } else if (target.matches()) {
            props.put("target", target.group(1));
            props.put("lun", target.group(2));
            // INVENTED: the device name of a target/LUN-addressed iSCSI disk depends on the
            // initiator; a stable made-up WWN keeps the simulation deterministic.
            mapped = "/dev/dsk/c0t" + String.format("%016X", target.group(1).toLowerCase(Locale.ROOT).hashCode() & 0xffffffffL)
                    + "d" + target.group(2);
        } else {
            throw new InvalidUriException("invalid iSCSI logical unit '" + tail + "'");
        }
        String normal = uri.toLowerCase(Locale.ROOT);
        if ("3260".equals(port)) {
            normal = normal.replaceFirst(":3260/", "/");
        }
        return new ParsedUri(uri, "iscsi", normal, props, mapped);
    }

    private static ParsedUri parseNfs(String uri) throws InvalidUriException {
        Matcher m = NFS.matcher(uri);
        if (!m.matches()) {
            throw new InvalidUriException("invalid NFS URI");
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("uri-type", "nfs");
        props.put("user", m.group(1));
        props.put("group", m.group(2));
        props.put("hostname", m.group(3));
        props.put("port", m.group(4) == null ? "-" : m.group(4));
        props.put("path", m.group(5));
        return new ParsedUri(uri, "nfs", uri, props, lofiDevice(uri));
    }

    private static ParsedUri parseFile(String uri) throws InvalidUriException {
        Matcher m = FILE.matcher(uri);
        if (!m.matches()) {
            throw new InvalidUriException("invalid file URI");
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("uri-type", "file");
        props.put("user", m.group(1) == null ? "-" : m.group(1));
        props.put("group", m.group(2) == null ? "-" : m.group(2));
        props.put("path", m.group(3));
        return new ParsedUri(uri, "file", uri, props, lofiDevice(uri));
    }

    /** {@code c0t<ID upper-case>d0} under scsi_vhci, as the real move output maps it. */
    private static String lunDevice(String id) {
        return "/dev/dsk/c0t" + id.toUpperCase(Locale.ROOT) + "d0";
    }

    // INVENTED: NFS and file URIs are mapped through lofi; the instance number is made up but stable.
    private static String lofiDevice(String uri) {
        return "/dev/lofi/" + (1 + Math.floorMod(uri.hashCode(), 999));
    }
}
