package org.kzmove.solaris.storage;

import java.util.Locale;
import org.kzmove.solaris.storage.InvalidStorageUriException.Part;

/**
 * The pieces of suri(7) grammar shared by several URI types: the character set, host and port,
 * safe path components, NAA/EUI identifiers, user and group names. Positions in messages are
 * 1-based, counted in characters of the whole URI, so an administrator can count along.
 */
final class SuriSyntax {
    static final int MAX_LENGTH = 1024;
    static final String EXPECTED_SCHEMES = "expected dev:, lu:, iscsi://, nfs:// or file://";
    /** RFC 3720 §3.2.6.1: an iSCSI name is at most 223 bytes. */
    static final int MAX_ISCSI_NAME = 223;
    static final int MAX_LUN = 16383;
    /** Solaris MAXUID; also the largest group id. */
    static final long MAX_ID = 2147483647L;

    private SuriSyntax() {
    }

    static InvalidStorageUriException error(String text, Part part, String reason) {
        return new InvalidStorageUriException(text, part, reason);
    }

    /** Checks what every URI must satisfy before its grammar is looked at, and returns its type. */
    static UriType checkTextAndScheme(String text) throws InvalidStorageUriException {
        if (text == null || text.isEmpty()) {
            throw error(text, Part.TEXT, "is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw error(text, Part.TEXT,
                    "is " + text.length() + " characters long; storage URIs have at most " + MAX_LENGTH);
        }
        int first = text.codePointAt(0);
        int last = text.codePointBefore(text.length());
        if (Character.isWhitespace(first) || Character.isSpaceChar(first)) {
            throw error(text, Part.TEXT, "starts with whitespace (" + shown(first) + ")");
        }
        if (Character.isWhitespace(last) || Character.isSpaceChar(last)) {
            throw error(text, Part.TEXT, "ends with whitespace (" + shown(last) + ")");
        }
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            position++;
            if (!isUriCharacter(cp)) {
                throw error(text, Part.TEXT, "character " + shown(cp) + " at position " + position
                        + " is not allowed in a storage URI"
                        + (cp < 0x80 ? "" : " (only ASCII letters, digits and . _ - / : , @ [ ])"));
            }
            i += Character.charCount(cp);
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            if (text.startsWith("/dev/")) {
                throw error(text, Part.SCHEME, "has no scheme; a device path is written 'dev:" + text + "'");
            }
            throw error(text, Part.SCHEME, "has no scheme (" + EXPECTED_SCHEMES + ")");
        }
        String scheme = text.substring(0, colon);
        UriType type = UriType.ofScheme(scheme).orElseThrow(() -> error(text, Part.SCHEME,
                "unsupported scheme '" + scheme + "' (" + EXPECTED_SCHEMES + ")"));
        if (type.prefix().endsWith("//") && !text.startsWith("//", colon + 1)) {
            throw error(text, Part.SCHEME, "'" + scheme + ":' must be followed by '//' (" + type.prefix() + "...)");
        }
        return type;
    }

    /** A character for a message: {@code ';'} or {@code '\n'} when ASCII, {@code U+00E9} otherwise. */
    private static String shown(int cp) {
        String rendered = InvalidStorageUriException.character(cp);
        return cp < 0x80 ? "'" + rendered + "'" : rendered;
    }

    /**
     * Only what some part of the grammar uses. Everything else, the shell metacharacters above all,
     * is refused before any part is looked at: a URI that passes here cannot break out of a shell word.
     */
    static boolean isUriCharacter(int cp) {
        return isAsciiAlnum(cp) || cp == '.' || cp == '_' || cp == '-' || cp == '/' || cp == ':' || cp == ','
                || cp == '@' || cp == '[' || cp == ']';
    }

    static boolean isAsciiAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isHex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Checks a relative path: components of {@code [0-9a-zA-Z._-]} (suri(7)), none empty, none
     * {@code .} or {@code ..} so that a path cannot climb out of /dev or the share.
     *
     * @param offset index in {@code text} where {@code path} starts, for positions in messages
     * @param shownAs  what to put before {@code path} in messages so they show the absolute path
     */
    static void checkPath(String text, String path, int offset, String what, String shownAs)
            throws InvalidStorageUriException {
        String shown = shownAs + path;
        if (path.endsWith("/")) {
            throw error(text, Part.PATH, what + " '" + shown + "' ends with '/'");
        }
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String component = path.substring(start, end);
            if (component.isEmpty()) {
                throw error(text, Part.PATH, what + " '" + shown + "' has an empty component");
            }
            if (component.equals(".") || component.equals("..")) {
                throw error(text, Part.PATH, what + " '" + shown + "' has a '" + component + "' component");
            }
            for (int i = 0; i < component.length(); i++) {
                char c = component.charAt(i);
                if (!isAsciiAlnum(c) && c != '.' && c != '_' && c != '-') {
                    throw error(text, Part.PATH, "character '" + c + "' at position " + (offset + start + i + 1)
                            + " is not allowed in a " + what + " (only letters, digits, '.', '_' and '-')");
                }
            }
            start = end + 1;
        }
    }

    /** A host with an optional port, as written in the URI. */
    record Authority(String host, String port) {
        boolean hasHost() {
            return !host.isEmpty();
        }

        /** The host without IPv6 brackets, as {@code suriadm parse} shows it. */
        String hostname() {
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }
    }

    /**
     * Parses {@code host[:port]}; the host is a DNS name (RFC 1123), an IPv4 address or an IPv6
     * address in brackets. An empty authority is allowed when {@code hostRequired} is false
     * (iSCSI without a host uses the initiator's configured discovery).
     */
    static Authority authority(String text, String authority, boolean hostRequired) throws InvalidStorageUriException {
        if (authority.isEmpty()) {
            if (hostRequired) {
                throw error(text, Part.HOST, "host is empty");
            }
            return new Authority("", null);
        }
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw error(text, Part.HOST, "IPv6 address '" + authority + "' has no closing ']'");
            }
            host = authority.substring(0, close + 1);
            String address = authority.substring(1, close);
            if (address.isEmpty()) {
                throw error(text, Part.HOST, "IPv6 address '[]' is empty");
            }
            if (!isIpv6(address)) {
                throw error(text, Part.HOST, "'" + address + "' is not a valid IPv6 address");
            }
            String rest = authority.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw error(text, Part.HOST, "unexpected '" + rest + "' after the IPv6 address (expected ':port' or '/')");
            }
        } else {
            if (authority.indexOf('[') >= 0 || authority.indexOf(']') >= 0) {
                throw error(text, Part.HOST, "'[' and ']' are only allowed around an IPv6 address, in '" + authority + "'");
            }
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw error(text, Part.HOST, "host '" + authority + "' has more than one ':'; "
                        + "IPv6 addresses must be enclosed in square brackets");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                port = authority.substring(colon + 1);
            }
            if (host.isEmpty()) {
                throw error(text, Part.HOST, "host is empty before ':" + port + "'");
            }
            checkHostName(text, host);
        }
        if (port != null) {
            checkPort(text, port);
        }
        return new Authority(host, port);
    }

    private static void checkHostName(String text, String host) throws InvalidStorageUriException {
        if (host.length() > 253) {
            throw error(text, Part.HOST, "host name is " + host.length() + " characters long; at most 253");
        }
        String[] labels = host.split("\\.", -1);
        boolean numeric = true;
        for (String label : labels) {
            if (label.isEmpty()) {
                throw error(text, Part.HOST, "host name '" + host + "' has an empty label");
            }
            if (label.length() > 63) {
                throw error(text, Part.HOST, "host name '" + host + "' has a label longer than 63 characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isAsciiAlnum(c) && c != '-') {
                    throw error(text, Part.HOST, "host name '" + host + "' has character '" + c
                            + "'; only letters, digits and '-' are allowed");
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw error(text, Part.HOST, "host name '" + host + "' has a label starting or ending with '-'");
            }
            numeric &= isDigits(label);
        }
        // A name of numbers only would be read by resolvers as an address, so it must be a good one.
        if (numeric) {
            checkIpv4(text, host);
        }
    }

    private static void checkIpv4(String text, String host) throws InvalidStorageUriException {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            throw error(text, Part.HOST, "'" + host + "' is not a valid IPv4 address (four numbers expected)");
        }
        for (String octet : octets) {
            if (octet.length() > 1 && octet.startsWith("0")) {
                throw error(text, Part.HOST, "'" + host + "' is not a valid IPv4 address "
                        + "(leading zeros are ambiguous: some resolvers read them as octal)");
            }
            if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
                throw error(text, Part.HOST, "'" + host + "' is not a valid IPv4 address ("
                        + octet + " is out of range 0-255)");
            }
        }
    }

    private static boolean isIpv4(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (!isDigits(octet) || octet.length() > 3 || (octet.length() > 1 && octet.startsWith("0"))
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 §2.2 text forms: eight groups, one '::' for a run of zeros, an IPv4 tail; no zone id. */
    static boolean isIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(s, true) == 8;
        }
        int head = groups(s.substring(0, gap), false);
        int tail = groups(s.substring(gap + 2), true);
        return head >= 0 && tail >= 0 && head + tail <= 7;
    }

    /** The number of 16-bit groups in a ':'-separated run, or -1 when malformed. */
    private static int groups(String run, boolean mayEndInIpv4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndInIpv4 && part.indexOf('.') >= 0) {
                if (!isIpv4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.length() >= 1 && part.length() <= 4 && isHex(part)) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    static int checkPort(String text, String port) throws InvalidStorageUriException {
        if (port.isEmpty()) {
            throw error(text, Part.PORT, "port is empty after ':'");
        }
        if (!isDigits(port)) {
            throw error(text, Part.PORT, "port '" + port + "' is not a number");
        }
        if (port.length() > 1 && port.startsWith("0")) {
            throw error(text, Part.PORT, "port '" + port + "' has a leading zero");
        }
        if (port.length() > 5 || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0) {
            throw error(text, Part.PORT, "port " + port + " is out of range (1-65535)");
        }
        return Integer.parseInt(port);
    }

    /** A logical unit designator such as {@code naa.600144F0...} or {@code eui.0021280001cf80f6}, as written. */
    record Designator(String format, String id) {
        @Override
        public String toString() {
            return format + "." + id;
        }
    }

    /**
     * Parses {@code <keyword>.naa.<ID>} or (when allowed) {@code <keyword>.eui.<ID>}. suri(7): "Only
     * logical unit names based on NAA or EUI-64 identifiers are supported"; IDs are case-insensitive.
     */
    static Designator designator(String text, String part, String keyword, boolean euiAllowed, Part which)
            throws InvalidStorageUriException {
        String expected = euiAllowed ? keyword + ".naa.<ID> or " + keyword + ".eui.<ID>" : keyword + ".naa.<ID>";
        if (!startsWithIgnoreCase(part, keyword + ".")) {
            throw error(text, which, "'" + part + "' should be " + expected);
        }
        String rest = part.substring(keyword.length() + 1);
        if (rest.isEmpty()) {
            throw error(text, which, "'" + part + "' has no identifier type after '" + keyword + ".' (" + expected + ")");
        }
        int dot = rest.indexOf('.');
        String format = dot < 0 ? rest : rest.substring(0, dot);
        boolean naa = format.equalsIgnoreCase("naa");
        boolean eui = format.equalsIgnoreCase("eui");
        if (!naa && !(eui && euiAllowed)) {
            String supported = euiAllowed ? "only NAA and EUI-64 identifiers are supported"
                    : "only NAA identifiers are supported here";
            throw error(text, which, "'" + part + "': " + supported + " (" + expected + ")");
        }
        String id = dot < 0 ? "" : rest.substring(dot + 1);
        if (id.isEmpty()) {
            throw error(text, which, "'" + part + "' has no identifier after '" + format + ".'");
        }
        if (naa && !(isHex(id) && (id.length() == 16 || id.length() == 32))) {
            throw error(text, which, "'" + part + "' is not a NAA identifier (16 or 32 hexadecimal digits)");
        }
        if (eui && !(isHex(id) && id.length() == 16)) {
            throw error(text, which, "'" + part + "' is not an EUI-64 identifier (16 hexadecimal digits)");
        }
        return new Designator(format, id);
    }

    /**
     * A user or group for NFS and file URIs: suri(7) allows names or numeric ids. Names follow the
     * POSIX portable user name set; a leading letter or '_' also keeps them from reading as options.
     */
    static void checkOwner(String text, String value, Part which) throws InvalidStorageUriException {
        String what = which == Part.USER ? "user" : "group";
        if (value.isEmpty()) {
            throw error(text, which, what + " is empty (user:group@ needs both)");
        }
        if (isDigits(value)) {
            if (value.length() > 1 && value.startsWith("0")) {
                throw error(text, which, what + " ID '" + value + "' has a leading zero");
            }
            if (value.length() > 10 || Long.parseLong(value) > MAX_ID) {
                throw error(text, which, what + " ID " + value + " is out of range (0-" + MAX_ID + ")");
            }
            return;
        }
        char first = value.charAt(0);
        boolean name = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_';
        for (int i = 1; i < value.length() && name; i++) {
            char c = value.charAt(i);
            name = isAsciiAlnum(c) || c == '_' || c == '.' || c == '-';
        }
        if (!name) {
            throw error(text, which, what + " '" + value + "' is neither a " + what + " name "
                    + "(a letter or '_', then letters, digits, '_', '.' or '-') nor a numeric " + what + " ID");
        }
    }

    /** The user and group a file is opened as, as written. */
    record Owner(String user, String group) {
    }

    /** Parses {@code user:group}; suri(7) requires both for NFS, and kzmove for files too. */
    static Owner owner(String text, String userinfo) throws InvalidStorageUriException {
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            throw error(text, Part.USER, "'" + userinfo + "@' should be 'user:group@' (both are required)");
        }
        String user = userinfo.substring(0, colon);
        String group = userinfo.substring(colon + 1);
        if (group.indexOf(':') >= 0) {
            throw error(text, Part.GROUP, "'" + userinfo + "@' has more than one ':' (expected user:group@)");
        }
        checkOwner(text, user, Part.USER);
        checkOwner(text, group, Part.GROUP);
        return new Owner(user, group);
    }

    /** Checks an absolute path of safe components, for NFS shares and plain files. */
    static void checkAbsolutePath(String text, String path, int offset) throws InvalidStorageUriException {
        if (!path.startsWith("/")) {
            throw error(text, Part.PATH, "path '" + path + "' is not absolute");
        }
        if (path.length() == 1) {
            throw error(text, Part.PATH, "path is '/'; a file name is expected");
        }
        checkPath(text, path.substring(1), offset + 1, "path", "/");
    }

    /** Records cannot throw checked exceptions from their constructors; a direct construction gets this. */
    static <T> T unchecked(Parser<T> parser, String text) {
        try {
            return parser.parse(text);
        } catch (InvalidStorageUriException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws InvalidStorageUriException;
    }
}
